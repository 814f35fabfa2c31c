/**
 * Evaluation of a resolution's targets for a unit and a period (domain-rules §2): the actual, the plan,
 * % of plan, the same period last year, the status vượt / đạt / không đạt / chưa có số liệu, progress
 * for a part of the target's horizon, flags, and the ids of the figures behind each number.
 */
import { type Direction, type Field, FIELD_ORDER, type Indicator } from './indicators.ts';
import { type Flag, type Measurement, type MeasureContext, Measurer } from './measure.ts';
import { decimalsOf, roundHalfAway } from './numbers.ts';
import {
  type MonthSpan,
  type Period,
  monthIndex,
  monthSpan,
  periodCode,
  periodLabel,
  samePeriodLastYear,
  termYears,
} from './periods.ts';
import type { Basis, EvaluationSettings, Recurrence, Resolution, Rule, Target } from './resolutions.ts';
import { unitDisplayName } from './units.ts';

/**
 * vuot: exceeded; dat: met; co_ban_dat: basically met (optional band); khong_dat: not met;
 * chua_co_so_lieu: no data yet; dang_thuc_hien: the period is only part of the target's horizon, so
 * the figure is progress, not a verdict (Q1 forest planting against the year's plan).
 */
export type Status = 'vuot' | 'dat' | 'co_ban_dat' | 'khong_dat' | 'chua_co_so_lieu' | 'dang_thuc_hien';

export const STATUS_LABEL: Record<Status, string> = {
  vuot: 'Vượt',
  dat: 'Đạt',
  co_ban_dat: 'Cơ bản đạt',
  khong_dat: 'Không đạt',
  chua_co_so_lieu: 'Chưa có số liệu',
  dang_thuc_hien: 'Đang thực hiện',
};

export interface YearResult {
  year: number;
  status: Status;
  actual: number | null;
  plan: number | null;
  /** Ids of the values behind this year's actual. */
  sources: string[];
}

export interface TargetResult {
  targetId: string;
  code: string;
  /** The indicator's name. */
  name: string;
  wording: string;
  indicator: string;
  field: Field;
  measureUnit: string;
  /** Unit of `actual` and `plan`: the indicator's, or "%" / "điểm %" for changes and ratios to a base. */
  actualUnit: string;
  direction: Direction;
  basis: Basis;
  rule: Rule;
  recurrence: Recurrence;
  status: Status;
  /** The measured quantity the rule judges (a level, a change, a cumulative sum, an average…). */
  actual: number | null;
  plan: number | null;
  /** Upper bound of a range plan. */
  planHigh: number | null;
  /** For ratio_to_base targets: the plan as a count (7% of 3.500 members = 245). */
  planLevel: number | null;
  /**
   * % of plan: actual / plan × 100; for lower-is-better, plan / actual × 100 (above 100 = better than
   * planned); for growth plans (100 + g) / (100 + plan) × 100 (domain-rules §2.2). For a partial period
   * it is progress toward the plan of the whole horizon.
   */
  percentOfPlan: number | null;
  /** The indicator's own value over the period (differs from `actual` for changes, averages, ratios to a base). */
  level: number | null;
  samePeriodValue: number | null;
  /** "bằng 135% cùng kỳ" */
  samePeriodPercent: number | null;
  /** "tăng 35%" (pct) or, for a rate, "tăng 2,1 điểm %" (pp). */
  samePeriodChange: { value: number; unit: 'pct' | 'pp' } | null;
  /** Recurring targets over a term: one row per plan year. */
  years: YearResult[] | null;
  flags: Flag[];
  /** Ids of the stored values the actual was computed from. */
  sources: string[];
  /** Ids of the values behind the same-period figure. */
  samePeriodSources: string[];
}

export interface StatusCounts {
  total: number;
  exceeded: number;
  met: number;
  basicallyMet: number;
  notMet: number;
  noData: number;
  inProgress: number;
}

