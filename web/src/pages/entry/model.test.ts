import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRows, cellKey, conflictsOf, isDirty, parseCellText, parseClipboard, unitState } from './model.ts';
import type { EntryCell } from '../../lib/types.ts';

const cell = (over: Partial<EntryCell> = {}): EntryCell => ({
  indicator: 'trong_rung',
  unitId: 'xa-a',
  option: null,
  valueId: '1',
  value: 10,
  status: 'thuc_hien',
  state: 'draft',
  version: 3,
  note: null,
  updatedBy: null,
  updatedAt: null,
  ...over,
});

test('typed numbers are Vietnamese; pasted ones may use a decimal point', () => {
  assert.deepEqual(parseCellText('1.440,5', {}), { ok: true, value: 1440.5 });
  assert.deepEqual(parseCellText(' 32,88 ', {}), { ok: true, value: 32.88 });
  assert.deepEqual(parseCellText('', {}), { ok: 'empty' });
  const bad = parseCellText('1.5', {});
  assert.equal(bad.ok, false);
  assert.match((bad as { error: string }).error, /không phải là số viết theo kiểu Việt Nam/);
  assert.deepEqual(parseCellText('1440.5', {}, { allowMachineDecimal: true }), { ok: true, value: 1440.5 });
  assert.equal(parseCellText('2,5', { valueType: 'integer' }).ok, false);
  assert.equal(parseCellText('2', { valueType: 'boolean' }).ok, false);
  assert.deepEqual(parseCellText('1', { valueType: 'boolean' }), { ok: true, value: 1 });
});

test('a block pasted from a spreadsheet', () => {
  assert.deepEqual(parseClipboard('1\t2\n3\t4\n'), [
    ['1', '2'],
    ['3', '4'],
  ]);
  assert.deepEqual(parseClipboard('1.440,5\r\n"a\nb"\t7'), [['1.440,5'], ['a\nb', '7']]);
  assert.deepEqual(parseClipboard('5'), [['5']]);
});

test('rows: an indicator, then its disaggregation options', () => {
  const rows = buildRows({
    indicators: [
      { code: 'a', name: 'A', measureUnit: 'ha' },
      { code: 'b', name: 'B', measureUnit: '', disaggregation: { label: 'Hình thức', options: [{ code: 'x', label: 'X' }] } },
    ],
    cells: [],
  });
  assert.deepEqual(
    rows.map((r) => r.key),
    ['a|', 'b|', 'b|x'],
  );
});

test('dirty, conflicts and column state', () => {
  const stored = cell();
  assert.equal(isDirty({ text: '10', status: 'thuc_hien', note: '', baseVersion: 3 }, stored, { ok: true, value: 10 }), false);
  assert.equal(isDirty({ text: '11', status: 'thuc_hien', note: '', baseVersion: 3 }, stored, { ok: true, value: 11 }), true);
  assert.equal(isDirty({ text: '10', status: 'uoc', note: '', baseVersion: 3 }, stored, { ok: true, value: 10 }), true);
  const edits = new Map([[cellKey('trong_rung', 'xa-a', null), { text: '12', status: 'thuc_hien' as const, note: '', baseVersion: 3 }]]);
  assert.equal(conflictsOf([cell({ version: 4, value: 20 })], edits).size, 1);
  assert.equal(conflictsOf([cell({ version: 3 })], edits).size, 0);
  assert.equal(unitState([cell({ state: 'submitted' }), cell({ state: 'draft' })], false), 'draft');
  assert.equal(unitState([cell({ state: 'submitted' })], false), 'submitted');
  assert.equal(unitState([], true), 'locked');
});
