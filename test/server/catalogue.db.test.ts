/**
 * Units, the catalogue, accounts, the workspace file and the dashboard's extras over the API, each
 * change with its audit entry.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, query, signIn, startTestServer, type TestServer } from './support.ts';

const DVHCVN = new URL('../../../shared/data/dvhcvn-20250701/', import.meta.url);
let s: TestServer;
let admin: Client;
let office: Client;
let leader: Client;
let inspector: Client;

before(async () => {
  s = await startTestServer();
  admin = await signIn(s.app, 'quantri');
  office = await signIn(s.app, 'vanphong');
  leader = await signIn(s.app, 'lanhdao');
  inspector = await signIn(s.app, 'kiemtra');
});
after(() => s.close());

const lastAudit = async (c: Client, params: Record<string, string>) => (await c.get(query('/api/audit', params))).body.entries[0];

describe('units', () => {
  test('the list is the scope, searchable without diacritics, by tree and date', async () => {
    const all = (await leader.get('/api/units')).body.units.map((u: { id: string }) => u.id);
    assert.ok(all.includes('huyen-ngan-son') && all.includes('db-xa-coc-dan') && all.includes('xa-ngan-son-2025'));
    assert.ok(!all.includes('tinh-bac-kan') && !all.includes('huyen-bac-son'));
    const found = (await leader.get(query('/api/units', { search: 'duc van' }))).body.units;
    assert.deepEqual(found.map((u: { id: string }) => u.id).sort(), ['db-xa-duc-van', 'xa-duc-van']);
    const party = (await leader.get(query('/api/units', { search: 'duc van', tree: 'party' }))).body.units;
    assert.deepEqual(party.map((u: { displayName: string }) => u.displayName), ['Đảng bộ xã Đức Vân']);
    const after2025 = (await leader.get(query('/api/units', { at: '2025-08-01', tree: 'state' }))).body.units;
    assert.ok(after2025.every((u: { validTo: string | null }) => u.validTo === null));
    const old = (await leader.get(query('/api/units', { at: '2024-01-01', search: 'coc dan', tree: 'state' }))).body.units[0];
    assert.equal(old.parentId, 'huyen-ngan-son');
    assert.equal(old.level, 3);
  });

  test('detail: parents, predecessors and successors in scope, children', async () => {
    const d = (await leader.get('/api/units/xa-ngan-son-2025')).body;
    assert.deepEqual(d.predecessors.map((p: { fromId: string }) => p.fromId).sort(), ['tt-van-tung', 'xa-coc-dan', 'xa-duc-van']);
    assert.equal(d.predecessors[0].kind, 'merge');
    const h = (await leader.get('/api/units/huyen-ngan-son')).body;
    assert.equal(h.parents[0].displayName, 'tỉnh Bắc Kạn');
    assert.equal(h.children.length, 10);
  });

  test('create and edit within scope, audited; a parent outside the scope is refused', async () => {
    const body = { id: 'thon-na-lan', code: null, name: 'Nà Lạn', kind: 'co_quan', parents: [{ parentId: 'xa-thuong-quan' }] };
    const r = await office.post('/api/units', body);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.unit.displayName, 'cơ quan Nà Lạn');
    assert.equal((await office.post('/api/units', body)).status, 409);
    const e = await office.put('/api/units/thon-na-lan', { ...body, id: undefined, name: 'Nà Lạn Mới' });
    assert.equal(e.status, 200, e.text);
    const audit = await lastAudit(office, { entity: 'unit', entityId: 'thon-na-lan' });
    assert.equal(audit.action, 'update');
    assert.equal(audit.before.name, 'Nà Lạn');
    assert.equal(audit.after.name, 'Nà Lạn Mới');
    assert.equal((await office.post('/api/units', { ...body, id: 'x1', parents: [{ parentId: 'huyen-bac-son' }] })).status, 403);
    assert.equal((await office.post('/api/units', { ...body, id: 'x2', parents: [] })).status, 403, 'a new unit must land in scope');
    const moved = await office.put('/api/units/thon-na-lan', { ...body, id: undefined, parents: [{ parentId: 'huyen-bac-son' }] });
    assert.equal(moved.status, 403, moved.text);
  });

  test('yearly history rebuilds a merged commune from its predecessors', async () => {
    const r = await leader.get(query('/api/units/xa-ngan-son-2025/history', { indicator: 'trong_rung', from: 2023, to: 2024 }));
    assert.equal(r.status, 200, r.text);
    const parts = await Promise.all(['tt-van-tung', 'xa-coc-dan', 'xa-duc-van'].map(async (u) => (await leader.get(query(`/api/units/${u}/history`, { indicator: 'trong_rung', from: 2024, to: 2024 }))).body.years[0].value));
    assert.ok(Math.abs(r.body.years[1].value - parts.reduce((a: number, b: number) => a + b, 0)) < 1e-9);
    assert.deepEqual(r.body.years[1].flags, ['rebuilt']);
    assert.equal((await leader.get(query('/api/units/huyen-ngan-son/history', { indicator: 'khong_co' }))).status, 404);
  });

  test('the official 2025 list is applied by an administrator', { skip: existsSync(DVHCVN) ? false : 'no dvhcvn dataset' }, async () => {
    const r = await admin.post('/api/units/dvhcvn', { province: '19' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.units.inserted, 375);
    assert.equal((await lastAudit(admin, { action: 'apply_dvhcvn' })).entityId, '19');
    assert.equal((await office.post('/api/units/dvhcvn', {})).status, 403);
  });
});

describe('catalogue', () => {
  const indicator = { code: 'cay_que', name: 'Diện tích trồng quế', measureUnit: 'ha', field: 'kinh_te', timeAggregation: 'sum', unitAggregation: 'sum', precision: 1 };

  test('indicators: create, edit, checks, audit', async () => {
    assert.equal((await office.post('/api/indicators', indicator)).status, 201);
    assert.equal((await office.post('/api/indicators', indicator)).status, 409);
    const { code: _c, ...rest } = indicator;
    const r = await office.put('/api/indicators/cay_que', { ...rest, name: 'Diện tích quế trồng mới' });
    assert.equal(r.status, 200, r.text);
    assert.equal((await office.put('/api/indicators/khong_co', rest)).status, 404);
    const ratio = await office.post('/api/indicators', { ...indicator, code: 'ty_le_que', unitAggregation: 'ratio', ratio: { numerator: 'cay_que', denominator: 'khong_co' } });
    assert.equal(ratio.status, 400);
    assert.deepEqual(ratio.body.error.fields, [{ path: 'ratio.denominator', message: 'Không có chỉ số mã "khong_co"' }]);
    const a = await lastAudit(inspector, { entity: 'indicator', entityId: 'cay_que' });
    assert.equal(a.before.name, 'Diện tích trồng quế');
    assert.equal(a.after.name, 'Diện tích quế trồng mới');
    assert.equal((await leader.get('/api/indicators')).body.indicators.some((i: { code: string }) => i.code === 'cay_que'), true);
  });

  test('resolutions and targets: create, edit (settings, targets kept), add, edit, delete; checks; audit', async () => {
    const res = {
      id: 'nq-xa-thuong-quan-2024',
      number: '05-NQ/ĐU',
      title: 'Nghị quyết về nhiệm vụ năm 2024 của Đảng bộ xã Thượng Quan',
      issuerId: 'db-xa-thuong-quan',
      scope: { kind: 'year', year: 2024 },
      targets: [{ id: 't1', code: '1', indicator: 'trong_rung', wording: 'Trồng mới 60 ha rừng', rule: { op: 'min', value: 60 } }],
    };
    assert.equal((await office.post('/api/resolutions', res)).status, 201);
    const list = (await leader.get(query('/api/resolutions', { unitId: 'xa-thuong-quan' }))).body.resolutions;
    assert.deepEqual(list.map((r: { id: string; targetCount: number }) => [r.id, r.targetCount]), [['nq-xa-thuong-quan-2024', 1]]);
    const { id: _id, targets: _t, ...fields } = res;
    const put = await office.put(`/api/resolutions/${res.id}`, { ...fields, settings: { basicallyMetPercent: 90 } });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.body.resolution.targets.length, 1, 'targets kept');
    assert.equal(put.body.resolution.settings.basicallyMetPercent, 90);
    const add = await office.post(`/api/resolutions/${res.id}/targets`, { id: 't2', code: '2', indicator: 'cay_que', wording: 'Trồng 20 ha quế', rule: { op: 'min', value: 20 } });
    assert.equal(add.status, 201, add.text);
    const bad = await office.post(`/api/resolutions/${res.id}/targets`, { id: 't3', code: '3', indicator: 'trong_rung', wording: 'Cộng dồn', basis: { kind: 'cumulative' }, rule: { op: 'min', value: 1 } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.fields[0].message, /Nghị quyết năm không có chỉ tiêu/);
    assert.equal((await office.post(`/api/resolutions/${res.id}/targets`, { id: 't2', code: '2', indicator: 'cay_que', wording: 'x', rule: { op: 'min', value: 1 } })).status, 409);
    const edit = await office.put(`/api/resolutions/${res.id}/targets/t1`, { code: '1', indicator: 'trong_rung', wording: 'Trồng mới 65 ha rừng', rule: { op: 'min', value: 65 } });
    assert.equal(edit.status, 200, edit.text);
    assert.equal((await office.del(`/api/resolutions/${res.id}/targets/t2`)).status, 204);
    assert.equal((await office.del(`/api/resolutions/${res.id}/targets/t2`)).status, 404);
    const got = (await leader.get(`/api/resolutions/${res.id}`)).body.resolution;
    assert.deepEqual(got.targets.map((t: { id: string; rule: { value: number } }) => [t.id, t.rule.value]), [['t1', 65]]);
    const a = await lastAudit(inspector, { entity: 'target', entityId: `${res.id}/t1` });
    assert.deepEqual([a.action, a.before.rule.value, a.after.rule.value, a.unitId], ['update', 60, 65, 'db-xa-thuong-quan']);
    assert.equal((await office.post('/api/resolutions', { ...res, id: 'nq-khac', issuerId: 'db-huyen-bac-son' })).status, 403);
    assert.equal((await office.put(`/api/resolutions/${res.id}`, { ...fields, issuerId: 'db-huyen-bac-son' })).status, 403, 'cannot be handed out of scope');
    const ev = await leader.get(query('/api/evaluation', { unitId: 'xa-thuong-quan', period: '2024' }));
    assert.equal(ev.status, 200, ev.text);
    assert.equal(ev.body.resolution.id, res.id, 'the commune now has a governing resolution');
  });
});

describe('dashboard extras', () => {
  test('a target over the term and across the communes', async () => {
    const r = await leader.get(query('/api/evaluation/target', { unitId: 'huyen-ngan-son', resolutionId: 'nq-nam-2024-ngan-son', targetId: 'nq-nam-2024-ngan-son-kt01', period: '2024' }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.years.map((y: { year: number }) => y.year), [2024]);
    assert.equal(r.body.children.length, 10);
    const ev = (await leader.get(query('/api/evaluation', { unitId: 'huyen-ngan-son', period: '2024' }))).body.targets.find((t: { targetId: string }) => t.targetId === 'nq-nam-2024-ngan-son-kt01');
    assert.deepEqual(r.body.years[0], { year: 2024, plan: ev.plan, actual: ev.actual, status: ev.status });
    const sum = r.body.children.reduce((a: number, c: { actual: number }) => a + c.actual, 0);
    assert.ok(sum > 0 && r.body.children.every((c: { name: string }) => /^(xã|thị trấn) /.test(c.name)));
    // A recurring term target: one row per plan year.
    const term = await leader.get(query('/api/evaluation/target', { unitId: 'huyen-ngan-son', resolutionId: 'nq-dai-hoi-xxii-ngan-son', targetId: 'nq-dai-hoi-xxii-ngan-son-kt03', period: '2024' }));
    assert.equal(term.status, 200, term.text);
    assert.deepEqual(term.body.years.map((y: { year: number }) => y.year), [2021, 2022, 2023, 2024, 2025]);
    assert.ok(term.body.years.every((y: { actual: number | null }) => y.actual !== null));
  });

  test('the table as XLSX', async () => {
    const r = await leader.get(query('/api/evaluation.xlsx', { unitId: 'huyen-ngan-son', period: '2024' }));
    assert.equal(r.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    assert.ok(text.some((t) => /rừng/i.test(t)));
  });

  test('no governing resolution is 404 with a Vietnamese message', async () => {
    const r = await leader.get(query('/api/evaluation', { unitId: 'xa-coc-dan', period: '2024' }));
    assert.equal(r.status, 404);
    assert.match(r.body.error.message, /Không có Nghị quyết nào của xã Cốc Đán áp dụng cho năm 2024/);
  });
});

describe('accounts', () => {
  test('create, list, edit within scope; duplicates and outside units refused; audited without secrets', async () => {
    const body = { username: 'Xa.CocDan', displayName: 'Nhập liệu xã Cốc Đán', password: 'matkhau-coc-dan', role: 'nhap_lieu', unitIds: ['xa-coc-dan'] };
    const r = await admin.post('/api/users', body);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.user.username, 'xa.cocdan');
    assert.equal((await admin.post('/api/users', body)).status, 409);
    assert.equal((await admin.post('/api/users', { ...body, username: 'ngoai', unitIds: ['huyen-bac-son'] })).status, 403);
    assert.equal((await admin.post('/api/users', { ...body, username: 'ngan', password: 'ngan' })).status, 400);
    const c = await signIn(s.app, 'xa.cocdan', 'matkhau-coc-dan');
    assert.equal((await c.get('/api/entry?unitId=xa-coc-dan&period=2024')).status, 200);
    const list = (await admin.get('/api/users')).body.users.map((u: { username: string }) => u.username);
    assert.ok(list.includes('xa.cocdan') && list.includes('vanphong'));
    const e = await admin.put(`/api/users/${r.body.user.id}`, { role: 'lanh_dao' });
    assert.equal(e.body.user.role, 'lanh_dao');
    const a = await lastAudit(admin, { entity: 'user', entityId: r.body.user.id });
    assert.deepEqual([a.before.role, a.after.role], ['nhap_lieu', 'lanh_dao']);
    assert.ok(!JSON.stringify(a).includes('scrypt') && !JSON.stringify(a).includes('matkhau'));
    assert.equal((await lastAudit(office, { entity: 'user' })), undefined, 'account changes are for administrators');
  });
});

describe('workspace file', () => {
  test('export: the scope only, approved figures only', async () => {
    assert.equal((await office.put('/api/entry', { period: '2022-Q1', cells: [{ indicator: 'trong_rung', unitId: 'xa-duc-van', value: 5, version: null }] })).status, 403);
    const xa = await signIn(s.app, 'xa.thuongquan');
    assert.equal((await xa.put('/api/entry', { period: '2022-Q1', cells: [{ indicator: 'trong_rung', unitId: 'xa-thuong-quan', value: 5, version: null }] })).status, 200);
    const r = await office.get('/api/workspace');
    assert.equal(r.status, 200);
    assert.equal(r.body.format, 'chitieu-workspace');
    const units = r.body.units.map((u: { id: string }) => u.id);
    assert.ok(units.includes('huyen-ngan-son') && !units.includes('huyen-bac-son') && !units.includes('tinh-bac-kan'));
    assert.ok(r.body.values.every((v: { unit: string }) => units.includes(v.unit)));
    assert.ok(!r.body.values.some((v: { period: string }) => v.period === '2022-Q1'), 'the draft is not exported');
    assert.ok(!r.body.resolutions.some((x: { id: string }) => x.id === 'nq-nam-2020-bac-son'));
  });

  test('import: new units below the scope and their figures; anything outside is 403; audited', async () => {
    const file = {
      format: 'chitieu-workspace',
      version: 1,
      units: [{ id: 'thon-khuoi-sap', name: 'Khuổi Sáp', kind: 'co_quan', parents: [{ parentId: 'xa-thuong-quan' }] }],
      values: [{ indicator: 'trong_rung', unit: 'thon-khuoi-sap', period: '2024', value: 3.5 }],
    };
    const r = await office.post('/api/workspace', file);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.values.inserted, 1);
    assert.equal((await lastAudit(office, { entity: 'workspace' })).after.values.inserted, 1);
    const outside = await office.post('/api/workspace', { ...file, units: [], values: [{ indicator: 'trong_rung', unit: 'xa-tan-lap-bac-son', period: '2019', value: 1 }] });
    assert.equal(outside.status, 403);
    assert.match(outside.body.error.message, /xa-tan-lap-bac-son/);
    const sneaky = await office.post('/api/workspace', { ...file, units: [{ id: 'gian', name: 'Gián', kind: 'co_quan', parents: [{ parentId: 'xa-thuong-quan' }], counterpartId: 'huyen-bac-son' }], values: [{ indicator: 'trong_rung', unit: 'huyen-bac-son', period: '2019', value: 1 }] });
    assert.equal(sneaky.status, 403, 'a counterpart link cannot pull a unit into scope');
    const invalid = await office.post('/api/workspace', { format: 'chitieu-workspace', version: 1, values: [{ indicator: 'khong_co', unit: 'xa-thuong-quan', period: 'quý 5/2024', value: 1 }] });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.body.error.fields.map((f: { path: string }) => f.path), ['$.values[0].period']);
  });
});
