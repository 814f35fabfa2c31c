/**
 * Measuring an indicator for a unit over a span of months: aggregated over time (sum of flows, last
 * value of stocks, average) from whatever periods the figures were entered for, over units (children
 * summed, ratios recomputed from numerator and denominator), and, for a unit created by a merger,
 * over its predecessors for the months before it existed (domain-rules §5.2).
 *
 * Pure: every figure comes from a {@link ValueIndex} built in memory.
 */
import type { Indicator } from './indicators.ts';
import { type MonthSpan, monthIndex, monthSpan, parsePeriod } from './periods.ts';
import { type Unit, type UnitIndex, treeOfKind } from './units.ts';
import type { Figure } from './values.ts';

export type FlagCode =
  | 'estimate' // an "ước thực hiện" or "sơ bộ" figure was used
  | 'missing_units' // some units below had no figure; the total covers the others
  | 'rebuilt' // months before the unit existed were rebuilt from its predecessors
  | 'partial_split' // a predecessor was split without a known share: the rebuilt figure is an estimate
  | 'children_mismatch' // the unit's own figure differs from the sum of its units
  | 'in_progress'; // the period is part of the target's horizon: progress, not a verdict

export interface Flag {
  code: FlagCode;
  /** Units concerned (missing, mismatching, predecessors). */
  unitIds?: string[];
  detail?: string;
}

export interface Measurement {
  value: number;
  /** Ids of the stored values it was computed from. */
  sources: string[];
  flags: Flag[];
}

interface Stored {
  span: MonthSpan;
  value: Figure;
}

/** The stored figures, indexed by indicator, unit and disaggregation option. */
export class ValueIndex {
  private readonly map = new Map<string, Stored[]>();
  private readonly optionTotals = new Map<string, Set<string>>();

  constructor(values: Iterable<Figure>) {
    for (const v of values) this.add(v);
  }

  /** Period code → span: a handful of distinct codes among hundreds of thousands of values. */
  private readonly spans = new Map<string, MonthSpan>();

  add(v: Figure): void {
    const key = ValueIndex.key(v.indicator, v.unitId, v.option);
    const list = this.map.get(key) ?? [];
    let span = this.spans.get(v.period);
    if (!span) this.spans.set(v.period, (span = monthSpan(parsePeriod(v.period))));
    list.push({ span, value: v });
    this.map.set(key, list);
    if (v.option !== null) {
      const tk = ValueIndex.key(v.indicator, v.unitId, null);
      (this.optionTotals.get(tk) ?? this.optionTotals.set(tk, new Set()).get(tk)!).add(v.option);
    }
  }

  static key(indicator: string, unitId: string, option: string | null): string {
    return `${indicator}\u0000${unitId}\u0000${option ?? ''}`;
  }

  stored(indicator: string, unitId: string, option: string | null): Stored[] {
    return this.map.get(ValueIndex.key(indicator, unitId, option)) ?? [];
  }

  optionsWithValues(indicator: string, unitId: string): string[] {
    return [...(this.optionTotals.get(ValueIndex.key(indicator, unitId, null)) ?? [])];
  }
}

export interface MeasureContext {
  units: UnitIndex;
  indicators: ReadonlyMap<string, Indicator>;
  values: ValueIndex;
}

const dateToMonth = (iso: string) => monthIndex(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
const monthStartIso = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
const monthEndIso = (m: number) => new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).toISOString().slice(0, 10);

function mergeFlags(parts: Flag[][]): Flag[] {
  const byCode = new Map<FlagCode, Flag>();
  for (const list of parts)
    for (const f of list) {
      const prev = byCode.get(f.code);
      if (!prev) byCode.set(f.code, { ...f, unitIds: f.unitIds ? [...f.unitIds] : undefined });
      else if (f.unitIds) prev.unitIds = [...new Set([...(prev.unitIds ?? []), ...f.unitIds])];
    }
  return [...byCode.values()];
}

function estimateFlags(vals: Figure[]): Flag[] {
  return vals.some((v) => v.status !== 'thuc_hien') ? [{ code: 'estimate' }] : [];
}

/**
 * Measures indicators with memoisation. One instance per evaluation run.
 */
export class Measurer {
  private readonly cache = new Map<string, Measurement | null>();

  constructor(private readonly ctx: MeasureContext) {}

  indicator(code: string): Indicator {
    const ind = this.ctx.indicators.get(code);
    if (!ind) throw new Error(`Không có chỉ số mã "${code}"`);
    return ind;
  }

  unit(id: string): Unit {
    const u = this.ctx.units.get(id);
    if (!u) throw new Error(`Không có đơn vị id "${id}"`);
    return u;
  }

  /** The unit whose figures an indicator is recorded on: the locality's state unit or its party organisation. */
  subjectUnit(ind: Indicator, unit: Unit): Unit {
    if (treeOfKind(unit.kind) === ind.tree) return unit;
    return this.ctx.units.counterpart(unit) ?? unit;
  }

