import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  dateWindow,
  ND_09_2019,
  type Period,
  monthSpan,
  parsePeriod,
  periodCode,
  periodFromSpan,
  periodLabel,
  samePeriodLastYear,
  termYears,
} from './periods.ts';

describe('period labels both ways', () => {
  const rows: [string, Period, string, string][] = [
    // input as written,        parsed,                                     code,         label
    ['quý I/2025', { kind: 'quarter', year: 2025, quarter: 1 }, '2025-Q1', 'quý I/2025'],
    ['Quý II/2025', { kind: 'quarter', year: 2025, quarter: 2 }, '2025-Q2', 'quý II/2025'],
    ['quý 4 năm 2024', { kind: 'quarter', year: 2024, quarter: 4 }, '2024-Q4', 'quý IV/2024'],
    ['6 tháng đầu năm 2024', { kind: 'ytd', year: 2024, months: 6 }, '2024-YTD06', '6 tháng đầu năm 2024'],
    ['6 tháng năm 2024', { kind: 'ytd', year: 2024, months: 6 }, '2024-YTD06', '6 tháng đầu năm 2024'],
    ['9 tháng năm 2020', { kind: 'ytd', year: 2020, months: 9 }, '2020-YTD09', '9 tháng năm 2020'],
    ['9 tháng đầu năm 2020', { kind: 'ytd', year: 2020, months: 9 }, '2020-YTD09', '9 tháng năm 2020'],
    ['8 tháng đầu năm 2023', { kind: 'ytd', year: 2023, months: 8 }, '2023-YTD08', '8 tháng đầu năm 2023'],
    ['6 tháng cuối năm 2024', { kind: 'half', year: 2024, half: 2 }, '2024-H2', '6 tháng cuối năm 2024'],
    ['tháng 5/2025', { kind: 'month', year: 2025, month: 5 }, '2025-M05', 'tháng 5/2025'],
    ['năm 2024', { kind: 'year', year: 2024 }, '2024', 'năm 2024'],
    ['2024', { kind: 'year', year: 2024 }, '2024', 'năm 2024'],
    ['nhiệm kỳ 2020 – 2025', { kind: 'term', startYear: 2020, endYear: 2025 }, '2020-2025', 'nhiệm kỳ 2020 – 2025'],
    ['nhiệm kỳ 2020-2025', { kind: 'term', startYear: 2020, endYear: 2025 }, '2020-2025', 'nhiệm kỳ 2020 – 2025'],
    ['giai đoạn 2021 - 2025', { kind: 'term', startYear: 2020, endYear: 2025 }, '2020-2025', 'nhiệm kỳ 2020 – 2025'],
    ['2025-Q1', { kind: 'quarter', year: 2025, quarter: 1 }, '2025-Q1', 'quý I/2025'],
    ['2024-H1', { kind: 'ytd', year: 2024, months: 6 }, '2024-YTD06', '6 tháng đầu năm 2024'],
    ['2023-YTD08', { kind: 'ytd', year: 2023, months: 8 }, '2023-YTD08', '8 tháng đầu năm 2023'],
    ['ngan son nam 2024'.replace('ngan son ', ''), { kind: 'year', year: 2024 }, '2024', 'năm 2024'],
  ];
  for (const [input, period, code, label] of rows)
    test(`"${input}"`, () => {
      const p = parsePeriod(input);
      assert.deepEqual(p, period);
      assert.equal(periodCode(p), code);
      assert.equal(periodLabel(p), label);
      assert.deepEqual(parsePeriod(periodCode(p)), p, 'code round trip');
      assert.deepEqual(parsePeriod(periodLabel(p)), p, 'label round trip');
    });

  for (const bad of ['quý V/2025', 'tháng 13/2024', 'năm 20245', 'nhiệm kỳ 2025 - 2020', 'hôm qua', '13 tháng đầu năm 2024'])
    test(`"${bad}" is refused in Vietnamese`, () => assert.throws(() => parsePeriod(bad), /không|Không|hỗ trợ/));
});

describe('spans, same period, terms', () => {
  test('a term covers its plan years: 2020–2025 → 2021…2025', () => {
    assert.deepEqual(termYears({ startYear: 2020, endYear: 2025 }), [2021, 2022, 2023, 2024, 2025]);
    const s = monthSpan({ kind: 'term', startYear: 2020, endYear: 2025 });
    assert.equal(s.to - s.from + 1, 60);
  });
  test('9 tháng covers the same months as quarters I–III', () => {
    const q = [1, 2, 3].map((quarter) => monthSpan({ kind: 'quarter', year: 2020, quarter: quarter as 1 | 2 | 3 }));
    const nine = monthSpan({ kind: 'ytd', year: 2020, months: 9 });
    assert.equal(nine.from, q[0]!.from);
    assert.equal(nine.to, q[2]!.to);
  });
  test('cùng kỳ is the same window one year earlier', () => {
    assert.deepEqual(samePeriodLastYear({ kind: 'ytd', year: 2023, months: 8 }), { kind: 'ytd', year: 2022, months: 8 });
    assert.equal(samePeriodLastYear({ kind: 'term', startYear: 2020, endYear: 2025 }), null);
  });
  test('periodFromSpan inverts monthSpan', () => {
    for (const c of ['2024', '2025-Q3', '2024-YTD06', '2024-H2', '2025-M11', '2020-2025']) {
      const p = parsePeriod(c);
      assert.equal(periodCode(periodFromSpan(monthSpan(p))!), c);
    }
  });
});

describe('data cut-off windows (thời gian chốt số liệu)', () => {
  const rows: [string, string, string, string, string][] = [
    // period, calendar start, calendar end, NĐ 09/2019 start, NĐ 09/2019 end
    ['tháng 5/2025', '2025-05-01', '2025-05-31', '2025-04-15', '2025-05-14'],
    ['quý I/2025', '2025-01-01', '2025-03-31', '2024-12-15', '2025-03-14'],
    ['6 tháng đầu năm 2024', '2024-01-01', '2024-06-30', '2023-12-15', '2024-06-14'],
    ['6 tháng cuối năm 2024', '2024-07-01', '2024-12-31', '2024-06-15', '2024-12-14'],
    ['9 tháng năm 2020', '2020-01-01', '2020-09-30', '2019-12-15', '2020-09-14'],
    ['năm 2024', '2024-01-01', '2024-12-31', '2023-12-15', '2024-12-14'],
    ['tháng 2/2024', '2024-02-01', '2024-02-29', '2024-01-15', '2024-02-14'],
  ];
  for (const [label, cs, ce, ns, ne] of rows)
    test(label, () => {
      const p = parsePeriod(label);
      assert.deepEqual(dateWindow(p), { start: cs, end: ce });
      assert.deepEqual(dateWindow(p, ND_09_2019), { start: ns, end: ne });
    });
});
