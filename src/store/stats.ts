/**
 * How much the store holds, for `chitieu init` and status displays. One query.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from './tables.ts';

export interface StoreCounts {
  units: number;
  successions: number;
  indicators: number;
  resolutions: number;
  values: number;
  revisions: number;
}

/** Row counts of the main tables. */
export async function countAll(db: Kysely<DB>): Promise<StoreCounts> {
  const r = await sql<StoreCounts>`
    select (select count(*) from units) as units, (select count(*) from unit_successions) as successions,
           (select count(*) from indicators) as indicators, (select count(*) from resolutions) as resolutions,
           (select count(*) from data_values) as values, (select count(*) from value_revisions) as revisions`.execute(db);
  const row = r.rows[0]!;
  return {
    units: Number(row.units),
    successions: Number(row.successions),
    indicators: Number(row.indicators),
    resolutions: Number(row.resolutions),
    values: Number(row.values),
    revisions: Number(row.revisions),
  };
}