export interface Summary extends StatusCounts {
  byField: Partial<Record<Field, StatusCounts>>;
}

export interface EvaluationResult {
  unit: { id: string; code: string | null; name: string };
  period: { code: string; label: string };
  resolution: { id: string; number: string; title: string };
  summary: Summary;
  targets: TargetResult[];
}

const emptyCounts = (): StatusCounts => ({ total: 0, exceeded: 0, met: 0, basicallyMet: 0, notMet: 0, noData: 0, inProgress: 0 });

function count(c: StatusCounts, s: Status): void {
  c.total++;
  if (s === 'vuot') c.exceeded++;
  else if (s === 'dat') c.met++;
  else if (s === 'co_ban_dat') c.basicallyMet++;
  else if (s === 'khong_dat') c.notMet++;
  else if (s === 'chua_co_so_lieu') c.noData++;
  else c.inProgress++;
}

/** Counts by status, overall and by field, in the order of the report. */
export function summarize(targets: readonly Pick<TargetResult, 'status' | 'field'>[]): Summary {
  const s: Summary = { ...emptyCounts(), byField: {} };
  for (const t of targets) {
    count(s, t.status);
    count((s.byField[t.field] ??= emptyCounts()), t.status);
  }
  const ordered: Summary['byField'] = {};
  for (const f of FIELD_ORDER) if (s.byField[f]) ordered[f] = s.byField[f];
  s.byField = ordered;
  return s;
}

export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
}

/** Evaluates every target of a resolution for one unit and one period. */
export function evaluateResolution(ctx: MeasureContext, resolution: Resolution, unitId: string, period: Period): EvaluationResult {
  const unit = ctx.units.get(unitId);
  if (!unit) throw new EvaluationError(`Không có đơn vị id "${unitId}"`);
  checkPeriodInScope(resolution, period);
  const measurer = new Measurer(ctx);
  const targets = resolution.targets.map((t) => evaluateTarget(measurer, resolution, t, unitId, period));
  return {
    unit: { id: unit.id, code: unit.code, name: unitDisplayName(unit) },
    period: { code: periodCode(period), label: periodLabel(period) },
    resolution: { id: resolution.id, number: resolution.number, title: resolution.title },
    summary: summarize(targets),
    targets,
  };
}

function checkPeriodInScope(r: Resolution, p: Period): void {
  const span = monthSpan(p);
  const scope: MonthSpan =
    r.scope.kind === 'year'
      ? { from: monthIndex(r.scope.year, 1), to: monthIndex(r.scope.year, 12) }
      : monthSpan({ kind: 'term', startYear: r.scope.startYear, endYear: r.scope.endYear });
  if (span.from < scope.from || span.to > scope.to)
    throw new EvaluationError(
      `Kỳ ${periodLabel(p)} nằm ngoài phạm vi của Nghị quyết ${r.number} (${r.scope.kind === 'year' ? `năm ${r.scope.year}` : `nhiệm kỳ ${r.scope.startYear} – ${r.scope.endYear}`})`,
    );
}

const yearSpan = (y: number): MonthSpan => ({ from: monthIndex(y, 1), to: monthIndex(y, 12) });

interface Judged {
  status: Status;
  percentOfPlan: number | null;
}

/** The decimals a plan figure was stated with, which sets the tolerance. */
function statedPrecision(t: Target): number {
  if (t.precision !== null) return t.precision;
  const r = t.rule;
  if (r.op === 'range') return Math.max(decimalsOf(r.low), decimalsOf(r.high));
  if (r.op === 'status') return 0;
  return decimalsOf(r.value);
}

/**
 * Judges a measured quantity against a rule. Tolerance: the actual is rounded to the plan's stated
 * precision first (65% met by 64,96%). With a strict rule ("dưới 1%") meeting it already means being
 * beyond the figure, so vượt needs a numeric threshold setting.
 */
