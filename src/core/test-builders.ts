/**
 * Small builders for the domain's table-driven tests. Not used by production code.
 */
import type { Indicator } from './indicators.ts';
import { type MeasureContext, ValueIndex } from './measure.ts';
import { parsePeriod, periodCode } from './periods.ts';
import { DEFAULT_SETTINGS, type Basis, type EvaluationSettings, type Resolution, type Rule, type Target } from './resolutions.ts';
import { type Succession, type Unit, type UnitKind, UnitIndex } from './units.ts';
import type { Value, ValueStatus } from './values.ts';

export function ind(code: string, over: Partial<Indicator> = {}): Indicator {
  return {
    code,
    name: over.name ?? code,
    aliases: [],
    measureUnit: 'ha',
    field: 'kinh_te',
    direction: 'higher',
    valueType: 'number',
    timeAggregation: 'sum',
    unitAggregation: 'sum',
    ratio: null,
    precision: 2,
    disaggregation: null,
    tree: 'state',
    priceBasis: null,
    description: null,
    ...over,
  };
}

export function unit(id: string, kind: UnitKind, parent: string | null = null, over: Partial<Unit> = {}): Unit {
  return {
    id,
    code: null,
    name: id,
    kind,
    validFrom: null,
    validTo: null,
    parents: parent ? [{ parentId: parent, from: null, to: null }] : [],
    counterpartId: null,
    note: null,
    ...over,
  };
}

let seq = 0;
export function val(indicator: string, unitId: string, period: string, value: number, status: ValueStatus = 'thuc_hien', option: string | null = null): Value {
  return {
    id: `v${++seq}`,
    indicator,
    unitId,
    period: periodCode(parsePeriod(period)),
    option,
    value,
    status,
    source: { document: null, place: null, person: null, note: null },
  };
}

export function target(id: string, indicator: string, rule: Rule, basis: Basis = { kind: 'level' }, over: Partial<Target> = {}): Target {
  return { id, code: id, indicator, wording: id, basis, rule, recurrence: 'once', precision: null, field: null, yearPlans: null, note: null, ...over };
}

export function annual(year: number, targets: Target[], settings: Partial<EvaluationSettings> = {}, issuerId = 'H'): Resolution {
  return { id: `nq-${year}`, number: `01-NQ/HU`, title: `Nhiệm vụ năm ${year}`, issuerId, issuedOn: null, scope: { kind: 'year', year }, settings: { ...DEFAULT_SETTINGS, ...settings }, targets };
}

export function term(startYear: number, endYear: number, targets: Target[], settings: Partial<EvaluationSettings> = {}, issuerId = 'H'): Resolution {
  return {
    id: `nq-term-${startYear}`,
    number: '01-NQ/ĐH',
    title: `Nghị quyết Đại hội nhiệm kỳ ${startYear} – ${endYear}`,
    issuerId,
    issuedOn: null,
    scope: { kind: 'term', startYear, endYear },
    settings: { ...DEFAULT_SETTINGS, ...settings },
    targets,
  };
}

export function ctxOf(parts: { units: Unit[]; successions?: Succession[]; indicators: Indicator[]; values: Value[] }): MeasureContext {
  return {
    units: new UnitIndex(parts.units, parts.successions ?? []),
    indicators: new Map(parts.indicators.map((i) => [i.code, i])),
    values: new ValueIndex(parts.values),
  };
}
