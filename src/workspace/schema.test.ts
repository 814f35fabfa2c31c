import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReferences, parseWorkspace } from './schema.ts';

const base = () => ({
  format: 'chitieu-workspace',
  version: 1,
  units: [{ id: 'H', name: 'Ngân Sơn', kind: 'huyen' }],
  indicators: [{ code: 'RUNG', name: 'Trồng rừng', measureUnit: 'ha', field: 'kinh_te', timeAggregation: 'sum', unitAggregation: 'sum' }],
  values: [{ indicator: 'RUNG', unit: 'H', period: 'quý I/2025', value: 32.88 }],
});

const issuesOf = (mutate: (w: ReturnType<typeof base>) => void) => {
  const w = base();
  mutate(w);
  const r = parseWorkspace(w);
  return r.ok ? checkReferences(r.workspace) : r.issues;
};

test('a valid file passes; a period label is stored as its code', () => {
  const r = parseWorkspace(base());
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.workspace.values[0]!.period, '2025-Q1');
});

const rows: [string, (w: ReturnType<typeof base>) => void, string, RegExp][] = [
  ['a misspelt key is refused, not dropped', (w) => Object.assign(w.units[0]!, { nmae: 'x' }), '$.units[0]', /nmae/],
  ['U+0000 in a name', (w) => (w.units[0]!.name = 'Ngân\u0000Sơn'), '$.units[0].name', /NUL/],
  ['an unknown kind', (w) => (w.units[0]!.kind = 'quan_huyen'), '$.units[0].kind', /Loại đơn vị/],
  ['a period that is not one', (w) => (w.values[0]!.period = 'quý V/2025'), '$.values[0].period', /Quý/],
  ['a number as text', (w) => Object.assign(w.values[0]!, { value: '32,88' }), '$.values[0].value', /số/],
  ['an unknown unit', (w) => (w.values[0]!.unit = 'X'), '$.values[0].unit', /Không có đơn vị id "X"/],
  ['an unknown indicator', (w) => (w.values[0]!.indicator = 'X'), '$.values[0].indicator', /Không có chỉ số mã "X"/],
  ['a duplicate value', (w) => w.values.push({ ...w.values[0]!, period: '2025-Q1' }), '$.values[1]', /Trùng số liệu/],
  ['a date that does not exist', (w) => Object.assign(w.units[0]!, { validTo: '2025-02-30' }), '$.units[0].validTo', /không tồn tại/],
];
for (const [name, mutate, path, message] of rows)
  test(name, () => {
    const issues = issuesOf(mutate);
    const hit = issues.find((i) => i.path === path);
    assert.ok(hit, `expected an issue at ${path}, got ${JSON.stringify(issues)}`);
    assert.match(hit.message, message);
  });
