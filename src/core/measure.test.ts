import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Measurer } from './measure.ts';
import { monthSpan, parsePeriod } from './periods.ts';
import { ctxOf, ind, unit, val } from './test-builders.ts';
import type { Succession } from './units.ts';

const span = (p: string) => monthSpan(parsePeriod(p));
const area = ind('RUNG', { measureUnit: 'ha' });
const herd = ind('DAN', { measureUnit: 'con', timeAggregation: 'last' });
const income = ind('THU_NHAP', { measureUnit: 'triệu đồng', timeAggregation: 'average', unitAggregation: 'none' });
const poor = ind('HO_NGHEO', { timeAggregation: 'last' });
const hh = ind('TONG_HO', { timeAggregation: 'last' });
const rate = ind('TL_NGHEO', { valueType: 'percent', direction: 'lower', timeAggregation: 'last', unitAggregation: 'ratio', ratio: { numerator: 'HO_NGHEO', denominator: 'TONG_HO', scale: 100 } });
const discipline = ind('KY_LUAT', {
  valueType: 'integer',
  disaggregation: { label: 'Hình thức', options: [{ code: 'khien_trach', label: 'Khiển trách' }, { code: 'canh_cao', label: 'Cảnh cáo' }, { code: 'khai_tru', label: 'Khai trừ' }] },
});
const members = ind('KET_NAP', { tree: 'party', field: 'xay_dung_dang' });
const INDS = [area, herd, income, poor, hh, rate, discipline, members];

const H = unit('H', 'huyen', null, { validTo: '2025-06-30', counterpartId: 'DBH' });
const DBH = unit('DBH', 'dang_bo_huyen', null, { validTo: '2025-06-30', counterpartId: 'H' });
const A = unit('A', 'xa', 'H', { validTo: '2025-06-30' });
const B = unit('B', 'xa', 'H', { validTo: '2025-06-30' });
const C = unit('C', 'xa', 'H', { validTo: '2025-06-30' });
const N = unit('N', 'xa', null, { validFrom: '2025-07-01' });
const merged: Succession[] = [
  { fromId: 'A', toId: 'N', kind: 'merge', share: null, effectiveDate: '2025-07-01', legalBasis: null },
  { fromId: 'B', toId: 'N', kind: 'merge', share: null, effectiveDate: '2025-07-01', legalBasis: null },
];

describe('over time', () => {
  test('a flow sums its quarters; months fill a gap', () => {
    const ctx = ctxOf({ units: [H], indicators: INDS, values: [val('RUNG', 'H', '2024-Q1', 10), val('RUNG', 'H', '2024-YTD06', 30), val('RUNG', 'H', '2024-M07', 5), val('RUNG', 'H', '2024-M08', 5), val('RUNG', 'H', '2024-M09', 5), val('RUNG', 'H', '2024-Q4', 50)] });
    const m = new Measurer(ctx).measure('RUNG', 'H', span('2024'))!;
    assert.equal(m.value, 95, '6 months (30) + 3 months + Q4');
    assert.equal(m.sources.length, 5);
    assert.equal(new Measurer(ctx).measure('RUNG', 'H', span('9 tháng năm 2024'))!.value, 45);
  });
  test('a stock takes its last value; a gap at the end means no figure', () => {
    const ctx = ctxOf({ units: [H], indicators: INDS, values: [val('DAN', 'H', '2024-Q1', 8000), val('DAN', 'H', '2024-Q4', 8200)] });
    const m = new Measurer(ctx);
    assert.equal(m.measure('DAN', 'H', span('2024'))!.value, 8200);
    assert.equal(m.measure('DAN', 'H', span('quý I/2024'))!.value, 8000);
    assert.equal(m.measure('DAN', 'H', span('6 tháng đầu năm 2024')), null);
  });
  test('an average is weighted by months', () => {
    const ctx = ctxOf({ units: [H], indicators: INDS, values: [val('THU_NHAP', 'H', '2024-YTD09', 30), val('THU_NHAP', 'H', '2024-Q4', 42)] });
    assert.equal(new Measurer(ctx).measure('THU_NHAP', 'H', span('2024'))!.value, 33);
  });
  test('an incomplete year is no figure, not a smaller one', () => {
    const ctx = ctxOf({ units: [H], indicators: INDS, values: [val('RUNG', 'H', '2025-Q1', 32.88)] });
    assert.equal(new Measurer(ctx).measure('RUNG', 'H', span('2025')), null);
  });
});