export function judge(actual: number, rule: Rule, direction: Direction, settings: EvaluationSettings, precision: number, pctPlan: number | null): Status {
  if (rule.op === 'status') return actual !== 0 ? 'dat' : 'khong_dat';
  // "dưới 1%" is strict: rounding 0,9 up to 1 would turn a met target into a missed one.
  const strict = (rule.op === 'min' || rule.op === 'max') && rule.strict === true;
  const a = settings.tolerance === 'stated_precision' && !strict ? roundHalfAway(actual, precision) : actual;
  let met: boolean;
  let beyond: boolean;
  if (rule.op === 'min') {
    met = strict ? a > rule.value : a >= rule.value;
    beyond = a > rule.value;
  } else if (rule.op === 'max') {
    met = strict ? a < rule.value : a <= rule.value;
    beyond = a < rule.value;
  } else if (direction === 'lower') {
    met = a <= rule.high;
    beyond = a < rule.low;
  } else {
    met = a >= rule.low;
    beyond = a > rule.high;
  }
  if (met) {
    const exceeded =
      settings.exceed === 'beyond_plan' ? beyond && !strict : pctPlan !== null && roundHalfAway(pctPlan, 1) >= settings.exceed;
    return exceeded ? 'vuot' : 'dat';
  }
  if (settings.basicallyMetPercent !== null && pctPlan !== null && pctPlan >= settings.basicallyMetPercent) return 'co_ban_dat';
  return 'khong_dat';
}

/** % of plan per domain-rules §2.2; null when it has no meaning (zero plan, status targets). */
export function percentOfPlan(actual: number, rule: Rule, direction: Direction, growth: boolean): number | null {
  if (rule.op === 'status') return null;
  const lowerIsBetter = rule.op === 'max' || (rule.op === 'range' && direction === 'lower');
  const plan = rule.op === 'range' ? (lowerIsBetter ? rule.high : rule.low) : rule.value;
  if (growth) return 100 + plan === 0 ? null : ((100 + actual) / (100 + plan)) * 100;
  if (lowerIsBetter) return actual === 0 ? null : (plan / actual) * 100;
  return plan === 0 ? null : (actual / plan) * 100;
}

function planOf(rule: Rule): { plan: number | null; planHigh: number | null } {
  if (rule.op === 'status') return { plan: null, planHigh: null };
  if (rule.op === 'range') return { plan: rule.low, planHigh: rule.high };
  return { plan: rule.value, planHigh: null };
}

/** Rule for one year of a recurring or cumulative target, when the resolution states year plans. */
function ruleForYear(t: Target, year: number): Rule {
  const v = t.yearPlans?.[String(year)];
  if (v === undefined) return t.rule;
  if (t.rule.op === 'min' || t.rule.op === 'max') return { ...t.rule, value: v };
  return t.rule;
}

interface Measured {
  actual: number;
  level: number | null;
  sources: string[];
  flags: Flag[];
  planLevel?: number;
}

