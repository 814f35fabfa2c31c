import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decimalsOf, formatCount, formatViNumber, formatViPercent, parseViNumber, roundHalfAway, truncate } from './numbers.ts';

describe('parseViNumber: numbers as Vietnamese reports write them', () => {
  const ok: [string, number, number, boolean][] = [
    ['1.440', 1440, 0, false], // "hơn 1.440ha" (seed 000)
    ['32,88', 32.88, 2, false], // "32,88ha"
    ['12.327', 12327, 0, false], // "có12.327 con" (seed 004)
    ['1.516.000', 1516000, 0, false],
    ['10.482,24', 10482.24, 2, false],
    ['1.440,5', 1440.5, 1, false],
    ['7,3%', 7.3, 1, true],
    ['122,5 %', 122.5, 1, true],
    ['  06 ', 6, 0, false],
    ['-4,07', -4.07, 2, false],
    ['0', 0, 0, false],
  ];
  for (const [input, value, decimals, percent] of ok)
    test(`"${input}" → ${value}`, () => assert.deepEqual(parseViNumber(input), { ok: true, value, decimals, percent }));

  for (const bad of ['', 'abc', '1.5', '1.44', '1,440.5', '12..3', '1.4400'])
    test(`"${bad}" is refused with a Vietnamese message`, () => {
      const r = parseViNumber(bad);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.error, /số|trống/);
    });

  test('a machine decimal is accepted only when asked (spreadsheet cells)', () => {
    assert.equal(parseViNumber('1440.5').ok, false);
    assert.deepEqual(parseViNumber('1440.5', { allowMachineDecimal: true }), { ok: true, value: 1440.5, decimals: 1, percent: false });
  });
});

describe('formatting the Vietnamese way', () => {
  const rows: [number, string][] = [
    [1440, '1.440'],
    [32.88, '32,88'],
    [12327, '12.327'],
    [3633, '3.633'],
    [1516000, '1.516.000'],
    [0.5, '0,5'],
    [-4.07, '-4,07'],
    [7, '7'],
  ];
  for (const [n, s] of rows) test(`${n} → ${s}`, () => assert.equal(formatViNumber(n), s));
  test('percent without a space: 7,3%', () => assert.equal(formatViPercent(7.3), '7,3%'));
  test('percent rounds half away: 122,5%; 103,3%', () => {
    assert.equal(formatViPercent((147 / 120) * 100), '122,5%');
    assert.equal(formatViPercent((124 / 120) * 100), '103,3%');
  });
  test('counts under ten get a leading zero: 09 vượt, 06 hộ', () => {
    assert.equal(formatCount(9), '09');
    assert.equal(formatCount(6), '06');
    assert.equal(formatCount(24), '24');
    assert.equal(formatCount(1026), '1.026');
  });
});

describe('rounding as reports do', () => {
  test('half away from zero, without float artefacts', () => {
    assert.equal(roundHalfAway(1.005, 2), 1.01);
    assert.equal(roundHalfAway(105.55, 1), 105.6);
    assert.equal(roundHalfAway(-2.5, 0), -3);
    assert.equal(roundHalfAway(64.96, 0), 65);
  });
  test('truncation: 95/90 = 105,56% written 105,5%', () => assert.equal(truncate((95 / 90) * 100, 1), 105.5));
  test('decimalsOf', () => {
    assert.equal(decimalsOf(3.5), 1);
    assert.equal(decimalsOf(450), 0);
    assert.equal(decimalsOf(32.88), 2);
    assert.equal(decimalsOf(1e-7), 7);
  });
});