describe('over units', () => {
  test('children add up; a missing child is flagged', () => {
    const ctx = ctxOf({ units: [H, A, B, C], indicators: INDS, values: [val('RUNG', 'A', '2024', 100), val('RUNG', 'B', '2024', 50.5)] });
    const m = new Measurer(ctx).measure('RUNG', 'H', span('2024'))!;
    assert.equal(m.value, 150.5);
    assert.deepEqual(m.flags.find((f) => f.code === 'missing_units')?.unitIds, ['C']);
  });
  test('a rate is recomputed from numerator and denominator, never averaged', () => {
    const ctx = ctxOf({
      units: [H, A, B],
      indicators: INDS,
      values: [val('HO_NGHEO', 'A', '2024', 10), val('TONG_HO', 'A', '2024', 100), val('HO_NGHEO', 'B', '2024', 90), val('TONG_HO', 'B', '2024', 300)],
    });
    assert.equal(new Measurer(ctx).measure('TL_NGHEO', 'H', span('2024'))!.value, 25, '100/400, not (10% + 30%) / 2');
  });
  test("the unit's own figure wins; a different sum below is flagged", () => {
    const ctx = ctxOf({ units: [H, A, B], indicators: INDS, values: [val('RUNG', 'H', '2024', 160), val('RUNG', 'A', '2024', 100), val('RUNG', 'B', '2024', 50)] });
    const m = new Measurer(ctx).measure('RUNG', 'H', span('2024'))!;
    assert.equal(m.value, 160);
    assert.ok(m.flags.some((f) => f.code === 'children_mismatch'));
  });
  test('a total is the sum of its disaggregation: 17 = 10 khiển trách + 02 cảnh cáo + 05 khai trừ', () => {
    const ctx = ctxOf({
      units: [H],
      indicators: INDS,
      values: [val('KY_LUAT', 'H', '2023', 10, 'thuc_hien', 'khien_trach'), val('KY_LUAT', 'H', '2023', 2, 'thuc_hien', 'canh_cao'), val('KY_LUAT', 'H', '2023', 5, 'thuc_hien', 'khai_tru')],
    });
    assert.equal(new Measurer(ctx).measure('KY_LUAT', 'H', span('2023'))!.value, 17);
  });
  test('a party indicator is read on the locality’s party organisation', () => {
    const ctx = ctxOf({ units: [H, DBH], indicators: INDS, values: [val('KET_NAP', 'DBH', '2021', 147)] });
    const m = new Measurer(ctx);
    assert.equal(m.subjectUnit(members, H).id, 'DBH');
    assert.equal(m.measure('KET_NAP', m.subjectUnit(members, H).id, span('2021'))!.value, 147);
  });
});

describe('history across the 2025 merger', () => {
  test('full merge: the new commune’s 2024 is its predecessors’ sum, flagged rebuilt', () => {
    const ctx = ctxOf({ units: [H, A, B, N], successions: merged, indicators: INDS, values: [val('RUNG', 'A', '2024', 100), val('RUNG', 'B', '2024', 40)] });
    const m = new Measurer(ctx).measure('RUNG', 'N', span('2024'))!;
    assert.equal(m.value, 140);
    assert.deepEqual(m.flags.find((f) => f.code === 'rebuilt')?.unitIds, ['A', 'B']);
  });
  test('2025 joins the predecessors’ first half and the new commune’s second half', () => {
    const ctx = ctxOf({
      units: [H, A, B, N],
      successions: merged,
      indicators: INDS,
      values: [val('RUNG', 'A', '2025-YTD06', 10), val('RUNG', 'B', '2025-YTD06', 5), val('RUNG', 'N', '2025-H2', 20)],
    });
    assert.equal(new Measurer(ctx).measure('RUNG', 'N', span('2025'))!.value, 35);
  });
  test('a rate of a merged commune is rebuilt from summed numerators and denominators', () => {
    const ctx = ctxOf({
      units: [H, A, B, N],
      successions: merged,
      indicators: INDS,
      values: [val('HO_NGHEO', 'A', '2024', 10), val('TONG_HO', 'A', '2024', 100), val('HO_NGHEO', 'B', '2024', 90), val('TONG_HO', 'B', '2024', 300)],
    });
    assert.equal(new Measurer(ctx).measure('TL_NGHEO', 'N', span('2024'))!.value, 25);
  });
  test('partial split with a known share', () => {
    const ctx = ctxOf({
      units: [A, N, unit('M', 'xa', null, { validFrom: '2025-07-01' })],
      successions: [
        { fromId: 'A', toId: 'N', kind: 'split', share: 0.3, effectiveDate: '2025-07-01', legalBasis: null },
        { fromId: 'A', toId: 'M', kind: 'split', share: 0.7, effectiveDate: '2025-07-01', legalBasis: null },
      ],
      indicators: INDS,
      values: [val('RUNG', 'A', '2024', 100)],
    });
    const m = new Measurer(ctx).measure('RUNG', 'N', span('2024'))!;
    assert.ok(Math.abs(m.value - 30) < 1e-9);
    assert.ok(!m.flags.some((f) => f.code === 'partial_split'));
  });
  test('partial split without a share: divided evenly and flagged as an estimate', () => {
    const ctx = ctxOf({
      units: [A, N, unit('M', 'xa', null, { validFrom: '2025-07-01' })],
      successions: [
        { fromId: 'A', toId: 'N', kind: 'split', share: null, effectiveDate: '2025-07-01', legalBasis: null },
        { fromId: 'A', toId: 'M', kind: 'split', share: null, effectiveDate: '2025-07-01', legalBasis: null },
      ],
      indicators: INDS,
      values: [val('RUNG', 'A', '2024', 100)],
    });
    const m = new Measurer(ctx).measure('RUNG', 'N', span('2024'))!;
    assert.equal(m.value, 50);
    assert.ok(m.flags.some((f) => f.code === 'partial_split'));
  });
});