function evaluateTarget(m: Measurer, r: Resolution, t: Target, unitId: string, period: Period): TargetResult {
  const ind = m.indicator(t.indicator);
  const subject = m.subjectUnit(ind, m.unit(unitId)).id;
  const span = monthSpan(period);
  const { plan, planHigh } = planOf(t.rule);
  const direction: Direction =
    t.basis.kind === 'average' && t.basis.method === 'pp_per_year' ? 'higher' : t.basis.kind === 'change' ? 'higher' : ind.direction;
  const growth = t.basis.kind === 'change' && t.basis.unit === 'pct';
  const precision = statedPrecision(t);
  const base: TargetResult = {
    targetId: t.id,
    code: t.code,
    name: ind.name,
    wording: t.wording,
    indicator: ind.code,
    field: t.field ?? ind.field,
    measureUnit: ind.measureUnit,
    actualUnit: actualUnitOf(t, ind),
    direction,
    basis: t.basis,
    rule: t.rule,
    recurrence: t.recurrence,
    status: 'chua_co_so_lieu',
    actual: null,
    plan,
    planHigh,
    planLevel: null,
    percentOfPlan: null,
    level: null,
    samePeriodValue: null,
    samePeriodPercent: null,
    samePeriodChange: null,
    years: null,
    flags: [],
    sources: [],
    samePeriodSources: [],
  };

  // Same period last year, for the indicator itself.
  const level = m.measure(ind.code, subject, span);
  if (level) base.level = level.value;
  const last = samePeriodLastYear(period);
  if (last && level) {
    const prev = m.measure(ind.code, subject, monthSpan(last));
    if (prev) {
      base.samePeriodValue = prev.value;
      base.samePeriodSources = prev.sources;
      if (prev.value !== 0) base.samePeriodPercent = (level.value / prev.value) * 100;
      base.samePeriodChange =
        ind.valueType === 'percent'
          ? { value: level.value - prev.value, unit: 'pp' }
          : prev.value !== 0
            ? { value: (level.value / prev.value - 1) * 100, unit: 'pct' }
            : null;
    }
  }

  const horizon = horizonOf(r, t, period);
  const partial = span.to < horizon.to;

  // A recurring target over a whole term: judged year by year.
  if (t.recurrence === 'each_year' && period.kind === 'term' && r.scope.kind === 'term') {
    const years = termYears(r.scope).map((y): YearResult & { m: Measured | null } => {
      const rule = ruleForYear(t, y);
      const mm = measureBasis(m, t, ind.code, subject, yearSpan(y), r);
      if (!mm) return { year: y, status: 'chua_co_so_lieu', actual: null, plan: planOf(rule).plan, sources: [], m: null };
      const pct = percentOfPlan(mm.actual, rule, direction, growth);
      return { year: y, status: judge(mm.actual, rule, direction, r.settings, precision, pct), actual: mm.actual, plan: planOf(rule).plan, sources: mm.sources, m: mm };
    });
    base.years = years.map(({ m: _m, ...y }) => y);
    const measuredYears = years.filter((y) => y.m);
    base.sources = measuredYears.flatMap((y) => y.m!.sources);
    base.flags = mergeAll(measuredYears.map((y) => y.m!.flags));
    if (measuredYears.length === 0) return base;
    const actuals = measuredYears.map((y) => y.actual!);
    base.actual = actuals.reduce((s, a) => s + a, 0) / actuals.length;
    base.percentOfPlan = percentOfPlan(base.actual, t.rule, direction, growth);
    if (measuredYears.length < years.length) {
      base.status = 'dang_thuc_hien';
      base.flags.push({ code: 'in_progress', detail: `${measuredYears.length}/${years.length} năm có số liệu` });
    } else if (r.settings.recurringTermRule === 'average') {
      base.status = judge(base.actual, t.rule, direction, r.settings, precision, base.percentOfPlan);
    } else {
      const st = years.map((y) => y.status);
      base.status = st.every((s) => s === 'vuot') ? 'vuot' : st.every((s) => s === 'vuot' || s === 'dat') ? 'dat' : 'khong_dat';
    }
    return base;
  }

  const rule = period.kind === 'term' ? t.rule : ruleForYear(t, yearOfSpan(horizon));
  const mm = measureBasis(m, t, ind.code, subject, span, r);
  if (!mm) return base;
  base.actual = mm.actual;
  base.sources = mm.sources;
  base.flags = [...mm.flags];
  if (mm.level !== null) base.level = mm.level;
  if (mm.planLevel !== undefined) base.planLevel = mm.planLevel;
  ({ plan: base.plan, planHigh: base.planHigh } = planOf(rule));
  base.percentOfPlan = percentOfPlan(mm.actual, rule, direction, growth);
  if (partial) {
    base.status = 'dang_thuc_hien';
    base.flags.push({ code: 'in_progress', detail: `${periodLabel(period)} là một phần của kỳ chỉ tiêu` });
    return base;
  }
  base.status = judge(mm.actual, rule, direction, r.settings, precision, base.percentOfPlan);
  return base;
}

