/**
 * Values (số liệu) and their revisions: queries only. A value is identified by (indicator, unit,
 * period, option); the option is '' in the table for the total, null in the domain.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { type MonthSpan, monthSpan, parsePeriod } from '../core/periods.ts';
import type { Figure, Revision, Value, ValueStatus } from '../core/values.ts';
import { chunk, column } from './batch.ts';
import type { DataValuesTable, DB, ValueRevisionsTable } from './tables.ts';

/** A value as stored: the domain value plus its bookkeeping. */
export interface StoredValue extends Value {
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export type ValueKey = Pick<Value, 'indicator' | 'unitId' | 'period' | 'option'>;

/** The identity of a value as one string. */
export const valueStoreKey = (k: ValueKey): string => `${k.indicator}\u0000${k.unitId}\u0000${k.period}\u0000${k.option ?? ''}`;

export function rowToValue(row: Selectable<DataValuesTable>): StoredValue {
  return {
    id: String(row.id),
    indicator: row.indicator_code,
    unitId: row.unit_id,
    period: row.period,
    option: row.option === '' ? null : row.option,
    value: row.value,
    status: row.status as ValueStatus,
    source: row.source,
    version: row.version,
    updatedAt: formatInstant(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** An instant as ISO 8601 in UTC, without milliseconds when there are none: "2024-12-15T08:00:00Z". */
export const formatInstant = (d: Date): string => d.toISOString().replace(/\.000Z$/, 'Z');

export function rowToRevision(row: Selectable<ValueRevisionsTable>): Revision {
  return {
    at: formatInstant(row.at),
    by: row.by,
    oldValue: row.old_value,
    newValue: row.new_value,
    oldStatus: row.old_status as ValueStatus | null,
    newStatus: row.new_status as ValueStatus | null,
    reason: row.reason,
  };
}

export interface ListValuesOptions {
  unitIds?: readonly string[];
  indicator?: string;
  /** Only values whose period lies inside this span of months. */
  within?: MonthSpan;
  /** Only values whose period overlaps this span of months. */
  overlapping?: MonthSpan;
  /** Only values in these workflow states (evaluations read 'approved' only). */
  states?: readonly ValueState[];
}

/** Workflow state of a figure: entered on the web as a draft, submitted, approved by the office or returned. */
export type ValueState = 'draft' | 'submitted' | 'approved' | 'returned';
export const VALUE_STATES: readonly ValueState[] = ['draft', 'submitted', 'approved', 'returned'];

/** Values matching every option given, by indicator, unit, period start, period end and option. */
export async function listValues(db: Kysely<DB>, opts: ListValuesOptions = {}): Promise<StoredValue[]> {
  let q = db.selectFrom('data_values').selectAll();
  if (opts.unitIds) q = q.where('unit_id', '=', sql<string>`any(${[...opts.unitIds]}::text[])`);
  if (opts.indicator) q = q.where('indicator_code', '=', opts.indicator);
  if (opts.within) q = q.where('period_from', '>=', opts.within.from).where('period_to', '<=', opts.within.to);
  if (opts.overlapping) q = q.where('period_to', '>=', opts.overlapping.from).where('period_from', '<=', opts.overlapping.to);
  if (opts.states) q = q.where('state', '=', sql<string>`any(${[...opts.states]}::text[])`);
  const rows = await q.orderBy('indicator_code').orderBy('unit_id').orderBy('period_from').orderBy('period_to').orderBy('option').execute();
  return rows.map(rowToValue);
}

/**
 * The figures an evaluation reads: no provenance, no bookkeeping, no ordering. Moving rows out of
 * PGlite is the cost that matters (about three times less for these seven columns than for all).
 */
export async function listFigures(db: Kysely<DB>, opts: Pick<ListValuesOptions, 'unitIds' | 'overlapping' | 'states'>): Promise<Figure[]> {
  let q = db.selectFrom('data_values').select(['id', 'indicator_code', 'unit_id', 'period', 'option', 'value', 'status']);
  if (opts.unitIds) q = q.where('unit_id', '=', sql<string>`any(${[...opts.unitIds]}::text[])`);
  if (opts.overlapping) q = q.where('period_to', '>=', opts.overlapping.from).where('period_from', '<=', opts.overlapping.to);
  if (opts.states) q = q.where('state', '=', sql<string>`any(${[...opts.states]}::text[])`);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: String(r.id),
    indicator: r.indicator_code,
    unitId: r.unit_id,
    period: r.period,
    option: r.option === '' ? null : r.option,
    value: r.value,
    status: r.status as ValueStatus,
  }));
}

/** How many values the store holds. */
export async function countValues(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('data_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What {@link findValues} returns of a stored value: enough to compare it with a new figure. */
export interface ExistingValue {
  id: number;
  value: number;
  status: ValueStatus;
  source: Value['source'];
}

/**
 * The stored values having one of the given keys, by {@link valueStoreKey}. Batched; only the
 * columns needed to compare are read, and rows are matched back to the keys by position (ordinality),
 * because moving rows out of PGlite costs more than the join itself.
 */
export async function findValues(db: Kysely<DB>, keys: readonly ValueKey[]): Promise<Map<string, ExistingValue>> {
  const out = new Map<string, ExistingValue>();
  for (const b of chunk(keys, 20_000)) {
    const r = await sql<{ n: number; id: number; value: number; status: string; source: Value['source'] }>`
      select k.n::int as n, v.id, v.value, v.status, v.source from data_values v
      join unnest(${column(b, (k) => k.indicator)}::text[], ${column(b, (k) => k.unitId)}::text[], ${column(b, (k) => k.period)}::text[],
                  ${b.map((k) => k.option ?? '')}::text[]) with ordinality as k(i, u, p, o, n)
        on v.indicator_code = k.i and v.unit_id = k.u and v.period = k.p and v.option = k.o`.execute(db);
    for (const row of r.rows) out.set(valueStoreKey(b[row.n - 1]!), { id: Number(row.id), value: row.value, status: row.status as ValueStatus, source: row.source });
  }
  return out;
}

/** Who and when, for the bookkeeping columns. */
export interface WriteStamp {
  at: Date;
  by: string | null;
}

/**
 * Inserts new values (their keys must not exist). Batched: one statement per {@link chunk}. Nothing
 * is returned: moving 100,000 ids back out of PGlite costs more than the insert; look the few ids
 * needed up with {@link findValues}.
 */
export async function insertValues(db: Kysely<DB>, values: readonly Omit<Value, 'id'>[], stamp: WriteStamp, onBatch?: (n: number) => void): Promise<void> {
  for (const b of chunk(values)) {
    const spans = b.map((v) => monthSpan(parsePeriod(v.period)));
    await sql`
      insert into data_values (indicator_code, unit_id, period, period_from, period_to, option, value, status, source, updated_at, updated_by)
      select i, u, p, pf, pt, o, v, s, src::jsonb, ${stamp.at.toISOString()}::timestamptz, ${stamp.by}::text
      from unnest(${column(b, (v) => v.indicator)}::text[], ${column(b, (v) => v.unitId)}::text[], ${column(b, (v) => v.period)}::text[],
                  ${spans.map((s) => s.from)}::int[], ${spans.map((s) => s.to)}::int[], ${b.map((v) => v.option ?? '')}::text[],
                  ${column(b, (v) => v.value)}::float8[], ${column(b, (v) => v.status)}::text[], ${b.map((v) => JSON.stringify(v.source))}::text[])
        as t(i, u, p, pf, pt, o, v, s, src)`.execute(db);
    onBatch?.(b.length);
  }
}

export interface ValueUpdate {
  id: number;
  value: number;
  status: ValueStatus;
  source: Value['source'];
}

/** Overwrites values by id and bumps their version. Batched. Record a revision alongside. */
export async function updateValues(db: Kysely<DB>, updates: readonly ValueUpdate[], stamp: WriteStamp, onBatch?: (n: number) => void): Promise<void> {
  for (const b of chunk(updates)) {
    await sql`
      update data_values d set value = u.v, status = u.s, source = u.src::jsonb, version = d.version + 1,
        updated_at = ${stamp.at.toISOString()}::timestamptz, updated_by = ${stamp.by}::text
      from unnest(${column(b, (u) => u.id)}::bigint[], ${column(b, (u) => u.value)}::float8[], ${column(b, (u) => u.status)}::text[],
                  ${b.map((u) => JSON.stringify(u.source))}::text[]) as u(id, v, s, src)
      where d.id = u.id`.execute(db);
    onBatch?.(b.length);
  }
}

export type NewRevision = Revision & { valueId: number };

/** Appends revisions. Batched. */
export async function insertRevisions(db: Kysely<DB>, revisions: readonly NewRevision[]): Promise<void> {
  for (const b of chunk(revisions))
    await sql`
      insert into value_revisions (value_id, at, by, old_value, new_value, old_status, new_status, reason)
      select value_id, at::timestamptz, by, old_value, new_value, old_status, new_status, reason
      from unnest(${column(b, (r) => r.valueId)}::bigint[], ${column(b, (r) => r.at)}::text[], ${column(b, (r) => r.by)}::text[],
                  ${column(b, (r) => r.oldValue)}::float8[], ${column(b, (r) => r.newValue)}::float8[], ${column(b, (r) => r.oldStatus)}::text[],
                  ${column(b, (r) => r.newStatus)}::text[], ${column(b, (r) => r.reason)}::text[])
        as t(value_id, at, by, old_value, new_value, old_status, new_status, reason)`.execute(db);
}

/** Revisions of the given values (all when omitted), oldest first, by value id. Batched. */
export async function listRevisions(db: Kysely<DB>, valueIds?: readonly number[]): Promise<Map<number, Revision[]>> {
  const out = new Map<number, Revision[]>();
  const add = (rows: Selectable<ValueRevisionsTable>[]) => {
    for (const row of rows) (out.get(row.value_id) ?? out.set(row.value_id, []).get(row.value_id)!).push(rowToRevision(row));
  };
  const base = db.selectFrom('value_revisions').selectAll().orderBy('value_id').orderBy('at').orderBy('id');
  if (!valueIds) add(await base.execute());
  else for (const b of chunk(valueIds)) add(await base.where('value_id', '=', sql<number>`any(${b}::bigint[])`).execute());
  return out;
}
