import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addable, categoryOf, isPercentUnit, matchUnit, scaleOf } from './units.ts';

/** Text after a number → the unit read there (null: none). */
const CASES: [string, string | null][] = [
  ['ha ,đạt', 'ha'],
  [' ha', 'ha'],
  ['hộ xây mới', 'hộ'],
  [' tỷ đồng/37', 'tỷ đồng'],
  [' triệu đồng/ha/năm', 'triệu đồng/ha/năm'],
  ['kg/người/năm', 'kg/người/năm'],
  ['%/năm', '%/năm'],
  [' %', '%'],
  ['%', '%'],
  [' điểm % so với', 'điểm %'],
  [' đảng viên', 'đảng viên'],
  [' tổ chức đảng và', 'tổ chức đảng'],
  [' tổ chức và', 'tổ chức'],
  [' HTX', 'HTX'],
  [' htx', null],
  [' MWh', 'MWh'],
  [' m2/người', 'm2/người'],
  [' lượt khách du lịch', 'lượt khách'],
  [' triệu lượt khách', 'triệu lượt khách'],
  [' nghìn tấn', 'nghìn tấn'],
  [' cán bộ, công chức, viên chức', 'cán bộ, công chức, viên chức'],
  [' chỉ tiêu đạt', 'chỉ tiêu'],
  [' hai', null],
  [' còn lại', null],
  [' năm', 'năm'],
  [' nhiệm kỳ', 'nhiệm kỳ'],
  [' chương trình', 'chương trình'],
  [' và', null],
  ['', null],
];

describe('matchUnit', () => {
  for (const [after, unit] of CASES) {
    test(`"${after}" → ${unit}`, () => {
      assert.equal(matchUnit(after, 0)?.unit ?? null, unit);
    });
  }
  test('durations and documents are marked, so their numbers are not facts', () => {
    assert.equal(matchUnit(' năm ngày thành lập', 0)?.category, 'time');
    assert.equal(matchUnit(' Dự thảo', 0)?.category, 'document');
  });
});

describe('unit helpers', () => {
  test('categories and scales convert money, mass and area', () => {
    assert.equal(categoryOf('tỷ đồng'), 'money');
    assert.equal(scaleOf('tỷ đồng') / scaleOf('triệu đồng'), 1000);
    assert.equal(scaleOf('tấn') / scaleOf('kg'), 1000);
    assert.equal(scaleOf('ha'), 10_000);
    assert.equal(categoryOf('hộ'), 'count');
    assert.equal(categoryOf(null), null);
  });
  test('addable: same unit, convertible measures, count nouns of one kin', () => {
    assert.ok(addable('tỷ đồng', 'triệu đồng'));
    assert.ok(addable('nhà', 'hộ'));
    assert.ok(addable('chỉ tiêu', 'tiêu chí'));
    assert.ok(!addable('đảng viên', 'chỉ tiêu'));
    assert.ok(!addable('ha', 'tấn'));
    assert.ok(!addable('%', '%/năm'));
    assert.ok(addable(null, null));
  });
  test('percent units', () => {
    assert.ok(isPercentUnit('%'));
    assert.ok(isPercentUnit('%/năm'));
    assert.ok(!isPercentUnit('điểm %'));
    assert.ok(!isPercentUnit(null));
  });
});
