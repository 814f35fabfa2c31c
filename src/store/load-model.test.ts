import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Succession, Unit } from '../core/units.ts';
import { unitClosure } from './load-model.ts';

const unit = (id: string, parents: string[] = [], counterpartId: string | null = null): Unit => ({
  id,
  code: null,
  name: id,
  kind: 'xa',
  validFrom: null,
  validTo: null,
  parents: parents.map((parentId) => ({ parentId, from: null, to: null })),
  counterpartId,
  note: null,
});
const merge = (fromId: string, toId: string): Succession => ({ fromId, toId, kind: 'merge', share: null, effectiveDate: '2025-07-01', legalBasis: null });

test('the closure: the unit, its counterpart, descendants at any time in either tree, predecessors of any of them, recursively', () => {
  const units = [
    unit('tinh'),
    unit('huyen', ['tinh'], 'dbh'),
    unit('dbh', [], 'huyen'),
    unit('chi-bo', ['dbh']),
    unit('xa-a', ['huyen']),
    unit('xa-b', ['huyen']),
    unit('xa-moi', ['tinh']),
    unit('xa-cu-1'),
    unit('xa-cu-2'),
    unit('thon', ['xa-cu-2']),
    unit('xa-rat-cu'),
    unit('khac', ['tinh']),
  ];
  const successions = [merge('xa-cu-1', 'xa-moi'), merge('xa-cu-2', 'xa-moi'), merge('xa-rat-cu', 'xa-cu-1')];
  assert.deepEqual([...unitClosure(units, successions, 'huyen')].sort(), ['chi-bo', 'dbh', 'huyen', 'xa-a', 'xa-b']);
  assert.deepEqual([...unitClosure(units, successions, 'xa-moi')].sort(), ['thon', 'xa-cu-1', 'xa-cu-2', 'xa-moi', 'xa-rat-cu']);
  assert.equal(unitClosure(units, successions, 'tinh').size, units.length);
  assert.deepEqual([...unitClosure(units, successions, 'khong-co')], ['khong-co']);
});

test('cycles in bad data do not loop', () => {
  const units = [unit('a', ['b']), unit('b', ['a'])];
  assert.deepEqual([...unitClosure(units, [merge('a', 'b'), merge('b', 'a')], 'a')].sort(), ['a', 'b']);
});
