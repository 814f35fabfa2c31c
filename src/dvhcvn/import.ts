/**
 * Writes the official unit list (dvhcvn/20250701, see parse.ts) into the store: idempotent (a re-run
 * updates names, codes, kinds and validity, adds what is missing, duplicates nothing), in one
 * transaction, batched. What the user added by hand survives a re-run: a counterpart set on an
 * official unit is kept, and parent links are only ever added.
 */
import type { Kysely } from 'kysely';
import { toStoreError } from '../store/errors.ts';
import { upsertSuccessions } from '../store/successions.ts';
import type { DB } from '../store/tables.ts';
import { type UpsertCounts, upsertUnits } from '../store/units.ts';
import { type DvhcvnData, readDvhcvnDir, transformDvhcvn } from './parse.ts';

export interface ImportDvhcvnOptions {
  /** The dataset's directory (915_CTK-CSCL.csv, merges.json, splits.json). */
  dir: string;
  /** A new province code ("19"): only it, its communes and the old units that went into them. */
  province?: string;
  /** Called after each batch written; may throw to abort (everything is rolled back). */
  onProgress?(done: number, total: number): void;
  /** Runs inside the import's transaction after the writes (the server writes its audit entry here). */
  beforeCommit?(trx: Kysely<DB>, summary: ImportDvhcvnSummary): Promise<void>;
}

export interface ImportDvhcvnSummary {
  counts: DvhcvnData['counts'];
  units: UpsertCounts;
  successions: UpsertCounts;
}

/**
 * Reads the dataset from `opts.dir` and writes it.
 * @throws DvhcvnError when the files are missing or inconsistent, or the province is unknown (nothing written)
 * @example
 *   await importDvhcvn(store.db, { dir: '../shared/data/dvhcvn-20250701', province: '19' });
 */
export async function importDvhcvn(db: Kysely<DB>, opts: ImportDvhcvnOptions): Promise<ImportDvhcvnSummary> {
  const data = transformDvhcvn(readDvhcvnDir(opts.dir), { province: opts.province });
  const total = data.units.length + data.successions.length;
  let done = 0;
  const progress = (n: number) => opts.onProgress?.((done += n), total);
  try {
    return await db.transaction().execute(async (trx) => {
      const units = await upsertUnits(trx, data.units, { mode: 'merge' }, progress);
      const successions = await upsertSuccessions(trx, data.successions, progress);
      const summary = { counts: data.counts, units, successions };
      await opts.beforeCommit?.(trx, summary);
      return summary;
    });
  } catch (e) {
    throw toStoreError(e);
  }
}
