/**
 * Data entry on the web (nhập liệu): figures with their workflow state, unit-period locks, state
 * transitions and their history. Queries only; the rules live in src/server/services/entry.ts.
 * Everything is batched: a grid of 40 indicators × 12 communes is one statement per step, never one
 * per cell (PGlite costs ~0.3 ms a query, stack-notes §4).
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { monthSpan, parsePeriod } from '../core/periods.ts';
import type { Provenance, ValueStatus } from '../core/values.ts';
import { chunk, column } from './batch.ts';
import type { DataValuesTable, DB } from './tables.ts';
import { formatInstant, type ValueState, valueStoreKey } from './values.ts';

/** A figure as the entry grid sees it. */
export interface EntryRow {
  id: number;
  indicator: string;
  unitId: string;
  period: string;
  option: string | null;
  value: number;
  status: ValueStatus;
  state: ValueState;
  version: number;
  note: string | null;
  stateReason: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

/**
 * The columns an entry row needs. Not the provenance: moving rows out of PGlite is the cost that
 * matters, and the JSON of a source is the widest column.
 */
const COLUMNS = ['id', 'indicator_code', 'unit_id', 'period', 'option', 'value', 'status', 'state', 'version', 'note', 'state_reason', 'updated_by', 'updated_at'] as const;
const COLUMNS_SQL = sql.raw(COLUMNS.join(', '));
const V_COLUMNS_SQL = sql.raw(COLUMNS.map((c) => `v.${c}`).join(', '));
const D_COLUMNS_SQL = sql.raw(COLUMNS.map((c) => `d.${c}`).join(', '));
type EntryColumns = Pick<Selectable<DataValuesTable>, (typeof COLUMNS)[number]>;

export function rowToEntry(r: EntryColumns): EntryRow {
  return {
    id: Number(r.id),
    indicator: r.indicator_code,
    unitId: r.unit_id,
    period: r.period,
    option: r.option === '' ? null : r.option,
    value: r.value,
    status: r.status as ValueStatus,
    state: r.state as ValueState,
    version: r.version,
    note: r.note,
    stateReason: r.state_reason,
    updatedBy: r.updated_by,
    updatedAt: formatInstant(r.updated_at),
  };
}

/** The key of an entry row, as {@link valueStoreKey}. */
export const entryKey = (r: Pick<EntryRow, 'indicator' | 'unitId' | 'period' | 'option'>): string => valueStoreKey(r);

/**
 * Figures of these units for exactly this period (not the periods inside it), by indicator, unit and
 * option. A grid is hundreds of rows: they come out of the database as one JSON array, which PGlite
 * hands over several times faster than as rows.
 */
export async function listEntryValues(db: Kysely<DB>, opts: { unitIds: readonly string[]; period: string; indicators?: readonly string[] }): Promise<EntryRow[]> {
  const r = await sql<{ rows: string | null }>`
    select json_agg(json_build_array(${sql.raw(COLUMNS.join(', '))}) order by indicator_code, unit_id, option)::text as rows
    from data_values
    where unit_id = any(${[...opts.unitIds]}::text[]) and period = ${opts.period}
      ${opts.indicators ? sql`and indicator_code = any(${[...opts.indicators]}::text[])` : sql``}`.execute(db);
  const json = r.rows[0]?.rows;
  if (!json) return [];
  return (JSON.parse(json) as unknown[][]).map((a) => {
    const row = Object.fromEntries(COLUMNS.map((c, i) => [c, a[i]])) as Record<(typeof COLUMNS)[number], unknown>;
    return rowToEntry({ ...(row as EntryColumns), id: Number(row.id), updated_at: new Date(row.updated_at as string) });
  });
}

export async function getEntryValue(db: Kysely<DB>, id: number): Promise<EntryRow | null> {
  const row = await db.selectFrom('data_values').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? rowToEntry(row) : null;
}

export type CellKey = Pick<EntryRow, 'indicator' | 'unitId' | 'period' | 'option'>;

/**
 * The stored rows of these keys, locked for update until the transaction ends (on PostgreSQL two
 * saves of the same cell then run one after the other, so the version check cannot be raced).
 */
export async function lockEntryValues(db: Kysely<DB>, keys: readonly CellKey[]): Promise<Map<string, EntryRow>> {
  const out = new Map<string, EntryRow>();
  for (const b of chunk(keys)) {
    const r = await sql<EntryColumns>`
      select ${V_COLUMNS_SQL} from data_values v
      join unnest(${column(b, (k) => k.indicator)}::text[], ${column(b, (k) => k.unitId)}::text[], ${column(b, (k) => k.period)}::text[],
                  ${b.map((k) => k.option ?? '')}::text[]) as k(i, u, p, o)
        on v.indicator_code = k.i and v.unit_id = k.u and v.period = k.p and v.option = k.o
      for update of v`.execute(db);
    for (const row of r.rows) {
      const e = rowToEntry(row);
      out.set(entryKey(e), e);
    }
  }
  return out;
}

export interface Stamp {
  at: Date;
  by: string | null;
}

export interface NewEntry extends CellKey {
  value: number;
  status: ValueStatus;
  note: string | null;
  source: Provenance;
}

/**
 * Inserts draft figures. A key that a concurrent writer inserted meanwhile is skipped (`on conflict
 * do nothing`): the caller compares the rows returned with those it asked for.
 */
export async function insertDrafts(db: Kysely<DB>, rows: readonly NewEntry[], stamp: Stamp): Promise<EntryRow[]> {
  const out: EntryRow[] = [];
  for (const b of chunk(rows)) {
    const spans = b.map((v) => monthSpan(parsePeriod(v.period)));
    const r = await sql<EntryColumns>`
      insert into data_values (indicator_code, unit_id, period, period_from, period_to, option, value, status, source, updated_at, updated_by, state, note)
      select i, u, p, pf, pt, o, v, s, src::jsonb, ${stamp.at.toISOString()}::timestamptz, ${stamp.by}::text, 'draft', n
      from unnest(${column(b, (v) => v.indicator)}::text[], ${column(b, (v) => v.unitId)}::text[], ${column(b, (v) => v.period)}::text[],
                  ${spans.map((s) => s.from)}::int[], ${spans.map((s) => s.to)}::int[], ${b.map((v) => v.option ?? '')}::text[],
                  ${column(b, (v) => v.value)}::float8[], ${column(b, (v) => v.status)}::text[], ${b.map((v) => JSON.stringify(v.source))}::text[],
                  ${column(b, (v) => v.note)}::text[])
        as t(i, u, p, pf, pt, o, v, s, src, n)
      on conflict (indicator_code, unit_id, period, option) do nothing
      returning ${COLUMNS_SQL}`.execute(db);
    out.push(...r.rows.map(rowToEntry));
  }
  return out;
}

/** Overwrites figures by id as drafts (value, status, note), bumps their version, clears the return reason. */
export async function updateDrafts(db: Kysely<DB>, rows: readonly { id: number; value: number; status: ValueStatus; note: string | null }[], stamp: Stamp): Promise<EntryRow[]> {
  const out: EntryRow[] = [];
  for (const b of chunk(rows)) {
    const r = await sql<EntryColumns>`
      update data_values d set value = u.v, status = u.s, note = u.n, state = 'draft', state_reason = null, version = d.version + 1,
        updated_at = ${stamp.at.toISOString()}::timestamptz, updated_by = ${stamp.by}::text
      from unnest(${column(b, (u) => u.id)}::bigint[], ${column(b, (u) => u.value)}::float8[], ${column(b, (u) => u.status)}::text[],
                  ${column(b, (u) => u.note)}::text[]) as u(id, v, s, n)
      where d.id = u.id
      returning ${D_COLUMNS_SQL}`.execute(db);
    out.push(...r.rows.map(rowToEntry));
  }
  return out;
}

/** A figure whose state moved, with the state it left. */
export interface Transition {
  row: EntryRow;
  oldState: ValueState;
}

/**
 * Moves every figure of these units for this period that is in one of `from` to `to`, with a reason
 * (kept on the figure for a return), bumping versions. One statement.
 */
export async function transitionStates(
  db: Kysely<DB>,
  opts: { unitIds: readonly string[]; period: string; from: readonly ValueState[]; to: ValueState; reason: string | null; stamp: Stamp },
): Promise<Transition[]> {
  const r = await sql<EntryColumns & { old_state: string }>`
    with old as (
      select id, state from data_values
      where unit_id = any(${[...opts.unitIds]}::text[]) and period = ${opts.period} and state = any(${[...opts.from]}::text[])
      for update
    )
    update data_values d set state = ${opts.to}, state_reason = ${opts.reason}::text, version = d.version + 1,
      updated_at = ${opts.stamp.at.toISOString()}::timestamptz, updated_by = ${opts.stamp.by}::text
    from old where d.id = old.id
    returning ${D_COLUMNS_SQL}, old.state as old_state`.execute(db);
  return r.rows.map((row) => ({ row: rowToEntry(row), oldState: row.old_state as ValueState }));
}

/** How many figures of these units for this period are in each state. */
export async function countStates(db: Kysely<DB>, unitIds: readonly string[], period: string): Promise<Record<ValueState, number>> {
  const rows = await db
    .selectFrom('data_values')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', '=', sql<string>`any(${[...unitIds]}::text[])`)
    .where('period', '=', period)
    .groupBy('state')
    .execute();
  const out: Record<ValueState, number> = { draft: 0, submitted: 0, approved: 0, returned: 0 };
  for (const r of rows) out[r.state as ValueState] = Number(r.n);
  return out;
}

export interface Lock {
  unitId: string;
  period: string;
  lockedBy: string | null;
  lockedAt: string;
}

/** Locks of these units for these periods. */
export async function listLocks(db: Kysely<DB>, unitIds: readonly string[], periods: readonly string[]): Promise<Lock[]> {
  if (unitIds.length === 0 || periods.length === 0) return [];
  const rows = await db
    .selectFrom('unit_period_locks')
    .selectAll()
    .where('unit_id', '=', sql<string>`any(${[...unitIds]}::text[])`)
    .where('period', '=', sql<string>`any(${[...periods]}::text[])`)
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, period: r.period, lockedBy: r.locked_by, lockedAt: formatInstant(r.locked_at) }));
}

