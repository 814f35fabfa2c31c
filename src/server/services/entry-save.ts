/**
 * Saving figures as drafts, all or nothing (PUT /api/entry and the Excel upload).
 *
 * Order of refusals: scope (403) → the cells themselves (400, every problem at once) → locked
 * unit-periods (423) → versions (409 with the cells as stored: someone saved first). Only then is
 * anything written, in one transaction with the revisions and the audit entries. On PostgreSQL the
 * rows are locked while they are compared, so two saves of one cell cannot both pass the check.
 */
import type { Kysely } from 'kysely';
import type { Indicator } from '../../core/indicators.ts';
import { type Period, periodCode } from '../../core/periods.ts';
import { unitDisplayName } from '../../core/units.ts';
import type { ValueStatus } from '../../core/values.ts';
import { insertAudit } from '../../store/audit.ts';
import type { DB } from '../../store/tables.ts';
import { listUnits } from '../../store/units.ts';
import {
  type CellKey,
  entryKey,
  type EntryRow,
  insertDrafts,
  insertWorkflowRevisions,
  listLocks,
  lockEntryValues,
  type NewEntry,
  updateDrafts,
  type WorkflowRevision,
} from '../../store/workflow.ts';
import type { AuthContext } from '../auth/context.ts';
import { ApiError, type FieldProblem } from '../errors.ts';
import { auditBy } from './audit.ts';
import { cellView, type EntryCellView, storageUnitId } from './entry-grid.ts';

export interface SaveCellInput {
  indicator: string;
  unitId: string;
  option: string | null;
  value: number;
  status: ValueStatus;
  note: string | null;
  /** The version the user started from; null for a new cell. */
  version: number | null;
}

export interface SaveOptions {
  now: Date;
  /** false for the Excel upload: the file carries no versions, the last upload wins. */
  checkVersions: boolean;
  /** For the revisions (default: "Nhập trên web"). */
  reason?: string;
  /** Where a cell's problems point: `cells[3].value` by default; the Excel upload names cells. */
  pathOf?: (index: number, field: 'indicator' | 'option' | 'value' | 'unitId' | 'cell') => FieldProblem;
}

/** Checks a cell against its indicator (type, disaggregation); pure. */
export function cellProblems(c: Pick<SaveCellInput, 'indicator' | 'option' | 'value'>, ind: Indicator | undefined): { field: 'indicator' | 'option' | 'value'; vi: string }[] {
  if (!ind) return [{ field: 'indicator', vi: `Không có chỉ số mã "${c.indicator}"` }];
  const out: { field: 'indicator' | 'option' | 'value'; vi: string }[] = [];
  if (c.option !== null && !ind.disaggregation?.options.some((o) => o.code === c.option)) out.push({ field: 'option', vi: `Chỉ số "${ind.code}" không có phân tổ "${c.option}"` });
  if (!Number.isFinite(c.value)) out.push({ field: 'value', vi: 'Phải là số' });
  else if (ind.valueType === 'integer' && !Number.isInteger(c.value)) out.push({ field: 'value', vi: `Chỉ số "${ind.name}" nhận số nguyên` });
  else if (ind.valueType === 'boolean' && c.value !== 0 && c.value !== 1) out.push({ field: 'value', vi: `Chỉ số "${ind.name}" nhận 1 (đạt) hoặc 0 (không đạt)` });
  return out;
}

const defaultPath = (i: number, field: string): FieldProblem => ({ path: field === 'cell' ? `cells[${i}]` : `cells[${i}].${field}`, message: '' });

