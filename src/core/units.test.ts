import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldForSearch, matchesSearch } from './text.ts';
import { unit } from './test-builders.ts';
import { findUnit, UnitIndex, unitDisplayName } from './units.ts';

const y2024 = { start: '2024-01-01', end: '2024-12-31' };
const q3_2025 = { start: '2025-07-01', end: '2025-09-30' };
const units = [
  unit('huyen-ngan-son', 'huyen', 'tinh-bac-kan', { name: 'Ngân Sơn', code: '062', validTo: '2025-06-30', counterpartId: 'db-ngan-son' }),
  unit('db-ngan-son', 'dang_bo_huyen', null, { name: 'Ngân Sơn', validTo: '2025-06-30', counterpartId: 'huyen-ngan-son' }),
  unit('tt-van-tung', 'thi_tran', 'huyen-ngan-son', { name: 'Vân Tùng', code: '01954', validTo: '2025-06-30' }),
  unit('xa-ngan-son-2025', 'xa', 'tinh-thai-nguyen', { name: 'Ngân Sơn', code: '01954', validFrom: '2025-07-01' }),
  unit('xa-tan-lap-a', 'xa', null, { name: 'Tân Lập', code: '1' }),
  unit('xa-tan-lap-b', 'xa', null, { name: 'Tân Lập', code: '2' }),
];

describe('finding a unit among those valid in the period', () => {
  test('"Ngân Sơn" in 2024 is the district (its party organisation is the same locality)', () => {
    const r = findUnit(units, 'Ngân Sơn', y2024);
    assert.ok(r.ok && r.unit.id === 'huyen-ngan-son');
  });
  test('"Ngân Sơn" from 1/7/2025 is the new commune', () => {
    const r = findUnit(units, 'Ngân Sơn', q3_2025);
    assert.ok(r.ok && r.unit.id === 'xa-ngan-son-2025');
  });
  test('over the term 2020–2025 "Ngân Sơn" is the district, which existed for most of it', () => {
    const r = findUnit(units, 'Ngân Sơn', { start: '2021-01-01', end: '2025-12-31' });
    assert.ok(r.ok && r.unit.id === 'huyen-ngan-son');
  });
  test('without diacritics, with the kind: "huyen ngan son"', () => {
    const r = findUnit(units, 'huyen ngan son', y2024);
    assert.ok(r.ok && r.unit.id === 'huyen-ngan-son');
  });
  test('a reused code means different units at different times: 01954', () => {
    const a = findUnit(units, '01954', y2024);
    const b = findUnit(units, '01954', q3_2025);
    assert.ok(a.ok && a.unit.id === 'tt-van-tung');
    assert.ok(b.ok && b.unit.id === 'xa-ngan-son-2025');
  });
  test('an ambiguous name lists the candidates', () => {
    const r = findUnit(units, 'Tân Lập', y2024);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.reason, 'ambiguous');
      assert.equal(r.candidates.length, 2);
      assert.match(r.message, /xa-tan-lap-a.*xa-tan-lap-b/);
    }
  });
  test('an unknown name says so in Vietnamese', () => {
    const r = findUnit(units, 'Hà Giang', y2024);
    assert.ok(!r.ok && /Không tìm thấy/.test(r.message));
  });
});

describe('trees over time', () => {
  const idx = new UnitIndex([
    unit('T', 'tinh'),
    unit('H', 'huyen', 'T', { validTo: '2025-06-30' }),
    unit('A', 'xa', null, { parents: [{ parentId: 'H', from: null, to: '2025-06-30' }, { parentId: 'T', from: '2025-07-01', to: null }] }),
  ]);
  test('a parent that changes: A under H in 2024, under T from 1/7/2025', () => {
    assert.deepEqual(idx.ancestorsOn('A', '2024-05-01').map((u) => u.id), ['H', 'T']);
    assert.deepEqual(idx.ancestorsOn('A', '2025-08-01').map((u) => u.id), ['T']);
    assert.deepEqual(idx.childrenDuring('T', '2025-08-01', '2025-08-31').map((u) => u.id), ['A']);
  });
});

describe('text', () => {
  test('display names', () => assert.equal(unitDisplayName({ name: 'Ngân Sơn', kind: 'huyen' }), 'huyện Ngân Sơn'));
  test('search ignores diacritics and đ', () => {
    assert.equal(foldForSearch('Đức Vân'), 'duc van');
    assert.ok(matchesSearch('Huyện Ngân Sơn', 'ngan son'));
    assert.ok(matchesSearch('Xã Đức Vân', 'duc'));
    assert.ok(!matchesSearch('Xã Đức Vân', 'ngan'));
  });
});
