import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Status, evaluateResolution, findGoverningResolution, summarize } from './evaluate.ts';
import type { Indicator } from './indicators.ts';
import { roundHalfAway } from './numbers.ts';
import { parsePeriod } from './periods.ts';
import type { Basis, EvaluationSettings, Rule, Target } from './resolutions.ts';
import { annual, ctxOf, ind, target, term, unit, val } from './test-builders.ts';
import type { Value } from './values.ts';

const H = unit('H', 'huyen');

interface Case {
  name: string;
  /** The target's indicator; by default the first value's. */
  indicator?: string;
  indicators?: Indicator[];
  values: Value[];
  rule: Rule;
  basis?: Basis;
  targetOver?: Partial<Target>;
  /** 'year:2024' = annual resolution 2024; 'term' = term 2020–2025. */
  resolution: `year:${number}` | 'term';
  period: string;
  settings?: Partial<EvaluationSettings>;
  status: Status;
  actual?: number | null;
  percent?: number | null;
  flags?: string[];
}

const forest = ind('RUNG', { measureUnit: 'ha', precision: 2 });
const rate = ind('TY_LE', { measureUnit: '%', valueType: 'percent', timeAggregation: 'last', unitAggregation: 'none' });
const lowRate = ind('TANG_DS', { measureUnit: '%', valueType: 'percent', direction: 'lower', timeAggregation: 'last', unitAggregation: 'none' });
const budget = ind('THU_NS', { measureUnit: 'tỷ đồng' });
const poor = ind('HO_NGHEO', { measureUnit: 'hộ', valueType: 'integer', timeAggregation: 'last' });
const households = ind('TONG_HO', { measureUnit: 'hộ', valueType: 'integer', timeAggregation: 'last' });
const poverty = ind('TL_NGHEO', {
  measureUnit: '%',
  valueType: 'percent',
  direction: 'lower',
  timeAggregation: 'last',
  unitAggregation: 'ratio',
  ratio: { numerator: 'HO_NGHEO', denominator: 'TONG_HO', scale: 100 },
});
const members = ind('KET_NAP', { measureUnit: 'đảng viên', valueType: 'integer' });
const totalMembers = ind('TONG_DV', { measureUnit: 'đảng viên', valueType: 'integer', timeAggregation: 'last' });
const herd = ind('DAN_TRAU_BO', { measureUnit: 'con', valueType: 'integer', timeAggregation: 'last' });
const ntm = ind('DAT_NTM', { measureUnit: '', valueType: 'boolean', timeAggregation: 'last', unitAggregation: 'none' });
const gtsx = ind('GTSX', { measureUnit: 'tỷ đồng', priceBasis: 'giá so sánh 2010' });
const ALL = [forest, rate, lowRate, budget, poor, households, poverty, members, totalMembers, herd, ntm, gtsx];

const years = (code: string, from: number, vs: number[]) => vs.map((v, i) => val(code, 'H', String(from + i), v));

