/**
 * Reports (báo cáo): the free-text parts people write, kept apart from the figures so that they
 * survive every regeneration of the report, and the values behind a report's numbers, by id.
 * Queries only.
 */
import { type Kysely, sql } from 'kysely';
import type { FreeText } from '../report/model.ts';
import type { DB } from './tables.ts';
import { formatInstant, rowToValue, type StoredValue } from './values.ts';

export interface ReportNotesKey {
  unitId: string;
  /** Canonical period code ("2024", "2025-Q1"). */
  period: string;
  resolutionId: string;
}

export interface ReportNotes {
  freeText: FreeText;
  updatedAt: string;
  updatedBy: string | null;
}

const FREE_TEXT_KEYS = ['intro', 'achievements', 'limitations', 'causes', 'directions', 'proposals'] as const;

/** Only the known keys, only non-blank strings. */
export function cleanFreeText(raw: unknown): FreeText {
  const out: FreeText = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const k of FREE_TEXT_KEYS) {
    const v = (raw as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.trim()) out[k] = v;
  }
  return out;
}

export async function getReportNotes(db: Kysely<DB>, k: ReportNotesKey): Promise<ReportNotes | null> {
  const row = await db
    .selectFrom('report_notes')
    .selectAll()
    .where('unit_id', '=', k.unitId)
    .where('period', '=', k.period)
    .where('resolution_id', '=', k.resolutionId)
    .executeTakeFirst();
  if (!row) return null;
  return { freeText: cleanFreeText(row.free_text), updatedAt: formatInstant(new Date(row.updated_at)), updatedBy: row.updated_by };
}

/** Replaces the notes of a report (an empty object keeps an empty row: the last editor stays known). */
export async function saveReportNotes(db: Kysely<DB>, k: ReportNotesKey, freeText: FreeText, stamp: { at: Date; by: string | null }): Promise<ReportNotes> {
  const clean = cleanFreeText(freeText);
  const json = JSON.stringify(clean);
  await db
    .insertInto('report_notes')
    .values({ unit_id: k.unitId, period: k.period, resolution_id: k.resolutionId, free_text: json, updated_at: stamp.at, updated_by: stamp.by })
    .onConflict((oc) => oc.columns(['unit_id', 'period', 'resolution_id']).doUpdateSet({ free_text: json, updated_at: stamp.at, updated_by: stamp.by }))
    .execute();
  return { freeText: clean, updatedAt: formatInstant(stamp.at), updatedBy: stamp.by };
}

/** A stored value with its workflow state and note (the "where does this number come from" panel). */
export interface SourceValue extends StoredValue {
  state: string;
  note: string | null;
}

/** Values by id, in the order asked; ids that do not exist are left out. One query. */
export async function findValuesByIds(db: Kysely<DB>, ids: readonly number[]): Promise<SourceValue[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('data_values')
    .selectAll()
    .where('id', '=', sql<number>`any(${[...ids]}::bigint[])`)
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), { ...rowToValue(r), state: r.state, note: r.note }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