/** Locks the unit-periods (those already locked stay as they were). */
export async function insertLocks(db: Kysely<DB>, unitIds: readonly string[], period: string, stamp: Stamp): Promise<void> {
  await sql`
    insert into unit_period_locks (unit_id, period, locked_at, locked_by)
    select u, ${period}, ${stamp.at.toISOString()}::timestamptz, ${stamp.by}::text from unnest(${[...unitIds]}::text[]) as t(u)
    on conflict (unit_id, period) do nothing`.execute(db);
}

/** Unlocks; returns the locks removed. */
export async function deleteLocks(db: Kysely<DB>, unitIds: readonly string[], period: string): Promise<Lock[]> {
  const rows = await db
    .deleteFrom('unit_period_locks')
    .where('unit_id', '=', sql<string>`any(${[...unitIds]}::text[])`)
    .where('period', '=', period)
    .returningAll()
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, period: r.period, lockedBy: r.locked_by, lockedAt: formatInstant(r.locked_at) }));
}

export interface WorkflowRevision {
  valueId: number;
  at: Date;
  by: string | null;
  oldValue: number | null;
  newValue: number | null;
  oldStatus: ValueStatus | null;
  newStatus: ValueStatus | null;
  oldState: ValueState | null;
  newState: ValueState | null;
  reason: string | null;
}

