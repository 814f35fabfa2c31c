import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agreement } from './tolerance.ts';
import type { Qualifier } from './types.ts';

const CASES: [string, number, number, number, Qualifier | null, ReturnType<typeof agreement>][] = [
  ['147/120 = 122,5', (147 / 120) * 100, 122.5, 1, null, 'exact'],
  ['124/120 → 103,3 (rounded)', (124 / 120) * 100, 103.3, 1, null, 'rounded'],
  ['95/90 → 105,5 (cut)', (95 / 90) * 100, 105.5, 1, null, 'truncated'],
  ['94,98/90 → 105,4 does not hold', (94.98 / 90) * 100, 105.4, 1, null, null],
  ['94,98 − 75 → 19,9 (cut)', 94.98 - 75, 19.9, 1, null, 'truncated'],
  ['hơn 138 with 138,33', 138.33, 138, 0, 'hơn', 'bound'],
  ['hơn 125 with exactly 125', 125, 125, 0, 'hơn', null],
  ['trên 100 with 99', 99, 100, 0, 'trên', null],
  ['gần 76 with 75,8', 75.8, 76, 0, 'gần', 'approximate'],
  ['gần 76 with 80', 80, 76, 0, 'gần', null],
  ['khoảng 40 with 41', 41, 40, 0, 'khoảng', 'approximate'],
  ['dưới 5 with 4,9', 4.9, 5, 0, 'dưới', 'bound'],
  ['tối thiểu 80 with 80', 80, 80, 0, 'tối thiểu', 'bound'],
  ['not a number', Number.NaN, 1, 0, null, null],
];

describe('agreement: rounding, truncation and approximation words', () => {
  for (const [name, computed, stated, decimals, q, want] of CASES) {
    test(name, () => assert.equal(agreement(computed, stated, decimals, q), want));
  }
});
