/**
 * Data entry over the API: drafts, optimistic concurrency (409 with the stored cells, nothing of the
 * batch written), submit / return / approve / reopen, locks (423), only approved figures counting in
 * evaluations, party indicators stored on the party organisation, history and audit entries, and a
 * commune that can neither read nor write another commune's figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { evaluateFromStore } from '../../src/cli/context.ts';
import { type Client, query, signIn, startTestServer, type TestServer } from './support.ts';

let s: TestServer;
let xa: Client; // nhập liệu, xã Thượng Quan
let other: Client; // nhập liệu, xã Bằng Vân (2025)
let office: Client; // văn phòng Huyện ủy
let admin: Client;

before(async () => {
  s = await startTestServer();
  xa = await signIn(s.app, 'xa.thuongquan');
  other = await signIn(s.app, 'xa.bangvan');
  office = await signIn(s.app, 'vanphong');
  admin = await signIn(s.app, 'quantri');
});
after(() => s.close());

const grid = (c: Client, unitId: string, period: string, indicators?: string) => c.get(query('/api/entry', { unitId, period, indicators }));
const history = async (c: Client, unitId: string, indicator: string, year: number) =>
  (await c.get(query(`/api/units/${unitId}/history`, { indicator, from: year, to: year }))).body.years[0].value as number | null;
const countRows = async (where: string) => Number((await sql<{ n: number }>`select count(*)::int as n from data_values where ${sql.raw(where)}`.execute(s.store.db)).rows[0]!.n);

describe('the evaluation endpoint', () => {
  test('gives the same object as `chitieu evaluate --json` on imported figures', async () => {
    const r = await office.get('/api/evaluation?unitId=huyen-ngan-son&period=2024');
    assert.equal(r.status, 200, r.text);
    const cli = await evaluateFromStore(s.store, { unit: 'huyen-ngan-son', period: '2024' });
    assert.deepEqual(r.body, JSON.parse(JSON.stringify(cli)));
    assert.equal(r.body.summary.total, 30);
    assert.equal(r.body.summary.exceeded + r.body.summary.met, 24);
  });
});

describe('a figure from draft to approved', () => {
  const period = '2024';
  let cell: { version: number; value: number; valueId: string };

  test('the grid shows the imported figure as approved', async () => {
    const r = await grid(xa, 'xa-thuong-quan', period, 'trong_rung,ket_nap');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.units.map((u: { id: string }) => u.id), ['xa-thuong-quan']);
    const c = r.body.cells.find((x: { indicator: string }) => x.indicator === 'trong_rung');
    assert.equal(c.state, 'approved');
    assert.equal(c.unitId, 'xa-thuong-quan');
    cell = c;
    assert.equal(await history(xa, 'xa-thuong-quan', 'trong_rung', 2024), cell.value);
  });

  test('a saved draft no longer counts; submitted neither; approved does, and locks the unit-period', async () => {
    const save = await xa.put('/api/entry', { period, cells: [{ indicator: 'trong_rung', unitId: 'xa-thuong-quan', option: null, value: 70.5, status: 'uoc', note: 'số ước', version: cell.version }] });
    assert.equal(save.status, 200, save.text);
    assert.equal(save.body.cells[0].state, 'draft');
    assert.equal(save.body.cells[0].version, cell.version + 1);
    assert.equal(await history(office, 'xa-thuong-quan', 'trong_rung', 2024), null);

    const submit = await xa.post('/api/entry/submit', { unitId: 'xa-thuong-quan', period });
    assert.equal(submit.status, 200, submit.text);
    assert.equal(submit.body.count, 1);
    assert.equal(await history(office, 'xa-thuong-quan', 'trong_rung', 2024), null);

    assert.equal((await xa.post('/api/entry/approve', { unitId: 'xa-thuong-quan', period })).status, 403, 'data entry cannot approve');
    const approve = await office.post('/api/entry/approve', { unitId: 'xa-thuong-quan', period });
    assert.equal(approve.status, 200, approve.text);
    assert.equal(approve.body.locked, true);
    assert.equal(await history(office, 'xa-thuong-quan', 'trong_rung', 2024), 70.5);

    const g = await grid(xa, 'xa-thuong-quan', period, 'trong_rung');
    assert.deepEqual(g.body.locks.map((l: { unitId: string }) => l.unitId), ['xa-thuong-quan']);
    assert.equal(g.body.cells[0].state, 'approved');
    cell = g.body.cells[0];
  });

  test('a locked unit-period refuses saves and submits with 423 until the office reopens it', async () => {
    const body = { period, cells: [{ indicator: 'trong_rung', unitId: 'xa-thuong-quan', value: 71, version: cell.version }] };
    const locked = await xa.put('/api/entry', body);
    assert.equal(locked.status, 423, locked.text);
    assert.equal(locked.body.error.code, 'locked');
    assert.match(locked.body.error.message, /đã được duyệt và khóa/);
    assert.equal((await xa.post('/api/entry/submit', { unitId: 'xa-thuong-quan', period })).status, 423);
    // The party organisation is locked with its commune.
    const party = await xa.put('/api/entry', { period, cells: [{ indicator: 'ket_nap', unitId: 'xa-thuong-quan', value: 5, version: null }] });
    assert.equal(party.status, 423);

    assert.equal((await office.post('/api/entry/reopen', { unitId: 'xa-thuong-quan', period, reason: '' })).status, 400, 'a reason is required');
    const reopen = await office.post('/api/entry/reopen', { unitId: 'xa-thuong-quan', period, reason: 'Sửa số rừng trồng' });
    assert.equal(reopen.status, 200, reopen.text);
    assert.equal(reopen.body.locked, false);
    assert.equal(await history(office, 'xa-thuong-quan', 'trong_rung', 2024), 70.5, 'reopened figures stay approved until edited');
    const ok = await xa.put('/api/entry', body);
    assert.equal(ok.status, 200, ok.text);
    cell = ok.body.cells[0];
  });

  test('the office returns submitted figures with a reason; the commune sees it and resubmits', async () => {
    assert.equal((await xa.post('/api/entry/submit', { unitId: 'xa-thuong-quan', period })).status, 200);
    const ret = await office.post('/api/entry/return', { unitId: 'xa-thuong-quan', period, reason: 'Số liệu chưa khớp báo cáo' });
    assert.equal(ret.status, 200, ret.text);
    const g = await grid(xa, 'xa-thuong-quan', period, 'trong_rung');
    assert.equal(g.body.cells[0].state, 'returned');
    assert.equal(g.body.cells[0].reason, 'Số liệu chưa khớp báo cáo');
    assert.equal((await office.post('/api/entry/approve', { unitId: 'xa-thuong-quan', period })).status, 409, 'returned figures must be resubmitted first');
    assert.equal((await xa.post('/api/entry/submit', { unitId: 'xa-thuong-quan', period })).status, 200);
    assert.equal((await office.post('/api/entry/approve', { unitId: 'xa-thuong-quan', period })).status, 200);
  });

  test('the history of the figure records values and states; the audit log records each step', async () => {
    const id = cell.valueId;
    const h = await office.get(`/api/values/${id}/history`);
    assert.equal(h.status, 200, h.text);
    const states = h.body.map((x: { newState: string | null }) => x.newState);
    assert.deepEqual(states, ['draft', 'submitted', 'approved', 'draft', 'submitted', 'returned', 'submitted', 'approved']);
    assert.deepEqual(
      h.body.filter((x: { oldValue: number; newValue: number }) => x.oldValue !== x.newValue).map((x: { newValue: number }) => x.newValue),
      [70.5, 71],
    );
    assert.equal(h.body[0].by, 'xa.thuongquan');
    const audit = await office.get(query('/api/audit', { unitId: 'xa-thuong-quan' }));
    assert.equal(audit.status, 200, audit.text);
    const actions = audit.body.entries.map((e: { action: string }) => e.action).reverse();
    assert.deepEqual(actions, ['save', 'submit', 'approve', 'reopen', 'save', 'submit', 'return', 'submit', 'approve']);
    const reopen = audit.body.entries.find((e: { action: string }) => e.action === 'reopen');
    assert.equal(reopen.actor, 'vanphong');
    assert.equal(reopen.reason, 'Sửa số rừng trồng');
    assert.equal(reopen.entityId, 'xa-thuong-quan/2024');
    const save = audit.body.entries.find((e: { action: string }) => e.action === 'save');
    assert.equal(save.before.value, 70.5);
    assert.equal(save.after.value, 71);
  });
});

describe('concurrent edits', () => {
  const period = '2024-Q3';

  test('a save from a stale version is refused whole with 409 and the stored cells', async () => {
    const first = await admin.put('/api/entry', { period, cells: [{ indicator: 'trong_rung', unitId: 'xa-thuong-quan', value: 10, version: null }] });
    assert.equal(first.status, 200, first.text);
    const v1 = first.body.cells[0].version;
    // Both start from v1; the administrator saves first.
    assert.equal((await admin.put('/api/entry', { period, cells: [{ indicator: 'trong_rung', unitId: 'xa-thuong-quan', value: 11, version: v1 }] })).status, 200);
    const before = await countRows(`period = '${period}'`);
    const late = await xa.put('/api/entry', {
      period,
      cells: [
        { indicator: 'gieo_trong', unitId: 'xa-thuong-quan', value: 99, version: null },
        { indicator: 'trong_rung', unitId: 'xa-thuong-quan', value: 12, version: v1 },
      ],
    });
    assert.equal(late.status, 409, late.text);
    assert.equal(late.body.error.code, 'conflict');
    assert.deepEqual(
      late.body.error.current.map((c: { indicator: string; value: number; version: number }) => [c.indicator, c.value, c.version]),
      [['trong_rung', 11, v1 + 1]],
    );
    assert.equal(await countRows(`period = '${period}'`), before, 'nothing of the batch was written');
    const g = await grid(xa, 'xa-thuong-quan', period, 'trong_rung,gieo_trong');
    assert.deepEqual(g.body.cells.map((c: { indicator: string; value: number }) => [c.indicator, c.value]), [['trong_rung', 11]]);
  });

  test('a new cell that someone created meanwhile is a conflict too', async () => {
    const r = await xa.put('/api/entry', { period, cells: [{ indicator: 'trong_rung', unitId: 'xa-thuong-quan', value: 13, version: null }] });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.current[0].value, 11);
  });

  test('bad cells are all reported with their paths, and nothing is written', async () => {
    const before = await countRows('true');
    const r = await xa.put('/api/entry', {
      period,
      cells: [
        { indicator: 'ket_nap', unitId: 'xa-thuong-quan', value: 2.5, version: null },
        { indicator: 'khong_co', unitId: 'xa-thuong-quan', value: 1, version: null },
        { indicator: 'ky_luat', unitId: 'xa-thuong-quan', option: 'khong_co', value: 1, version: null },
      ],
    });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.body.error.fields.map((f: { path: string }) => f.path), ['cells[0].value', 'cells[1].indicator', 'cells[2].option']);
    assert.equal(await countRows('true'), before);
  });
});

describe('party indicators', () => {
  test('a party figure entered for a commune is stored on its party organisation and shown in its column', async () => {
    const r = await xa.put('/api/entry', { period: '2024-Q2', cells: [{ indicator: 'ket_nap', unitId: 'xa-thuong-quan', value: 4, version: null }] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.cells[0].unitId, 'xa-thuong-quan');
    assert.equal(await countRows(`period = '2024-Q2' and unit_id = 'db-xa-thuong-quan' and indicator_code = 'ket_nap' and state = 'draft'`), 1);
    const g = await grid(xa, 'xa-thuong-quan', '2024-Q2', 'ket_nap');
    assert.equal(g.body.cells[0].value, 4);
  });
});

describe('one commune cannot see or touch another', () => {
  test('reading the other commune is refused', async () => {
    for (const url of ['/api/entry?unitId=xa-thuong-quan&period=2024', '/api/units/xa-thuong-quan', '/api/units/xa-thuong-quan/history?indicator=trong_rung', '/api/entry/template.xlsx?unitId=xa-thuong-quan&period=2024']) {
      const r = await other.get(url);
      assert.equal(r.status, 403, `${url}: ${r.text}`);
    }
    const units = await other.get('/api/units');
    const ids = units.body.units.map((u: { id: string }) => u.id);
    assert.ok(ids.includes('xa-bang-van-2025') && ids.includes('xa-bang-van'), 'its own unit and its predecessors');
    assert.ok(!ids.some((id: string) => id.includes('thuong-quan')), ids.join());
  });

  test("the other commune's figure and its history are refused", async () => {
    const row = (await sql<{ id: number }>`select id from data_values where unit_id = 'xa-thuong-quan' limit 1`.execute(s.store.db)).rows[0]!;
    assert.equal((await other.get(`/api/values/${row.id}/history`)).status, 403);
    assert.equal((await xa.get(`/api/values/${row.id}/history`)).status, 200);
  });

  test('writing to the other commune is refused whole, even mixed with its own cells', async () => {
    const before = await countRows('true');
    const r = await other.put('/api/entry', {
      period: '2025-Q4',
      cells: [
        { indicator: 'trong_rung', unitId: 'xa-bang-van-2025', value: 1, version: null },
        { indicator: 'trong_rung', unitId: 'xa-thuong-quan-2025', value: 1, version: null },
      ],
    });
    assert.equal(r.status, 403);
    assert.equal(await countRows('true'), before);
    assert.equal((await other.post('/api/entry/submit', { unitId: 'xa-thuong-quan', period: '2024' })).status, 403);
  });

  test('a new commune reads the history of the communes merged into it', async () => {
    const r = await other.get('/api/units/xa-bang-van/history?indicator=trong_rung&from=2024&to=2024');
    assert.equal(r.status, 200, r.text);
    const merged = await other.get('/api/units/xa-bang-van-2025/history?indicator=trong_rung&from=2024&to=2024');
    assert.equal(merged.status, 200);
    assert.deepEqual(merged.body.years[0].flags, ['rebuilt']);
  });
});
