/**
 * Resolutions (Nghị quyết) and their targets (chỉ tiêu): queries only. A resolution and its targets
 * are written together; rewriting a resolution replaces its whole list of targets.
 */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Field } from '../core/indicators.ts';
import type { Recurrence, Resolution, Target } from '../core/resolutions.ts';
import { chunk } from './batch.ts';
import type { DB, ResolutionsTable, TargetsTable } from './tables.ts';

export function rowToTarget(row: Selectable<TargetsTable>): Target {
  return {
    id: row.id,
    code: row.code,
    indicator: row.indicator_code,
    wording: row.wording,
    basis: row.basis,
    rule: row.rule,
    recurrence: row.recurrence as Recurrence,
    precision: row.precision,
    field: row.field as Field | null,
    yearPlans: row.year_plans,
    note: row.note,
  };
}

/** Maps a resolution row and its target rows (any order: they are sorted by position). */
export function rowToResolution(row: Selectable<ResolutionsTable>, targets: readonly Selectable<TargetsTable>[]): Resolution {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    issuerId: row.issuer_id,
    issuedOn: row.issued_on,
    scope: row.scope,
    settings: row.settings,
    targets: [...targets].sort((a, b) => a.position - b.position).map(rowToTarget),
  };
}

/** Every resolution with its targets in their order, by id. Two queries. */
export async function listResolutions(db: Kysely<DB>): Promise<Resolution[]> {
  const rows = await db.selectFrom('resolutions').selectAll().orderBy('id').execute();
  const byResolution = new Map<string, Selectable<TargetsTable>[]>();
  for (const t of await db.selectFrom('targets').selectAll().execute())
    (byResolution.get(t.resolution_id) ?? byResolution.set(t.resolution_id, []).get(t.resolution_id)!).push(t);
  return rows.map((r) => rowToResolution(r, byResolution.get(r.id) ?? []));
}

/** Ids of every resolution. */
export async function listResolutionIds(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await db.selectFrom('resolutions').select('id').execute()).map((r) => r.id));
}

function resolutionToRow(r: Resolution): Insertable<ResolutionsTable> {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    issuer_id: r.issuerId,
    issued_on: r.issuedOn,
    scope: JSON.stringify(r.scope),
    settings: JSON.stringify(r.settings),
  };
}

function targetToRow(resolutionId: string, t: Target, position: number): Insertable<TargetsTable> {
  return {
    resolution_id: resolutionId,
    id: t.id,
    position,
    code: t.code,
    indicator_code: t.indicator,
    wording: t.wording,
    basis: JSON.stringify(t.basis),
    rule: JSON.stringify(t.rule),
    recurrence: t.recurrence,
    precision: t.precision,
    field: t.field,
    year_plans: JSON.stringify(t.yearPlans),
    note: t.note,
  };
}

/** Inserts resolutions or replaces those with the same id, targets included. */
export async function upsertResolutions(db: Kysely<DB>, list: readonly Resolution[]): Promise<void> {
  for (const b of chunk(list, 500)) {
    await db
      .insertInto('resolutions')
      .values(b.map(resolutionToRow))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          number: eb.ref('excluded.number'),
          title: eb.ref('excluded.title'),
          issuer_id: eb.ref('excluded.issuer_id'),
          issued_on: eb.ref('excluded.issued_on'),
          scope: eb.ref('excluded.scope'),
          settings: eb.ref('excluded.settings'),
        })),
      )
      .execute();
    await db.deleteFrom('targets').where('resolution_id', '=', sql<string>`any(${b.map((r) => r.id)}::text[])`).execute();
  }
  const targets = list.flatMap((r) => r.targets.map((t, i) => targetToRow(r.id, t, i)));
  for (const b of chunk(targets, 500)) await db.insertInto('targets').values(b).execute();
}