  /**
   * The value of `code` for `unitId` over `span`, or null when the figures do not cover it.
   * @param option a disaggregation option, or null for the total
   */
  measure(code: string, unitId: string, span: MonthSpan, option: string | null = null): Measurement | null {
    const key = `${code}|${unitId}|${span.from}|${span.to}|${option ?? ''}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    this.cache.set(key, null); // cycle guard for malformed parent links
    const m = this.compute(this.indicator(code), unitId, span, option);
    this.cache.set(key, m);
    return m;
  }

  private compute(ind: Indicator, unitId: string, span: MonthSpan, option: string | null): Measurement | null {
    if (ind.unitAggregation === 'ratio' && ind.ratio) {
      const r = this.ratio(ind, unitId, span, option);
      if (r) return r;
    }
    const unit = this.ctx.units.get(unitId);
    if (!unit) return null;
    // Months before the unit existed come from its predecessors, unless the unit reported a figure
    // for the whole span itself (a renamed unit's full-year figure, a merged commune's "ước cả năm").
    if (unit.validFrom && span.from < dateToMonth(unit.validFrom)) {
      const whole = this.tile(ind, unit.id, span, option);
      if (whole) return whole;
    }
    if (unit.validFrom) {
      const first = dateToMonth(unit.validFrom);
      if (span.from < first) {
        const before = this.fromPredecessors(ind, unit, { from: span.from, to: Math.min(span.to, first - 1) }, option);
        if (span.to < first) return before;
        const after = this.own(ind, unit, { from: first, to: span.to }, option);
        if (!before || !after) return null;
        return this.combine(ind, [before, after], [first - span.from, span.to - first + 1]);
      }
    }
    return this.own(ind, unit, span, option);
  }

  /** A ratio recomputed from numerator and denominator measured the same way. */
  private ratio(ind: Indicator, unitId: string, span: MonthSpan, option: string | null): Measurement | null {
    const r = ind.ratio!;
    const num = this.measure(r.numerator, unitId, span, option);
    const den = this.measure(r.denominator, unitId, span, option);
    if (!num || !den || den.value === 0) return null;
    return { value: (num.value / den.value) * r.scale, sources: [...num.sources, ...den.sources], flags: mergeFlags([num.flags, den.flags]) };
  }

  /** The unit's own figures over the span, or its units' figures added up. */
  private own(ind: Indicator, unit: Unit, span: MonthSpan, option: string | null): Measurement | null {
    const direct = this.tile(ind, unit.id, span, option);
    if (direct) {
      if (ind.unitAggregation === 'sum') {
        const below = this.fromChildren(ind, unit, span, option);
        if (below && !below.flags.some((f) => f.code === 'missing_units') && !sameFigure(below.value, direct.value, ind.precision))
          direct.flags = mergeFlags([direct.flags, [{ code: 'children_mismatch', detail: `tổng các đơn vị trực thuộc: ${below.value}` }]]);
      }
      return direct;
    }
    if (option === null) {
      const byOptions = this.fromOptions(ind, unit, span);
      if (byOptions) return byOptions;
    }
    if (ind.unitAggregation === 'sum') return this.fromChildren(ind, unit, span, option);
    return null;
  }

  /** A total from its disaggregation (khiển trách + cảnh cáo + … = kỷ luật). */
  private fromOptions(ind: Indicator, unit: Unit, span: MonthSpan): Measurement | null {
    if (!ind.disaggregation) return null;
    const parts = ind.disaggregation.options
      .map((o) => this.tile(ind, unit.id, span, o.code))
      .filter((m): m is Measurement => m !== null);
    if (parts.length === 0) return null;
    return { value: parts.reduce((s, p) => s + p.value, 0), sources: parts.flatMap((p) => p.sources), flags: mergeFlags(parts.map((p) => p.flags)) };
  }

  private fromChildren(ind: Indicator, unit: Unit, span: MonthSpan, option: string | null): Measurement | null {
    const start = monthStartIso(span.from);
    const end = monthEndIso(span.to);
    const all = this.ctx.units.childrenDuring(unit.id, start, end);
    // A child renamed or merged into another child during the span is counted through its successor,
    // which rebuilds the months before it existed from it.
    const ids = new Set(all.map((c) => c.id));
    const children = all.filter((c) => !this.ctx.units.successorsOf(c.id).some((s) => s.kind !== 'split' && ids.has(s.toId)));
    if (children.length === 0) return null;
    const parts: Measurement[] = [];
    const missing: string[] = [];
    for (const c of children) {
      const m = this.measure(ind.code, c.id, span, option);
      if (m) parts.push(m);
      else missing.push(c.id);
    }
    if (parts.length === 0) return null;
    const flags = mergeFlags([...parts.map((p) => p.flags), missing.length ? [{ code: 'missing_units' as const, unitIds: missing }] : []]);
    return { value: parts.reduce((s, p) => s + p.value, 0), sources: parts.flatMap((p) => p.sources), flags };
  }

  /**
   * History of a merged unit: its predecessors' figures, each weighted by the share of it that
   * went into this unit. A split without a known share is divided evenly and flagged as an estimate.
   */
  private fromPredecessors(ind: Indicator, unit: Unit, span: MonthSpan, option: string | null): Measurement | null {
    const preds = this.ctx.units.predecessorsOf(unit.id);
    if (preds.length === 0) return null;
    const additive = ind.unitAggregation === 'sum';
    if (!additive && !(preds.length === 1 && preds[0]!.kind !== 'split')) return null;
    const parts: Measurement[] = [];
    const flags: Flag[][] = [[{ code: 'rebuilt', unitIds: preds.map((p) => p.fromId) }]];
    const missing: string[] = [];
    for (const s of preds) {
      const m = this.measure(ind.code, s.fromId, span, option);
      if (!m) {
        missing.push(s.fromId);
        continue;
      }
      let share = 1;
      if (s.kind === 'split') {
        if (s.share !== null) share = s.share;
        else {
          const n = this.ctx.units.successorsOf(s.fromId).length || 1;
          share = 1 / n;
          flags.push([{ code: 'partial_split', unitIds: [s.fromId], detail: `chia đều cho ${n} đơn vị kế thừa` }]);
        }
      }
      parts.push({ ...m, value: m.value * share });
    }
    if (parts.length === 0) return null;
    if (missing.length) flags.push([{ code: 'missing_units', unitIds: missing }]);
    return { value: parts.reduce((s, p) => s + p.value, 0), sources: parts.flatMap((p) => p.sources), flags: mergeFlags([...parts.map((p) => p.flags), ...flags]) };
  }

  /** Covers the span with the unit's own stored figures, coarsest periods first. */
  private tile(ind: Indicator, unitId: string, span: MonthSpan, option: string | null): Measurement | null {
    const stored = this.ctx.values.stored(ind.code, unitId, option);
    if (stored.length === 0) return null;
    const exact = stored.find((s) => s.span.from === span.from && s.span.to === span.to);
    if (exact) return { value: exact.value.value, sources: [exact.value.id], flags: estimateFlags([exact.value]) };
    if (ind.timeAggregation === 'last') {
      // A stock at the end of the span is the stock at the end of any period that ends then.
      const atEnd = stored.filter((s) => s.span.to === span.to).sort((a, b) => b.span.to - b.span.from - (a.span.to - a.span.from));
      const s = atEnd[0];
      return s ? { value: s.value.value, sources: [s.value.id], flags: estimateFlags([s.value]) } : null;
    }
    const inside = stored.filter((s) => s.span.from >= span.from && s.span.to <= span.to);
    const pieces = cover(span, inside);
    if (!pieces) return null;
    const measurements = pieces.map((p) => ({ value: p.value.value, sources: [p.value.id], flags: estimateFlags([p.value]) }));
    return this.combine(ind, measurements, pieces.map((p) => p.span.to - p.span.from + 1));
  }

  private combine(ind: Indicator, parts: Measurement[], months: number[]): Measurement {
    let value: number;
    if (ind.timeAggregation === 'sum') value = parts.reduce((s, p) => s + p.value, 0);
    else if (ind.timeAggregation === 'last') value = parts[parts.length - 1]!.value;
    else {
      const total = months.reduce((s, m) => s + m, 0);
      value = parts.reduce((s, p, i) => s + p.value * months[i]!, 0) / total;
    }
    return { value, sources: parts.flatMap((p) => p.sources), flags: mergeFlags(parts.map((p) => p.flags)) };
  }
}

/** Two figures are the same when they agree at the stated precision. */
export function sameFigure(a: number, b: number, precision: number): boolean {
  return Math.abs(a - b) < 0.5 * 10 ** -precision + 1e-9;
}

/**
 * The fewest stored periods that tile the span exactly (no gap, no overlap), or null.
 * Dynamic programming over months; spans are at most a term long, so this is tiny.
 */
function cover(span: MonthSpan, stored: Stored[]): Stored[] | null {
  const n = span.to - span.from + 1;
  const best: (Stored[] | null)[] = new Array(n + 1).fill(null);
  best[0] = [];
  const byStart = new Map<number, Stored[]>();
  for (const s of stored) {
    const k = s.span.from - span.from;
    (byStart.get(k) ?? byStart.set(k, []).get(k)!).push(s);
  }
  for (let i = 0; i < n; i++) {
    const cur = best[i];
    if (!cur) continue;
    for (const s of byStart.get(i) ?? []) {
      const j = s.span.to - span.from + 1;
      const cand = best[j];
      if (!cand || cand.length > cur.length + 1) best[j] = [...cur, s];
    }
  }
  return best[n] ?? null;
}