describe('invariants (property tests)', () => {
  test('a parent’s additive total equals the sum of its children', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (figures) => {
        const kids = figures.map((_, i) => unit(`c${i}`, 'xa', 'H'));
        const ctx = ctxOf({ units: [unit('H', 'huyen'), ...kids], indicators: INDS, values: figures.map((v, i) => val('RUNG', `c${i}`, '2024', v)) });
        return new Measurer(ctx).measure('RUNG', 'H', span('2024'))!.value === figures.reduce((s, v) => s + v, 0);
      }),
    );
  });
  test('the order of the input does not change any figure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ child: fc.integer({ min: 0, max: 4 }), q: fc.integer({ min: 1, max: 4 }), v: fc.integer({ min: 0, max: 10_000 }) }), { maxLength: 40 }),
        fc.integer(),
        (rows, seed) => {
          const seen = new Set<string>();
          const values = rows.filter((r) => !seen.has(`${r.child}-${r.q}`) && seen.add(`${r.child}-${r.q}`)).map((r) => val('RUNG', `c${r.child}`, `2024-Q${r.q}`, r.v));
          const units = [unit('H', 'huyen'), ...[0, 1, 2, 3, 4].map((i) => unit(`c${i}`, 'xa', 'H'))];
          const shuffled = [...values].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5));
          const m1 = new Measurer(ctxOf({ units, indicators: INDS, values }));
          const m2 = new Measurer(ctxOf({ units: [...units].reverse(), indicators: INDS, values: shuffled.reverse() }));
          for (const p of ['2024', '2024-Q1', '2024-YTD06', '2024-H2'])
            if (m1.measure('RUNG', 'H', span(p))?.value !== m2.measure('RUNG', 'H', span(p))?.value) return false;
          return true;
        },
      ),
    );
  });
});

describe('a unit renamed during a year (xã Vân Tùng → thị trấn Vân Tùng, 10/4/2023)', () => {
  const X = unit('X', 'xa', 'H', { validTo: '2023-04-09' });
  const T = unit('T', 'thi_tran', 'H', { validFrom: '2023-04-10' });
  const rename: Succession[] = [{ fromId: 'X', toId: 'T', kind: 'rename', share: null, effectiveDate: '2023-04-10', legalBasis: null }];
  test('its own full-year figure counts for the whole year', () => {
    const ctx = ctxOf({ units: [unit('H', 'huyen'), X, T], successions: rename, indicators: INDS, values: [val('RUNG', 'T', '2023', 80)] });
    assert.equal(new Measurer(ctx).measure('RUNG', 'T', span('2023'))!.value, 80);
  });
  test('the district counts it once, through its successor, with no missing unit', () => {
    const ctx = ctxOf({ units: [unit('H', 'huyen'), X, T, A], successions: rename, indicators: INDS, values: [val('RUNG', 'T', '2023', 80), val('RUNG', 'A', '2023', 20)] });
    const m = new Measurer(ctx).measure('RUNG', 'H', span('2023'))!;
    assert.equal(m.value, 100);
    assert.ok(!m.flags.some((f) => f.code === 'missing_units'));
  });
});