const yearOfSpan = (s: MonthSpan) => Math.floor(s.to / 12);

function mergeAll(lists: Flag[][]): Flag[] {
  const seen = new Map<string, Flag>();
  for (const l of lists) for (const f of l) if (!seen.has(f.code)) seen.set(f.code, f);
  return [...seen.values()];
}

function actualUnitOf(t: Target, ind: Indicator): string {
  switch (t.basis.kind) {
    case 'change':
      return t.basis.unit === 'pp' ? 'điểm %' : '%';
    case 'average':
      return t.basis.method === 'cagr' ? '%/năm' : t.basis.method === 'pp_per_year' ? 'điểm %/năm' : ind.measureUnit;
    case 'ratio_to_base':
      return '%';
    default:
      return ind.measureUnit;
  }
}

/**
 * The span over which the target is judged: the year for annual resolutions and recurring targets,
 * the term for cumulative, end-of-term, average and maintain targets.
 */
function horizonOf(r: Resolution, t: Target, p: Period): MonthSpan {
  if (r.scope.kind === 'year') return yearSpan(r.scope.year);
  if (t.recurrence === 'each_year' || t.basis.kind === 'level' || t.basis.kind === 'change' || t.basis.kind === 'ratio_to_base') {
    if (p.kind === 'term') return monthSpan(p);
    return yearSpan(p.year);
  }
  return monthSpan({ kind: 'term', startYear: r.scope.startYear, endYear: r.scope.endYear });
}