/** Appends revisions with their states. Batched. */
export async function insertWorkflowRevisions(db: Kysely<DB>, revisions: readonly WorkflowRevision[]): Promise<void> {
  for (const b of chunk(revisions))
    await sql`
      insert into value_revisions (value_id, at, by, old_value, new_value, old_status, new_status, old_state, new_state, reason)
      select value_id, at::timestamptz, by, old_value, new_value, old_status, new_status, old_state, new_state, reason
      from unnest(${column(b, (r) => r.valueId)}::bigint[], ${b.map((r) => r.at.toISOString())}::text[], ${column(b, (r) => r.by)}::text[],
                  ${column(b, (r) => r.oldValue)}::float8[], ${column(b, (r) => r.newValue)}::float8[], ${column(b, (r) => r.oldStatus)}::text[],
                  ${column(b, (r) => r.newStatus)}::text[], ${column(b, (r) => r.oldState)}::text[], ${column(b, (r) => r.newState)}::text[],
                  ${column(b, (r) => r.reason)}::text[])
        as t(value_id, at, by, old_value, new_value, old_status, new_status, old_state, new_state, reason)`.execute(db);
}

export interface HistoryEntry {
  at: string;
  by: string | null;
  oldValue: number | null;
  newValue: number | null;
  oldStatus: ValueStatus | null;
  newStatus: ValueStatus | null;
  oldState: ValueState | null;
  newState: ValueState | null;
  reason: string | null;
}

/** Revisions of one figure, oldest first. */
export async function listValueHistory(db: Kysely<DB>, valueId: number): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('value_revisions').selectAll().where('value_id', '=', valueId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({
    at: formatInstant(r.at),
    by: r.by,
    oldValue: r.old_value,
    newValue: r.new_value,
    oldStatus: r.old_status as ValueStatus | null,
    newStatus: r.new_status as ValueStatus | null,
    oldState: r.old_state as ValueState | null,
    newState: r.new_state as ValueState | null,
    reason: r.reason,
  }));
}
