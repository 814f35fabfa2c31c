/** Queries for reading report texts on the web (src/server/services/reading.ts): a figure with its provenance. */
import type { Kysely } from 'kysely';
import type { Provenance, ValueStatus } from '../core/values.ts';
import type { DB } from './tables.ts';

export interface ValueSource {
  id: string;
  indicator: string;
  unitId: string;
  period: string;
  value: number;
  status: ValueStatus;
  state: string;
  source: Provenance;
}

export async function getValueSource(db: Kysely<DB>, id: number): Promise<ValueSource | null> {
  const r = await db
    .selectFrom('data_values')
    .select(['id', 'indicator_code', 'unit_id', 'period', 'value', 'status', 'state', 'source'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const src = (typeof r.source === 'string' ? JSON.parse(r.source) : r.source) as Partial<Provenance> | null;
  return {
    id: String(r.id),
    indicator: r.indicator_code,
    unitId: r.unit_id,
    period: r.period,
    value: r.value,
    status: r.status as ValueStatus,
    state: r.state,
    source: { document: src?.document ?? null, place: src?.place ?? null, person: src?.person ?? null, note: src?.note ?? null },
  };
}
