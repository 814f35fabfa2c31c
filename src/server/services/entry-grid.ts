/**
 * The data-entry grid (docs/api.md, "Data entry"): for one period, the unit and its units below in
 * scope as columns, the indicators of the resolutions that govern it as rows, the stored figures with
 * their workflow state, and the locks.
 *
 * A figure is stored on the unit that records its indicator (Measurer.subjectUnit): a party indicator
 * entered in the column of xã Thượng Quan is stored on Đảng bộ xã Thượng Quan, so evaluations find it.
 * The grid shows and takes cells by column unit; the mapping happens here and in entry-save.ts.
 */
import type { Kysely } from 'kysely';
import type { Indicator } from '../../core/indicators.ts';
import { calendarRange, monthSpan, type Period, periodCode, periodLabel } from '../../core/periods.ts';
import type { Resolution } from '../../core/resolutions.ts';
import { treeOfKind, type Unit, type UnitIndex, unitDisplayName } from '../../core/units.ts';
import type { DB } from '../../store/tables.ts';
import type { ValueState } from '../../store/values.ts';
import { type EntryRow, listEntryValues, listLocks } from '../../store/workflow.ts';
import type { AuthContext } from '../auth/context.ts';
import type { UnitGraph } from '../auth/scope.ts';
import { ApiError } from '../errors.ts';
import { VI_COLLATOR } from '../i18n.ts';
import { type UnitView, unitView } from './unit-views.ts';

/** A cell as the API shows it (EntryCell in docs/api.md). */
export interface EntryCellView {
  indicator: string;
  unitId: string;
  option: string | null;
  valueId: string | null;
  value: number | null;
  status: EntryRow['status'] | null;
  state: ValueState | null;
  version: number | null;
  note: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Why the office returned it. */
  reason: string | null;
}

export function cellView(r: EntryRow, columnUnitId: string): EntryCellView {
  return {
    indicator: r.indicator,
    unitId: columnUnitId,
    option: r.option,
    valueId: String(r.id),
    value: r.value,
    status: r.status,
    state: r.state,
    version: r.version,
    note: r.note,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt,
    reason: r.stateReason,
  };
}

/** The unit a figure of `ind` entered for `unit` is stored on: itself, or its counterpart in the other tree. */
export function storageUnitId(unit: Pick<Unit, 'id' | 'kind' | 'counterpartId'>, ind: Pick<Indicator, 'tree'>): string {
  return treeOfKind(unit.kind) === ind.tree ? unit.id : (unit.counterpartId ?? unit.id);
}

/** A unit and its counterpart (the two trees of one locality), from the scope's graph. */
export function localityIds(graph: UnitGraph, unitId: string): string[] {
  const cp = graph.units.find((u) => u.id === unitId)?.counterpartId;
  return cp ? [unitId, cp] : [unitId];
}

const covers = (r: Resolution, p: Period) => {
  const s = monthSpan(r.scope.kind === 'year' ? { kind: 'year', year: r.scope.year } : { kind: 'term', startYear: r.scope.startYear, endYear: r.scope.endYear });
  const x = monthSpan(p);
  return s.from <= x.from && x.to <= s.to;
};

/**
 * Rows of the grid: the requested indicators; else those of the targets of every resolution covering
 * the period issued by the unit or a unit above it (either tree), with the parts of ratios and the base
 * of ratio targets (communes enter households, the rate is computed); else every indicator.
 */
function pickIndicators(all: readonly Indicator[], resolutions: readonly Resolution[], index: UnitIndex, unit: Unit, period: Period, requested: string[] | undefined): Indicator[] {
  const byCode = new Map(all.map((i) => [i.code, i]));
  if (requested) {
    const missing = requested.filter((c) => !byCode.has(c));
    if (missing.length) throw new ApiError('validation', { vi: `Không có chỉ số: ${missing.join(', ')}`, en: `Unknown indicators: ${missing.join(', ')}` });
    return [...new Set(requested)].map((c) => byCode.get(c)!);
  }
  const range = calendarRange(period);
  const issuers = new Set<string>();
  for (const u of [unit, ...index.ancestorsOn(unit.id, range.end)]) {
    issuers.add(u.id);
    if (u.counterpartId) issuers.add(u.counterpartId);
  }
  const codes: string[] = [];
  const add = (c: string) => {
    if (byCode.has(c) && !codes.includes(c)) codes.push(c);
  };
  const relevant = resolutions.filter((r) => issuers.has(r.issuerId) && covers(r, period)).sort((a, b) => (a.scope.kind === b.scope.kind ? 0 : a.scope.kind === 'year' ? -1 : 1));
  for (const r of relevant)
    for (const t of r.targets) {
      add(t.indicator);
      const ind = byCode.get(t.indicator);
      if (ind?.ratio) {
        add(ind.ratio.numerator);
        add(ind.ratio.denominator);
      }
      if (t.basis.kind === 'ratio_to_base') add(t.basis.baseIndicator);
    }
  return codes.length ? codes.map((c) => byCode.get(c)!) : [...all];
}

export interface EntryGrid {
  period: { code: string; label: string };
  unit: UnitView;
  units: UnitView[];
  indicators: Indicator[];
  cells: EntryCellView[];
  locks: { unitId: string; lockedBy: string | null; lockedAt: string }[];
}

export async function entryGrid(db: Kysely<DB>, auth: AuthContext, q: { unitId: string; period: Period; indicators?: string[] }, today: string): Promise<EntryGrid> {
  const [c, scope] = await Promise.all([auth.catalogue(), auth.scope()]);
  scope.require(q.unitId);
  const index = c.index;
  const unit = index.get(q.unitId);
  if (!unit) throw new ApiError('not_found', { vi: `Không có đơn vị "${q.unitId}"`, en: `No unit "${q.unitId}"` });
  const code = periodCode(q.period);
  const range = calendarRange(q.period);
  const children = index
    .childrenDuring(unit.id, range.start, range.end)
    .filter((c) => scope.has(c.id))
    .sort((a, b) => VI_COLLATOR.compare(unitDisplayName(a), unitDisplayName(b)));
  const columns = [unit, ...children];
  const rows = pickIndicators(c.indicators, c.resolutions, index, unit, q.period, q.indicators);

  // (indicator, storage unit) → column unit
  const column = new Map<string, string>();
  for (const c of columns) for (const ind of rows) column.set(`${ind.code}\u0000${storageUnitId(c, ind)}`, c.id);
  const storageIds = [...new Set(columns.flatMap((c) => (c.counterpartId ? [c.id, c.counterpartId] : [c.id])))];
  const [values, locks] = await Promise.all([
    listEntryValues(db, { unitIds: storageIds, period: code, indicators: rows.map((r) => r.code) }),
    listLocks(db, storageIds, [code]),
  ]);
  const cells: EntryCellView[] = [];
  for (const v of values) {
    const col = column.get(`${v.indicator}\u0000${v.unitId}`);
    if (col) cells.push(cellView(v, col));
  }
  const lockOf = new Map(locks.map((l) => [l.unitId, l]));
  const at = range.end < today ? range.end : today;
  return {
    period: { code, label: periodLabel(q.period) },
    unit: unitView(unit, at),
    units: columns.map((c) => unitView(c, at)),
    indicators: rows,
    cells,
    locks: columns.flatMap((c) => {
      const l = lockOf.get(c.id) ?? (c.counterpartId ? lockOf.get(c.counterpartId) : undefined);
      return l ? [{ unitId: c.id, lockedBy: l.lockedBy, lockedAt: l.lockedAt }] : [];
    }),
  };
}
