/** The store's generation counters (see the migration "generations"): one small row, read per request. */
import type { Kysely } from 'kysely';
import type { DB } from './tables.ts';

export interface Generations {
  /** Bumped by every change to units, parent links, successions, indicators, resolutions, targets. */
  catalogue: number;
  /** Bumped by every change to figures. */
  data: number;
  /** Bumped when a session ends or an account changes (not by a new session or its activity). */
  auth: number;
}

export async function readGenerations(db: Kysely<DB>): Promise<Generations> {
  const r = await db.selectFrom('store_generations').select(['catalogue', 'data', 'auth']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { catalogue: Number(r.catalogue), data: Number(r.data), auth: Number(r.auth) };
}