/** Measures what the target's basis says is judged, over the evaluated span. */
function measureBasis(m: Measurer, t: Target, code: string, unitId: string, span: MonthSpan, r: Resolution): Measured | null {
  const lift = (x: Measurement | null): Measured | null => (x ? { actual: x.value, level: x.value, sources: x.sources, flags: x.flags } : null);
  const basis = t.basis;
  switch (basis.kind) {
    case 'level':
      return lift(m.measure(code, unitId, span));
    case 'change': {
      const cur = m.measure(code, unitId, span);
      const prev = m.measure(code, unitId, { from: span.from - 12, to: span.to - 12 });
      if (!cur || !prev) return null;
      const sign = basis.sense === 'increase' ? 1 : -1;
      let change: number;
      if (basis.unit === 'pp') change = sign * (cur.value - prev.value);
      else {
        if (prev.value === 0) return null;
        change = sign * (cur.value / prev.value - 1) * 100;
      }
      return { actual: change, level: cur.value, sources: [...cur.sources, ...prev.sources], flags: mergeAll([cur.flags, prev.flags]) };
    }
    case 'cumulative': {
      if (r.scope.kind !== 'term') return lift(m.measure(code, unitId, span));
      const from = monthIndex(r.scope.startYear + 1, 1);
      const ys: Measurement[] = [];
      for (let y = r.scope.startYear + 1; monthIndex(y, 12) <= span.to; y++) {
        const x = m.measure(code, unitId, yearSpan(y));
        if (!x) return null;
        ys.push(x);
      }
      // A partial last year (e.g. 6 months of the final year) counts as far as it goes.
      const lastFull = ys.length ? monthIndex(r.scope.startYear + ys.length, 12) : from - 1;
      if (span.to > lastFull) {
        const x = m.measure(code, unitId, { from: lastFull + 1, to: span.to });
        if (!x) return null;
        ys.push(x);
      }
      const total = ys.reduce((s, x) => s + x.value, 0);
      return { actual: total, level: total, sources: ys.flatMap((x) => x.sources), flags: mergeAll(ys.map((x) => x.flags)) };
    }
    case 'end_of_term':
      return lift(m.measure(code, unitId, span.to - span.from >= 12 ? yearSpan(Math.floor(span.to / 12)) : span));
    case 'average': {
      if (r.scope.kind !== 'term') return lift(m.measure(code, unitId, span));
      const baseYear = r.scope.startYear;
      const lastYear = Math.floor((span.to + 1) / 12) - 1; // last complete year within the span
      if (lastYear <= baseYear) return null;
      if (basis.method === 'mean') {
        const ys: Measurement[] = [];
        for (let y = baseYear + 1; y <= lastYear; y++) {
          const x = m.measure(code, unitId, yearSpan(y));
          if (x) ys.push(x);
        }
        if (ys.length === 0) return null;
        const mean = ys.reduce((s, x) => s + x.value, 0) / ys.length;
        return { actual: mean, level: null, sources: ys.flatMap((x) => x.sources), flags: mergeAll(ys.map((x) => x.flags)) };
      }
      const b = m.measure(code, unitId, yearSpan(baseYear));
      const e = m.measure(code, unitId, yearSpan(lastYear));
      if (!b || !e) return null;
      const n = lastYear - baseYear;
      let actual: number;
      if (basis.method === 'cagr') {
        if (b.value <= 0) return null;
        actual = ((e.value / b.value) ** (1 / n) - 1) * 100;
      } else actual = (b.value - e.value) / n;
      return { actual, level: e.value, sources: [...b.sources, ...e.sources], flags: mergeAll([b.flags, e.flags]) };
    }
    case 'ratio_to_base': {
      const cur = m.measure(code, unitId, span);
      const year = Math.floor(span.from / 12);
      // "Đầu năm" = the stock at the end of the previous year.
      const baseM = m.measure(basis.baseIndicator, unitId, yearSpan(year - 1));
      if (!cur || !baseM || baseM.value === 0) return null;
      const planLevel = t.rule.op === 'min' || t.rule.op === 'max' ? (t.rule.value / 100) * baseM.value : undefined;
      return {
        actual: (cur.value / baseM.value) * 100,
        level: cur.value,
        sources: [...cur.sources, ...baseM.sources],
        flags: mergeAll([cur.flags, baseM.flags]),
        ...(planLevel !== undefined ? { planLevel } : {}),
      };
    }
    case 'maintain': {
      // Held in every complete year of the span; a span inside one year is judged on itself, never on
      // a figure for the whole year (which would read months after the period).
      const first = Math.floor(span.from / 12);
      const lastYear = Math.floor((span.to + 1) / 12) - 1;
      if (lastYear < first) {
        const x = m.measure(code, unitId, span);
        return x ? { actual: x.value !== 0 ? 1 : 0, level: x.value, sources: x.sources, flags: x.flags } : null;
      }
      const ys: Measurement[] = [];
      for (let y = first; y <= lastYear; y++) {
        const x = m.measure(code, unitId, yearSpan(y));
        if (!x) return null;
        ys.push(x);
      }
      const held = ys.every((x) => x.value !== 0) ? 1 : 0;
      return { actual: held, level: held, sources: ys.flatMap((x) => x.sources), flags: mergeAll(ys.map((x) => x.flags)) };
    }
  }
}

/**
 * The resolution that governs a period for a unit when none is named: among the resolutions issued
 * by the unit or its counterpart (the party committee of a district issues the district's
 * resolutions), the annual one for a year or part of it, the term one for a term (or when no annual
 * resolution exists for that year).
 */
export function findGoverningResolution(
  resolutions: readonly Resolution[],
  issuerIds: readonly string[],
  period: Period,
): Resolution | null {
  const own = resolutions.filter((r) => issuerIds.includes(r.issuerId));
  const span = monthSpan(period);
  const covers = (r: Resolution) => {
    const s = r.scope.kind === 'year' ? yearSpan(r.scope.year) : monthSpan({ kind: 'term', startYear: r.scope.startYear, endYear: r.scope.endYear });
    return s.from <= span.from && span.to <= s.to;
  };
  if (period.kind !== 'term') {
    const annual = own.find((r) => r.scope.kind === 'year' && covers(r));
    if (annual) return annual;
  }
  return own.find((r) => r.scope.kind === 'term' && covers(r)) ?? null;
}
