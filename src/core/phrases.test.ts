import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMeasure, samePeriodPhrase, summarySentence } from './phrases.ts';

const counts = (o: Partial<Record<'total' | 'exceeded' | 'met' | 'basicallyMet' | 'notMet' | 'noData' | 'inProgress', number>>) => ({
  total: 0, exceeded: 0, met: 0, basicallyMet: 0, notMet: 0, noData: 0, inProgress: 0, ...o,
});

test('the 2024 sentence adds up: 24/30 with 09 vượt, 15 đạt and 06 không đạt', () => {
  assert.equal(
    summarySentence(counts({ total: 30, exceeded: 9, met: 15, notMet: 6 })),
    'Có 24/30 chỉ tiêu đạt và vượt, trong đó có 09 chỉ tiêu vượt, 15 chỉ tiêu đạt; 06 chỉ tiêu không đạt.',
  );
});
test('progress and missing data are named, never folded into không đạt', () => {
  assert.equal(
    summarySentence(counts({ total: 10, exceeded: 1, met: 2, inProgress: 5, noData: 2 })),
    'Có 03/10 chỉ tiêu đạt và vượt, trong đó có 01 chỉ tiêu vượt, 02 chỉ tiêu đạt; 05 chỉ tiêu đang thực hiện (chưa hết kỳ); 02 chỉ tiêu chưa có số liệu.',
  );
});
test('figures with units', () => {
  assert.equal(formatMeasure(1440, 'ha'), '1.440 ha');
  assert.equal(formatMeasure(32.88, 'ha'), '32,88 ha');
  assert.equal(formatMeasure(7.3, '%'), '7,3%');
  assert.equal(formatMeasure(3.76, '%/năm'), '3,76%/năm');
  assert.equal(formatMeasure(null, 'ha'), '—');
});
test('same period phrases', () => {
  assert.equal(samePeriodPhrase({ samePeriodPercent: 135, samePeriodChange: { value: 35, unit: 'pct' } }), 'bằng 135% cùng kỳ (tăng 35%)');
  assert.equal(samePeriodPhrase({ samePeriodPercent: 79, samePeriodChange: { value: -19.98, unit: 'pp' } }), 'giảm 19,98 điểm % so với cùng kỳ');
});

test('a partial period does not say "00/36 đạt và vượt"', () => {
  assert.equal(
    summarySentence(counts({ total: 36, inProgress: 9, noData: 27 })),
    'Trong 36 chỉ tiêu, chưa có chỉ tiêu nào được đánh giá đạt hoặc vượt; 09 chỉ tiêu đang thực hiện (chưa hết kỳ); 27 chỉ tiêu chưa có số liệu.',
  );
});

test('a zero part of the breakdown is left out', () => {
  assert.equal(summarySentence(counts({ total: 1, exceeded: 1 })), 'Có 01/01 chỉ tiêu đạt và vượt, trong đó có 01 chỉ tiêu vượt.');
});
