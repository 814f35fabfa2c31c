/**
 * Opens the store: an embedded PGlite database persisted in a data directory (the default: nothing to
 * install), or a real PostgreSQL server through `pg` when a connection string is given. Both sit
 * behind the same `Kysely<DB>`; nothing else in the program knows which one runs (docs/store.md).
 *
 * Where the data lives, in order: `memory`, then an explicit `databaseUrl`, an explicit `dataDir`,
 * then the environment: `CHITIEU_DATA_DIR`, `DATABASE_URL` (PostgreSQL), and finally `./data`. The
 * program's own variable wins over the generic DATABASE_URL, which a shell may set for other tools.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { resolve, join } from 'node:path';
import { StoreError } from './errors.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { migrateToLatest } from './migrations.ts';
import type { DB } from './tables.ts';

export type StoreKind = 'pglite' | 'pg';

export interface Store {
  db: Kysely<DB>;
  kind: StoreKind;
  /** For messages: the data directory, "bộ nhớ tạm", or the server URL without its password. */
  location: string;
  /** Closes the database and releases the data directory's lock. Safe to call twice. */
  close(): Promise<void>;
  /** PGlite only: a tarball of the whole database (a backup; tests clone a migrated template from it). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenStoreOptions {
  /** PGlite data directory (created if missing). Default: `CHITIEU_DATA_DIR`, else `./data` (unless `DATABASE_URL`). */
  dataDir?: string;
  /** A PostgreSQL connection string. Default: `DATABASE_URL` when neither `dataDir` nor `CHITIEU_DATA_DIR` is given. */
  databaseUrl?: string;
  /** An in-memory PGlite, gone on close (tests). */
  memory?: boolean;
  /** With `memory`: start from this dump (see {@link Store.dumpDataDir}) instead of running initdb. */
  loadDataDir?: Blob;
  /** Run the migrations on open (default true). */
  migrate?: boolean;
  /** Environment to read the defaults from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

export type StoreTarget =
  | { kind: 'memory'; loadDataDir?: Blob }
  | { kind: 'pg'; url: string }
  | { kind: 'pglite'; dataDir: string };

/** The sub-directory of the data directory that holds PGlite's files (the lock file sits beside it). */
export const PGLITE_SUBDIR = 'pglite';

/** Decides where the store lives, from the options and the environment (pure). */
export function resolveStoreTarget(opts: OpenStoreOptions, env: Readonly<Record<string, string | undefined>> = process.env): StoreTarget {
  if (opts.memory) return { kind: 'memory', loadDataDir: opts.loadDataDir };
  if (opts.databaseUrl) return { kind: 'pg', url: opts.databaseUrl };
  if (opts.dataDir) return { kind: 'pglite', dataDir: resolve(opts.dataDir) };
  if (env.CHITIEU_DATA_DIR) return { kind: 'pglite', dataDir: resolve(env.CHITIEU_DATA_DIR) };
  if (env.DATABASE_URL) return { kind: 'pg', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: resolve('./data') };
}

/**
 * Opens (and by default migrates) the store.
 * @throws StoreLockedError when another process has the data directory open
 * @throws StoreError 'open_failed' when the database cannot be opened or migrated
 * @example
 *   const store = await openStore({ dataDir: './data' });
 *   try { await store.db.selectFrom('units').selectAll().execute(); } finally { await store.close(); }
 */
export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const target = resolveStoreTarget(opts, opts.env ?? process.env);
  const store = target.kind === 'pg' ? openPostgres(target.url) : await openPglite(target);
  if (opts.migrate === false) return store;
  try {
    await migrateToLatest(store.db as Kysely<unknown>);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

// PGlite and pg must hand back the same JS types (see tables.ts).
const OID_INT8 = 20;
const OID_DATE = 1082;
const asNumber = (s: string) => Number(s);
const asIsoDate = (s: string) => s;

async function openPglite(target: Extract<StoreTarget, { kind: 'memory' | 'pglite' }>): Promise<Store> {
  const lock = target.kind === 'pglite' ? lockDataDir(target.dataDir) : null;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(target.kind === 'pglite' ? { dataDir: join(target.dataDir, PGLITE_SUBDIR) } : {}),
      ...(target.kind === 'memory' && target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers: { [OID_INT8]: asNumber, [OID_DATE]: asIsoDate },
    });
  } catch (e) {
    lock?.release();
    const where = target.kind === 'pglite' ? target.dataDir : 'bộ nhớ tạm';
    throw new StoreError('open_failed', `Không mở được kho dữ liệu PGlite tại ${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    location: target.kind === 'pglite' ? target.dataDir : 'bộ nhớ tạm',
    close: once(async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    }),
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}

/** The data directory's lock; a directory we cannot write to is an 'open_failed' store error. */
function lockDataDir(dir: string): DataDirLock {
  try {
    return acquireDataDirLock(dir);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError('open_failed', `Không tạo được tệp khóa trong thư mục dữ liệu ${dir}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({
    connectionString: url,
    // Per pool rather than pg.types.setTypeParser, which would change every pg user in the process.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === OID_INT8 ? asNumber : oid === OID_DATE ? asIsoDate : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (server restart) emits on the pool; without a listener node
  // would crash. pg drops that client by itself and the next query reports its own error, so a
  // warning is all there is to do here.
  pool.on('error', (e) => process.stderr.write(`Cảnh báo: mất kết nối tới PostgreSQL (${e.message}); kết nối sẽ được mở lại.\n`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'pg', location: redactUrl(url), close: once(() => db.destroy()) };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch (e) {
    // Not a URL (a libpq key=value string): say nothing about it rather than leak a password.
    if (e instanceof TypeError) return 'PostgreSQL';
    throw e;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | null = null;
  return () => (p ??= fn());
}
