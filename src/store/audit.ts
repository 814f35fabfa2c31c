/**
 * The audit log (nhật ký): who changed what and when, with the state before and after. Entries are
 * written by the same transaction as the change they describe, so one never exists without the other.
 * Queries only.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { chunk, column } from './batch.ts';
import type { AuditLogTable, DB } from './tables.ts';
import { formatInstant } from './values.ts';

/** What was done. */
export type AuditAction = 'create' | 'update' | 'delete' | 'save' | 'submit' | 'approve' | 'return' | 'reopen' | 'import' | 'apply_dvhcvn';
/** To what. */
export type AuditEntity = 'unit' | 'indicator' | 'resolution' | 'target' | 'value' | 'unit_period' | 'user' | 'workspace';

export interface AuditInput {
  at: Date;
  actorId: string | null;
  actor: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | null;
  /** The unit the change concerns, for filtering by scope; null for catalogue-wide changes. */
  unitId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export function rowToAudit(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: String(row.id),
    at: formatInstant(row.at),
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    unitId: row.unit_id,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
  };
}

/** Appends entries. Batched (one statement per chunk). */
export async function insertAudit(db: Kysely<DB>, entries: readonly AuditInput[]): Promise<void> {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  for (const b of chunk(entries, 2000))
    await sql`
      insert into audit_log (at, actor_id, actor, action, entity, entity_id, unit_id, before, after, reason)
      select at::timestamptz, actor_id, actor, action, entity, entity_id, unit_id, before::jsonb, after::jsonb, reason
      from unnest(${b.map((e) => e.at.toISOString())}::text[], ${column(b, (e) => e.actorId)}::text[], ${column(b, (e) => e.actor)}::text[],
                  ${column(b, (e) => e.action)}::text[], ${column(b, (e) => e.entity)}::text[], ${column(b, (e) => e.entityId)}::text[],
                  ${column(b, (e) => e.unitId)}::text[], ${b.map((e) => json(e.before))}::text[], ${b.map((e) => json(e.after))}::text[],
                  ${column(b, (e) => e.reason)}::text[])
        as t(at, actor_id, actor, action, entity, entity_id, unit_id, before, after, reason)`.execute(db);
}

export interface AuditFilter {
  /** Instants, inclusive. */
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  unitId?: string;
  /** Entries about these units only (the reader's scope); null = no restriction. */
  visibleUnitIds: readonly string[] | null;
  /** Entries without a unit that the reader may see: those of these entities; 'all' or none. */
  unitlessEntities: readonly string[] | 'all';
}

/** One page of entries, newest first, and how many match in all. Two queries. */
export async function listAudit(db: Kysely<DB>, f: AuditFilter, page: { offset: number; limit: number }): Promise<{ entries: AuditEntry[]; total: number }> {
  let q = db.selectFrom('audit_log');
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  if (f.actor) q = q.where('actor', '=', f.actor.toLowerCase());
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  const visible = f.visibleUnitIds;
  const unitless = f.unitlessEntities;
  if (visible !== null || unitless !== 'all')
    q = q.where((eb) =>
      eb.or([
        visible === null ? eb('unit_id', 'is not', null) : eb('unit_id', '=', sql<string>`any(${[...visible]}::text[])`),
        unitless === 'all' ? eb('unit_id', 'is', null) : eb.and([eb('unit_id', 'is', null), eb('entity', '=', sql<string>`any(${[...unitless]}::text[])`)]),
      ]),
    );
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { entries: rows.map(rowToAudit), total: Number(count.n) };
}
