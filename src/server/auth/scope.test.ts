import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { demoWorkspacePath } from '../../demo/index.ts';
import { parseWorkspace } from '../../workspace/schema.ts';
import { computeScope } from './scope.ts';

const parsed = parseWorkspace(JSON.parse(readFileSync(demoWorkspacePath(), 'utf8')));
if (!parsed.ok) throw new Error('demo workspace invalid');
const ws = parsed.workspace;
const graph = {
  units: ws.units.map((u) => ({ id: u.id, kind: u.kind, counterpartId: u.counterpartId, parents: u.parents })),
  successions: ws.successions.map((s) => ({ fromId: s.from, toId: s.to })),
};
const sorted = (roots: string[]) => [...computeScope(graph, roots)].sort();

test('an old commune: itself, its party organisation, and the new commune it went into', () => {
  assert.deepEqual(sorted(['xa-thuong-quan']), ['db-xa-thuong-quan', 'db-xa-thuong-quan-2025', 'xa-thuong-quan', 'xa-thuong-quan-2025']);
});

test("a new commune: itself and the communes merged into it, in both trees, but not its neighbours", () => {
  assert.deepEqual(sorted(['xa-bang-van-2025']), ['db-xa-bang-van', 'db-xa-bang-van-2025', 'db-xa-thuong-an', 'xa-bang-van', 'xa-bang-van-2025', 'xa-thuong-an']);
});

test('a district party committee covers the district in both trees and the new communes, not the province', () => {
  const s = computeScope(graph, ['db-huyen-ngan-son']);
  for (const id of ['huyen-ngan-son', 'xa-coc-dan', 'db-xa-coc-dan', 'cb-truong-thpt-ngan-son', 'xa-ngan-son-2025', 'db-xa-hiep-luc-2025']) assert.ok(s.has(id), id);
  for (const id of ['tinh-bac-kan', 'db-tinh-bac-kan', 'tinh-thai-nguyen', 'huyen-bac-son', 'xa-tan-lap-bac-son']) assert.ok(!s.has(id), id);
});

test('the new province covers the old one through its predecessor; other provinces stay out', () => {
  const s = computeScope(graph, ['tinh-thai-nguyen']);
  for (const id of ['tinh-bac-kan', 'db-tinh-bac-kan', 'huyen-ngan-son', 'xa-thuong-quan', 'db-xa-bang-van-2025']) assert.ok(s.has(id), id);
  for (const id of ['tinh-lang-son', 'huyen-bac-son', 'xa-tan-lap-bac-son']) assert.ok(!s.has(id), id);
});

test('unknown roots give nothing', () => {
  assert.deepEqual(sorted(['khong-co']), []);
  assert.deepEqual(sorted([]), []);
});
