/**
 * A fresh, migrated store for a database test, on the engine the test run asks for:
 *
 * - `CHITIEU_TEST_DB=pglite` (default): an in-memory PGlite cloned from a migrated template made once
 *   per test file (about 0.5 s instead of 2.5 s for initdb, stack-notes §5);
 * - `CHITIEU_TEST_DB=pg`: a new database `t_<random>` on the server of `TEST_DATABASE_URL`, dropped on
 *   close.
 *
 * scripts/test.mjs runs every `*.db.test.ts` file once with each.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/db.ts';

export type TestDbKind = 'pglite' | 'pg';

/** The engine of this run. */
export function testDbKind(): TestDbKind {
  const k = process.env.CHITIEU_TEST_DB ?? 'pglite';
  if (k !== 'pglite' && k !== 'pg') throw new Error(`CHITIEU_TEST_DB phải là pglite hoặc pg, không phải "${k}"`);
  return k;
}

let template: Promise<Blob> | null = null;

/** A migrated, empty in-memory PGlite, dumped once per process. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const base = await openStore({ memory: true });
    try {
      return await base.dumpDataDir!();
    } finally {
      await base.close();
    }
  })();
  return template;
}

/** Opens a fresh, empty, migrated store; `close()` also discards it. */
export async function openTestStore(): Promise<Store> {
  if (testDbKind() === 'pglite') return openStore({ memory: true, loadDataDir: await pgliteTemplate() });
  return openPostgresTestStore();
}

async function openPostgresTestStore(): Promise<Store> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('CHITIEU_TEST_DB=pg cần TEST_DATABASE_URL (máy chủ PostgreSQL dùng để thử)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let store: Store;
  try {
    store = await openStore({ databaseUrl: url.toString() });
  } catch (e) {
    await admin(adminUrl, `drop database if exists ${name} with (force)`);
    throw e;
  }
  return {
    ...store,
    close: async () => {
      try {
        await store.close();
      } finally {
        await admin(adminUrl, `drop database if exists ${name} with (force)`);
      }
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
