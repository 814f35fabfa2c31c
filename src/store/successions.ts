/**
 * Succession links between units (kế thừa: sáp nhập, chia tách, đổi tên): queries only. A link is
 * identified by (from, to, effective date).
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Succession, SuccessionKind } from '../core/units.ts';
import { chunk, column } from './batch.ts';
import type { UpsertCounts } from './units.ts';
import type { DB, UnitSuccessionsTable } from './tables.ts';

export function rowToSuccession(row: Selectable<UnitSuccessionsTable>): Succession {
  return {
    fromId: row.from_unit_id,
    toId: row.to_unit_id,
    kind: row.kind as SuccessionKind,
    share: row.share,
    effectiveDate: row.effective_date,
    legalBasis: row.legal_basis,
  };
}

/** The identity of a succession link. */
export const successionKey = (s: Pick<Succession, 'fromId' | 'toId' | 'effectiveDate'>): string => `${s.fromId}\u0000${s.toId}\u0000${s.effectiveDate}`;

/** Succession links, all or those touching the given units (either end), oldest first. */
export async function listSuccessions(db: Kysely<DB>, opts: { unitIds?: readonly string[] } = {}): Promise<Succession[]> {
  let q = db.selectFrom('unit_successions').selectAll().orderBy('effective_date').orderBy('from_unit_id').orderBy('to_unit_id');
  if (opts.unitIds) {
    const ids = [...opts.unitIds];
    q = q.where((eb) => eb.or([eb('from_unit_id', '=', sql<string>`any(${ids}::text[])`), eb('to_unit_id', '=', sql<string>`any(${ids}::text[])`)]));
  }
  return (await q.execute()).map(rowToSuccession);
}

/** Keys ({@link successionKey}) of the given links that the store already holds. */
export async function findExistingSuccessions(db: Kysely<DB>, list: readonly Succession[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const b of chunk(list)) {
    const r = await sql<Selectable<UnitSuccessionsTable>>`
      select s.* from unit_successions s
      join unnest(${column(b, (s) => s.fromId)}::text[], ${column(b, (s) => s.toId)}::text[], ${column(b, (s) => s.effectiveDate)}::text[]) as k(f, t, d)
        on s.from_unit_id = k.f and s.to_unit_id = k.t and s.effective_date = k.d::date`.execute(db);
    for (const row of r.rows) out.add(successionKey(rowToSuccession(row)));
  }
  return out;
}

/** Inserts links, or updates kind, share and legal basis of those already there. Batched. */
export async function upsertSuccessions(db: Kysely<DB>, list: readonly Succession[], onBatch?: (n: number) => void): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0 };
  for (const b of chunk(list)) {
    const r = await sql<{ inserted: boolean }>`
      insert into unit_successions (from_unit_id, to_unit_id, kind, share, effective_date, legal_basis)
      select f, t, kind, share, d::date, basis
      from unnest(${column(b, (s) => s.fromId)}::text[], ${column(b, (s) => s.toId)}::text[], ${column(b, (s) => s.kind)}::text[],
                  ${column(b, (s) => s.share)}::float8[], ${column(b, (s) => s.effectiveDate)}::text[], ${column(b, (s) => s.legalBasis)}::text[])
        as x(f, t, kind, share, d, basis)
      on conflict (from_unit_id, to_unit_id, effective_date) do update set
        kind = excluded.kind, share = excluded.share, legal_basis = excluded.legal_basis
      returning (xmax = 0) as inserted`.execute(db);
    for (const row of r.rows) row.inserted ? counts.inserted++ : counts.updated++;
    onBatch?.(b.length);
  }
  return counts;
}