export async function saveCells(db: Kysely<DB>, auth: AuthContext, input: { period: Period; cells: SaveCellInput[] }, opts: SaveOptions): Promise<{ cells: EntryCellView[] }> {
  const scope = await auth.scope();
  scope.require(...input.cells.map((c) => c.unitId));
  const code = periodCode(input.period);
  const pathOf = opts.pathOf ?? defaultPath;
  const indicators = (await auth.catalogue()).indicatorsByCode;
  const graphUnit = new Map(scope.graph.units.map((u) => [u.id, u]));

  const problems: FieldProblem[] = [];
  const keys: CellKey[] = [];
  const firstOf = new Map<string, number>();
  input.cells.forEach((c, i) => {
    const ind = indicators.get(c.indicator);
    for (const p of cellProblems(c, ind)) problems.push({ ...pathOf(i, p.field), message: p.vi });
    const unit = graphUnit.get(c.unitId)!;
    const key: CellKey = { indicator: c.indicator, unitId: ind ? storageUnitId(unit, ind) : c.unitId, period: code, option: c.option };
    const k = entryKey(key);
    const prev = firstOf.get(k);
    if (prev !== undefined) problems.push({ ...pathOf(i, 'cell'), message: `Trùng ô với ô thứ ${prev + 1} (cùng chỉ số, đơn vị, phân tổ)` });
    else firstOf.set(k, i);
    keys.push(key);
  });
  if (problems.length) throw new ApiError('validation', {}, { fields: problems });
  if (input.cells.length === 0) return { cells: [] };

  const stamp = { at: opts.now, by: auth.user.username };
  const reason = opts.reason ?? 'Nhập trên web';
  return db.transaction().execute(async (trx) => {
    const storageIds = [...new Set(keys.map((k) => k.unitId))];
    const locks = await listLocks(trx, storageIds, [code]);
    if (locks.length) {
      const names = (await listUnits(trx, { ids: locks.map((l) => l.unitId) })).map(unitDisplayName).join(', ');
      throw new ApiError('locked', { vi: `Kỳ ${code} của ${names} đã được duyệt và khóa; cần văn phòng mở lại để sửa`, en: `Period ${code} is approved and locked for ${locks.map((l) => l.unitId).join(', ')}` });
    }
    const existing = await lockEntryValues(trx, keys);
    const current = () => input.cells.flatMap((c, i) => {
      const row = existing.get(entryKey(keys[i]!));
      return row ? [cellView(row, c.unitId)] : [];
    });
    if (opts.checkVersions) {
      const stale = input.cells.some((c, i) => (existing.get(entryKey(keys[i]!))?.version ?? null) !== c.version);
      if (stale)
        throw new ApiError('conflict', { vi: 'Có người đã lưu số liệu này trước bạn; xem số liệu hiện có rồi lưu lại', en: 'Someone saved these figures first; check the current values and save again' }, { current: current() });
    }
    const inserts: (NewEntry & { index: number })[] = [];
    const updates: { id: number; value: number; status: ValueStatus; note: string | null; index: number }[] = [];
    input.cells.forEach((c, i) => {
      const old = existing.get(entryKey(keys[i]!));
      if (!old) inserts.push({ ...keys[i]!, value: c.value, status: c.status, note: c.note, source: { document: null, place: null, person: auth.user.displayName, note: null }, index: i });
      else if (old.value !== c.value || old.status !== c.status || (old.note ?? null) !== c.note) updates.push({ id: old.id, value: c.value, status: c.status, note: c.note, index: i });
    });
    const inserted = await insertDrafts(trx, inserts, stamp);
    if (inserted.length < inserts.length) {
      // Someone inserted one of these cells between our read and our write.
      const now = await lockEntryValues(trx, keys);
      throw new ApiError('conflict', {}, { current: input.cells.flatMap((c, i) => (now.has(entryKey(keys[i]!)) ? [cellView(now.get(entryKey(keys[i]!))!, c.unitId)] : [])) });
    }
    const updated = await updateDrafts(trx, updates, stamp);
    const after = new Map<string, EntryRow>([...inserted, ...updated].map((r) => [entryKey(r), r]));
    const revisions: WorkflowRevision[] = [];
    const audits = [];
    for (const r of after.values()) {
      const old = existing.get(entryKey(r)) ?? null;
      revisions.push({
        valueId: r.id,
        at: opts.now,
        by: auth.user.username,
        oldValue: old?.value ?? null,
        newValue: r.value,
        oldStatus: old?.status ?? null,
        newStatus: r.status,
        oldState: old?.state ?? null,
        newState: r.state,
        reason,
      });
      audits.push(
        auditBy(auth, opts.now, {
          action: 'save',
          entity: 'value',
          entityId: String(r.id),
          unitId: r.unitId,
          before: old ? auditValue(old) : null,
          after: auditValue(r),
          reason,
        }),
      );
    }
    await insertWorkflowRevisions(trx, revisions);
    await insertAudit(trx, audits);
    return {
      cells: input.cells.map((c, i) => {
        const k = entryKey(keys[i]!);
        return cellView((after.get(k) ?? existing.get(k))!, c.unitId);
      }),
    };
  });
}

const auditValue = (r: EntryRow) => ({ indicator: r.indicator, period: r.period, option: r.option, value: r.value, status: r.status, state: r.state, note: r.note, version: r.version });