const cases: Case[] = [
  // ≥ minimum (annual plan)
  { name: 'at least: 621 ha against 450 ha is vượt, 138%', values: [val('RUNG', 'H', '2024', 621)], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', status: 'vuot', actual: 621, percent: 138 },
  { name: 'at least: exactly the plan is đạt', values: [val('RUNG', 'H', '2024', 450)], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', status: 'dat', percent: 100 },
  { name: 'at least: under the plan is không đạt', values: [val('RUNG', 'H', '2024', 400)], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', status: 'khong_dat', percent: 88.9 },
  { name: 'tolerance: 64,96% meets a target stated as 65%', values: [val('TY_LE', 'H', '2024', 64.96)], rule: { op: 'min', value: 65 }, resolution: 'year:2024', period: '2024', status: 'dat' },
  { name: 'no tolerance when the resolution says exact', values: [val('TY_LE', 'H', '2024', 64.96)], rule: { op: 'min', value: 65 }, resolution: 'year:2024', period: '2024', settings: { tolerance: 'exact' }, status: 'khong_dat' },
  { name: 'a stated precision of 2 decimals keeps 64,96 under 65', values: [val('TY_LE', 'H', '2024', 64.96)], rule: { op: 'min', value: 65 }, targetOver: { precision: 2 }, resolution: 'year:2024', period: '2024', status: 'khong_dat' },
  // ≤ maximum, lower is better
  { name: 'at most, strict: "dưới 1%" met by 0,9% is đạt (never vượt by default)', values: [val('TANG_DS', 'H', '2024', 0.9)], rule: { op: 'max', value: 1, strict: true }, resolution: 'year:2024', period: '2024', status: 'dat', percent: 111.1 },
  { name: 'at most, strict: 1,0% is not "dưới 1%"', values: [val('TANG_DS', 'H', '2024', 1)], rule: { op: 'max', value: 1, strict: true }, resolution: 'year:2024', period: '2024', status: 'khong_dat' },
  { name: 'at most: 40% against ≤ 50% is vượt, shown as 125% (plan / actual)', values: [val('TANG_DS', 'H', '2024', 40)], rule: { op: 'max', value: 50 }, resolution: 'year:2024', period: '2024', status: 'vuot', percent: 125 },
  { name: 'at most: 55% against ≤ 50% is không đạt', values: [val('TANG_DS', 'H', '2024', 55)], rule: { op: 'max', value: 50 }, resolution: 'year:2024', period: '2024', status: 'khong_dat', percent: 90.9 },
  // ranges
  { name: 'range 12–13: 12,5 is đạt', values: [val('TY_LE', 'H', '2024', 12.5)], rule: { op: 'range', low: 12, high: 13 }, resolution: 'year:2024', period: '2024', status: 'dat' },
  { name: 'range 12–13: 13,5 is vượt', values: [val('TY_LE', 'H', '2024', 13.5)], rule: { op: 'range', low: 12, high: 13 }, resolution: 'year:2024', period: '2024', status: 'vuot' },
  { name: 'range 12–13: 11 is không đạt', values: [val('TY_LE', 'H', '2024', 11)], rule: { op: 'range', low: 12, high: 13 }, resolution: 'year:2024', period: '2024', status: 'khong_dat' },
  { name: 'range, lower is better 3–4: 2,5 rounds to 3 at the stated precision, so đạt', values: [val('TANG_DS', 'H', '2024', 2.5)], rule: { op: 'range', low: 3, high: 4 }, resolution: 'year:2024', period: '2024', status: 'dat' },
  { name: 'range, lower is better 3–4: 2,4 is vượt', values: [val('TANG_DS', 'H', '2024', 2.4)], rule: { op: 'range', low: 3, high: 4 }, resolution: 'year:2024', period: '2024', status: 'vuot' },
  { name: 'range, lower is better 3–4: 4,5 is không đạt', values: [val('TANG_DS', 'H', '2024', 4.5)], rule: { op: 'range', low: 3, high: 4 }, resolution: 'year:2024', period: '2024', status: 'khong_dat' },
  // growth against the previous year: (100 + g) / (100 + plan)
  {
    name: 'growth "tăng 10%" met by +12%: vượt, (112/110) = 101,8%',
    values: [val('THU_NS', 'H', '2023', 100), val('THU_NS', 'H', '2024', 112)],
    rule: { op: 'min', value: 10 },
    basis: { kind: 'change', unit: 'pct', sense: 'increase' },
    resolution: 'year:2024',
    period: '2024',
    status: 'vuot',
    actual: 12,
    percent: 101.8,
  },
  {
    name: 'growth "tăng 10%" with +8% is không đạt at 98,2%, never 80%',
    values: [val('THU_NS', 'H', '2023', 100), val('THU_NS', 'H', '2024', 108)],
    rule: { op: 'min', value: 10 },
    basis: { kind: 'change', unit: 'pct', sense: 'increase' },
    resolution: 'year:2024',
    period: '2024',
    status: 'khong_dat',
    percent: 98.2,
  },
  {
    name: 'poverty rate down 4,07 points against a plan of 3,5 points: vượt (ratio recomputed from households)',
    indicator: 'TL_NGHEO',
    values: [val('HO_NGHEO', 'H', '2023', 2000), val('TONG_HO', 'H', '2023', 10000), val('HO_NGHEO', 'H', '2024', 1593), val('TONG_HO', 'H', '2024', 10000)],
    rule: { op: 'min', value: 3.5 },
    basis: { kind: 'change', unit: 'pp', sense: 'decrease' },
    resolution: 'year:2024',
    period: '2024',
    status: 'vuot',
    actual: 4.07,
    percent: 116.3,
  },
  // recurring each year of the term
  {
    name: 'each year ≥ 120 new members, one year at 110: the term is không đạt',
    values: years('KET_NAP', 2021, [147, 124, 110, 130, 125]),
    rule: { op: 'min', value: 120 },
    targetOver: { recurrence: 'each_year' },
    resolution: 'term',
    period: 'nhiệm kỳ 2020 – 2025',
    status: 'khong_dat',
  },
  {
    name: 'each year ≥ 120 new members: 2021 alone is vượt at 122,5%',
    values: years('KET_NAP', 2021, [147, 124]),
    rule: { op: 'min', value: 120 },
    targetOver: { recurrence: 'each_year' },
    resolution: 'term',
    period: '2021',
    status: 'vuot',
    actual: 147,
    percent: 122.5,
  },
  {
    name: 'each year, first 8 months of 2023 (83/120) is progress, not a failure',
    values: [val('KET_NAP', 'H', '2023-YTD08', 83)],
    rule: { op: 'min', value: 120 },
    targetOver: { recurrence: 'each_year' },
    resolution: 'term',
    period: '8 tháng đầu năm 2023',
    status: 'dang_thuc_hien',
    percent: 69.2,
    flags: ['in_progress'],
  },
  {
    name: 'each year, all five met: đạt over the term',
    values: years('KET_NAP', 2021, [147, 124, 120, 130, 125]),
    rule: { op: 'min', value: 120 },
    targetOver: { recurrence: 'each_year' },
    resolution: 'term',
    period: '2020-2025',
    status: 'dat',
  },
  {
    name: 'each year, judged on the average when the resolution says so',
    values: years('KET_NAP', 2021, [147, 124, 110, 130, 125]),
    rule: { op: 'min', value: 120 },
    targetOver: { recurrence: 'each_year' },
    resolution: 'term',
    settings: { recurringTermRule: 'average' },
    period: '2020-2025',
    status: 'vuot',
    actual: 127.2,
  },
  // cumulative over the term
  {
    name: 'cumulative 16 new cooperatives by 2025: 3 years in, progress',
    values: years('THU_NS', 2021, [4, 5, 3]),
    rule: { op: 'min', value: 16 },
    basis: { kind: 'cumulative' },
    resolution: 'term',
    period: '2023',
    status: 'dang_thuc_hien',
    actual: 12,
    percent: 75,
  },
  {
    name: 'cumulative 16 by 2025: 18 over the term is vượt',
    values: years('THU_NS', 2021, [4, 5, 3, 4, 2]),
    rule: { op: 'min', value: 16 },
    basis: { kind: 'cumulative' },
    resolution: 'term',
    period: 'nhiệm kỳ 2020 – 2025',
    status: 'vuot',
    actual: 18,
    percent: 112.5,
  },
  // end-of-term level
  {
    name: 'end of term: herd 12.327 against 12.500 is không đạt at 98,61%',
    values: [...years('DAN_TRAU_BO', 2021, [11800, 12000, 12100, 12250, 12327])],
    rule: { op: 'min', value: 12500 },
    basis: { kind: 'end_of_term' },
    resolution: 'term',
    period: '2020-2025',
    status: 'khong_dat',
    actual: 12327,
    percent: 98.6,
  },
  {
    name: 'end of term evaluated in 2024: progress',
    values: [...years('DAN_TRAU_BO', 2021, [11800, 12000, 12100, 12250])],
    rule: { op: 'min', value: 12500 },
    basis: { kind: 'end_of_term' },
    resolution: 'term',
    period: '2024',
    status: 'dang_thuc_hien',
    actual: 12250,
  },
  // annual average over the term
  {
    name: 'average per year: 544,4 ha planted a year against 350 is vượt, 155,5%',
    values: years('RUNG', 2021, [500, 550, 520, 621, 531]),
    rule: { op: 'min', value: 350 },
    basis: { kind: 'average', method: 'mean' },
    resolution: 'term',
    period: '2020-2025',
    status: 'vuot',
    actual: 544.4,
    percent: 155.5,
  },
  {
    name: 'compound growth: 1.000 → 2.100 over five years is 15,98%/năm, đạt against 16% stated without decimals',
    values: years('GTSX', 2020, [1000, 1150, 1330, 1540, 1800, 2100]),
    rule: { op: 'min', value: 16 },
    basis: { kind: 'average', method: 'cagr' },
    resolution: 'term',
    period: '2020-2025',
    status: 'dat',
    actual: 16,
  },
  {
    name: 'poverty down 3,76 points a year (30% → 11,2%) within 3,5–4: đạt',
    indicator: 'TL_NGHEO',
    values: [val('HO_NGHEO', 'H', '2020', 3000), val('TONG_HO', 'H', '2020', 10000), val('HO_NGHEO', 'H', '2025', 1120), val('TONG_HO', 'H', '2025', 10000)],
    rule: { op: 'range', low: 3.5, high: 4 },
    basis: { kind: 'average', method: 'pp_per_year' },
    resolution: 'term',
    period: '2020-2025',
    status: 'dat',
    actual: 3.76,
  },
  // ratio to a base
  {
    name: 'new members ≥ 3% of members at the start of the year: 110 of 3.633 = 3,03%, đạt',
    values: [val('KET_NAP', 'H', '2024', 110), val('TONG_DV', 'H', '2023', 3633)],
    rule: { op: 'min', value: 3 },
    basis: { kind: 'ratio_to_base', baseIndicator: 'TONG_DV' },
    resolution: 'year:2024',
    period: '2024',
    status: 'dat',
    actual: 3.03,
  },
  // yes / no and maintain
  { name: 'status: the district meets the NTM standard', values: [val('DAT_NTM', 'H', '2024', 1)], rule: { op: 'status' }, resolution: 'year:2024', period: '2024', status: 'dat' },
  { name: 'status: not yet', values: [val('DAT_NTM', 'H', '2024', 0)], rule: { op: 'status' }, resolution: 'year:2024', period: '2024', status: 'khong_dat' },
  {
    name: 'maintain: held every year of the term',
    values: years('DAT_NTM', 2021, [1, 1, 1, 1, 1]),
    rule: { op: 'status' },
    basis: { kind: 'maintain' },
    resolution: 'term',
    period: '2020-2025',
    status: 'dat',
  },
  {
    name: 'maintain: lost in 2024',
    values: years('DAT_NTM', 2021, [1, 1, 1, 0, 1]),
    rule: { op: 'status' },
    basis: { kind: 'maintain' },
    resolution: 'term',
    period: '2020-2025',
    status: 'khong_dat',
  },
  // missing data, estimates, partial periods, bands
  { name: 'no figure: chưa có số liệu, not không đạt', values: [], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', status: 'chua_co_so_lieu', actual: null },
  { name: 'an estimate is flagged', values: [val('RUNG', 'H', '2024', 500, 'uoc')], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', status: 'vuot', flags: ['estimate'] },
  { name: 'Q1 forest planting 32,88 ha of 450 ha is 7,3% progress', values: [val('RUNG', 'H', '2025-Q1', 32.88)], rule: { op: 'min', value: 450 }, resolution: 'year:2025', period: 'quý I/2025', status: 'dang_thuc_hien', actual: 32.88, percent: 7.3, flags: ['in_progress'] },
  { name: 'cơ bản đạt band at 90%: 420/450 = 93,3%', values: [val('RUNG', 'H', '2024', 420)], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', settings: { basicallyMetPercent: 90 }, status: 'co_ban_dat' },
  { name: 'vượt only from 105% when configured: 102,2% is đạt', values: [val('RUNG', 'H', '2024', 460)], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', settings: { exceed: 105 }, status: 'dat' },
  { name: 'vượt only from 105% when configured: 106,7% is vượt', values: [val('RUNG', 'H', '2024', 480)], rule: { op: 'min', value: 450 }, resolution: 'year:2024', period: '2024', settings: { exceed: 105 }, status: 'vuot' },
  { name: 'quarters add up to the year for a flow', values: [1, 2, 3, 4].map((q) => val('RUNG', 'H', `2024-Q${q}`, 100 + q)), rule: { op: 'min', value: 400 }, resolution: 'year:2024', period: '2024', status: 'vuot', actual: 410 },
];

describe('evaluation of every target form', () => {
  for (const c of cases)
    test(c.name, () => {
      const t = target('T1', c.indicator ?? c.values[0]?.indicator ?? 'RUNG', c.rule, c.basis, c.targetOver);
      const r = c.resolution === 'term' ? term(2020, 2025, [t], c.settings) : annual(Number(c.resolution.slice(5)), [t], c.settings);
      const ctx = ctxOf({ units: [H], indicators: c.indicators ?? ALL, values: c.values });
      const res = evaluateResolution(ctx, r, 'H', parsePeriod(c.period)).targets[0]!;
      assert.equal(res.status, c.status, `status (actual ${res.actual}, % ${res.percentOfPlan})`);
      if (c.actual !== undefined) assert.equal(res.actual === null ? null : roundHalfAway(res.actual, 2), c.actual, 'actual');
      if (c.percent !== undefined) assert.equal(res.percentOfPlan === null ? null : roundHalfAway(res.percentOfPlan, 1), c.percent, '% of plan');
      for (const f of c.flags ?? []) assert.ok(res.flags.some((x) => x.code === f), `flag ${f} in ${JSON.stringify(res.flags)}`);
      if (res.actual !== null) assert.ok(res.sources.length > 0, 'sources cited');
    });
});

describe('same period last year', () => {
  test('"bằng 135% cùng kỳ" / "tăng 35%" for a flow', () => {
    const ctx = ctxOf({ units: [H], indicators: ALL, values: [val('THU_NS', 'H', '2020-YTD09', 34), val('THU_NS', 'H', '2019-YTD09', 25.185)] });
    const r = annual(2020, [target('T', 'THU_NS', { op: 'min', value: 40 })]);
    const t = evaluateResolution(ctx, r, 'H', parsePeriod('9 tháng năm 2020')).targets[0]!;
    assert.equal(roundHalfAway(t.samePeriodPercent!, 0), 135);
    assert.deepEqual({ ...t.samePeriodChange!, value: roundHalfAway(t.samePeriodChange!.value, 0) }, { value: 35, unit: 'pct' });
    assert.equal(t.status, 'dang_thuc_hien');
  });
  test('a rate changes in percentage points', () => {
    const ctx = ctxOf({ units: [H], indicators: ALL, values: [val('TY_LE', 'H', '2023', 94.98), val('TY_LE', 'H', '2024', 75)] });
    const t = evaluateResolution(ctx, annual(2024, [target('T', 'TY_LE', { op: 'min', value: 90 })]), 'H', parsePeriod('2024')).targets[0]!;
    assert.equal(t.samePeriodChange!.unit, 'pp');
    assert.equal(roundHalfAway(t.samePeriodChange!.value, 2), -19.98);
  });
});

describe('summary', () => {
  test('counts by status and by field: "24/30 đạt và vượt: 09 vượt, 15 đạt; 06 không đạt"', () => {
    const statuses: Status[] = [...Array(9).fill('vuot'), ...Array(15).fill('dat'), ...Array(6).fill('khong_dat')];
    const s = summarize(statuses.map((status, i) => ({ status, field: i % 2 ? 'kinh_te' : 'xay_dung_dang' })));
    assert.deepEqual(
      { total: s.total, exceeded: s.exceeded, met: s.met, notMet: s.notMet, noData: s.noData },
      { total: 30, exceeded: 9, met: 15, notMet: 6, noData: 0 },
    );
    assert.deepEqual(Object.keys(s.byField), ['kinh_te', 'xay_dung_dang'], 'fields in report order');
    assert.equal(s.byField.kinh_te!.total + s.byField.xay_dung_dang!.total, 30);
  });
});

describe('governing resolution', () => {
  const t = [target('T', 'RUNG', { op: 'min', value: 1 })];
  const rs = [term(2020, 2025, t), annual(2024, t), annual(2023, t)];
  test('the annual one for a year or part of it', () => {
    assert.equal(findGoverningResolution(rs, ['H'], parsePeriod('2024'))!.id, 'nq-2024');
    assert.equal(findGoverningResolution(rs, ['H'], parsePeriod('quý I/2024'))!.id, 'nq-2024');
  });
  test('the term one for a term, or a year without an annual resolution', () => {
    assert.equal(findGoverningResolution(rs, ['H'], parsePeriod('nhiệm kỳ 2020 – 2025'))!.id, 'nq-term-2020');
    assert.equal(findGoverningResolution(rs, ['H'], parsePeriod('2022'))!.id, 'nq-term-2020');
  });
  test('only the unit’s own resolutions', () => assert.equal(findGoverningResolution(rs, ['X'], parsePeriod('2024')), null));
});

test('a period outside the resolution is refused in Vietnamese', () => {
  const ctx = ctxOf({ units: [H], indicators: ALL, values: [] });
  assert.throws(() => evaluateResolution(ctx, annual(2024, []), 'H', parsePeriod('2023')), /nằm ngoài phạm vi/);
});

test('maintain inside a year is judged on the period itself, not on the whole year', () => {
  const ctx = ctxOf({ units: [H], indicators: ALL, values: [val('DAT_NTM', 'H', '2023', 1)] });
  const r = term(2020, 2025, [target('T', 'DAT_NTM', { op: 'status' }, { kind: 'maintain' })]);
  const t = evaluateResolution(ctx, r, 'H', parsePeriod('8 tháng đầu năm 2023')).targets[0]!;
  assert.equal(t.status, 'chua_co_so_lieu', 'the 2023 figure covers months after August');
});
