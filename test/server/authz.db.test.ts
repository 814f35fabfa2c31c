/**
 * Authorization, walked over every API route: each registered route must have a row in ROUTES (the
 * test fails on a route it does not know), and each row is called by every demo account, on a unit
 * inside the account's scope and on one outside, without a session (401) and, for requests that
 * change something, without the CSRF token (403). The expected status comes from docs/api.md's table
 * of roles, written out here independently of the routes' own declarations (which are checked
 * against it). Every 2xx body is searched for ids of units in a neighbouring scope: none may appear.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Indicator } from '../../src/core/indicators.ts';
import { monthSpan, parsePeriod } from '../../src/core/periods.ts';
import { computeScope } from '../../src/server/auth/scope.ts';
import { can, type Access } from '../../src/server/auth/permissions.ts';
import { createUser } from '../../src/server/services/accounts.ts';
import type { EntryGrid } from '../../src/server/services/entry-grid.ts';
import { buildTemplate } from '../../src/server/services/template.ts';
import { listSuccessions } from '../../src/store/successions.ts';
import { listUnits } from '../../src/store/units.ts';
import type { Role } from '../../src/store/users.ts';
import { multipartFile } from './multipart.ts';
import { type Client, query, type Res, signIn, startTestServer, TEST_SCRYPT, type TestServer } from './support.ts';

interface Account {
  username: string;
  role: Role;
  /** A commune in scope, its resolution and period; a unit, resolution and account root outside. */
  own: string;
  ownResolution: string;
  ownPeriod: string;
  foreign: string;
  foreignResolution: string;
  /** Root of the neighbouring scope whose ids must never show up. */
  neighbour: string;
}

const district = { own: 'xa-thuong-quan', ownResolution: 'nq-t-xa-thuong-quan', ownPeriod: '2024', foreign: 'xa-tan-lap-bac-son', foreignResolution: 'nq-nam-2020-bac-son', neighbour: 'tinh-lang-son' };
const ACCOUNTS: Account[] = [
  { username: 'quantri', role: 'quan_tri', ...district },
  { username: 'vanphong', role: 'van_phong', ...district },
  { username: 'lanhdao', role: 'lanh_dao', ...district },
  { username: 'kiemtra', role: 'kiem_tra', ...district },
  { username: 'xa.thuongquan', role: 'nhap_lieu', ...district, foreign: 'xa-bang-van-2025', foreignResolution: 'nq-t-xa-bang-van-2025', neighbour: 'xa-bang-van-2025' },
  { username: 'xa.bangvan', role: 'nhap_lieu', own: 'xa-bang-van-2025', ownResolution: 'nq-t-xa-bang-van-2025', ownPeriod: '2025', foreign: 'xa-thuong-quan', foreignResolution: 'nq-t-xa-thuong-quan', neighbour: 'xa-thuong-quan' },
];

type Variant = 'in' | 'out';
interface Ctx {
  acct: Account;
  variant: Variant;
  /** The unit, resolution of this variant. */
  unit: string;
  resolution: string;
  period: string;
  /** A number unique to this call, for ids and periods that must not collide. */
  n: number;
  admin: Client;
}
interface Req {
  method: string;
  url: string;
  body?: unknown;
  payload?: Buffer;
  headers?: Record<string, string>;
  /** Use a session of its own (sign-out would end the shared one). */
  fresh?: boolean;
}
interface RouteCase {
  method: string;
  url: string;
  /** From docs/api.md. */
  allowed: 'public' | 'signed_in' | readonly Role[];
  /** When the route declares less than `allowed` and narrows the roles itself (docs/api.md says so). */
  declared?: Access;
  /** Whether a unit is involved (else only the 'in' variant runs). */
  scoped: boolean;
  ok: number;
  build(c: Ctx): Promise<Req> | Req;
}

const ALL: Role[] = ['quan_tri', 'van_phong', 'nhap_lieu', 'lanh_dao', 'kiem_tra'];
const CATALOGUE: Role[] = ['quan_tri', 'van_phong'];
const ENTRY: Role[] = ['quan_tri', 'nhap_lieu'];
const REVIEW: Role[] = ['quan_tri', 'van_phong'];

let s: TestServer;
let admin: Client;
let indicators: Indicator[];
/** Months from 1950 on: a period no other call uses. */
const uniquePeriod = (n: number) => `${1950 + Math.floor(n / 12)}-M${String((n % 12) + 1).padStart(2, '0')}`;

/** Admin-side preparations, each on its own period so that locks never collide. */
async function draft(c: Ctx, period: string): Promise<void> {
  const r = await c.admin.put('/api/entry', { period, cells: [{ indicator: 'trong_rung', unitId: c.unit, value: c.n, version: null }] });
  assert.equal(r.status, 200, `setup save: ${r.text}`);
}
async function submitted(c: Ctx, period: string): Promise<void> {
  await draft(c, period);
  const r = await c.admin.post('/api/entry/submit', { unitId: c.unit, period });
  assert.equal(r.status, 200, `setup submit: ${r.text}`);
}
/** Setups act as the administrator, who cannot reach Lạng Sơn: there the data goes in through the store. */
async function adminCanReach(unit: string): Promise<boolean> {
  return (await admin.get(`/api/units/${unit}`)).status === 200;
}
async function storeDraft(unit: string, period: string, n: number, state: 'draft' | 'submitted' | 'approved'): Promise<void> {
  const span = monthSpan(parsePeriod(period));
  await sql`insert into data_values (indicator_code, unit_id, period, period_from, period_to, option, value, status, source, state)
            values ('trong_rung', ${unit}, ${period}, ${span.from}, ${span.to}, '', ${n}, 'thuc_hien', '{}'::jsonb, ${state})`.execute(s.store.db);
  if (state === 'approved') await sql`insert into unit_period_locks (unit_id, period, locked_at) values (${unit}, ${period}, now())`.execute(s.store.db);
}
async function prepare(c: Ctx, period: string, state: 'draft' | 'submitted' | 'approved'): Promise<void> {
  if (!(await adminCanReach(c.unit))) return storeDraft(c.unit, period, c.n, state);
  if (state === 'draft') return draft(c, period);
  await submitted(c, period);
  if (state === 'approved') assert.equal((await c.admin.post('/api/entry/approve', { unitId: c.unit, period })).status, 200);
}
async function resolutionOf(c: Ctx, withTarget = true): Promise<string> {
  if (c.variant === 'out') return c.resolution;
  const id = `nq-case-${c.n}`;
  const r = await c.admin.post('/api/resolutions', resolutionBody(id, c.unit, withTarget));
  assert.equal(r.status, 201, `setup resolution: ${r.text}`);
  return id;
}
const resolutionBody = (id: string, issuerId: string, withTarget = true) => ({
  id,
  number: `${id}-NQ/ĐU`,
  title: `Nghị quyết thử ${id}`,
  issuerId,
  scope: { kind: 'year', year: 2024 },
  targets: withTarget ? [{ id: 't1', code: '1', indicator: 'trong_rung', wording: 'Trồng rừng 50 ha', rule: { op: 'min', value: 50 } }] : [],
});
async function firstTargetId(resolutionId: string): Promise<string> {
  return (await sql<{ id: string }>`select id from targets where resolution_id = ${resolutionId} order by position limit 1`.execute(s.store.db)).rows[0]!.id;
}
async function anyValueId(unit: string): Promise<number> {
  const r = await sql<{ id: number }>`select id from data_values where unit_id = ${unit} order by id limit 1`.execute(s.store.db);
  return Number(r.rows[0]!.id);
}
async function templateFor(unit: string, period: string, n: number): Promise<Req> {
  const ind = indicators.find((i) => i.code === 'trong_rung')!;
  const view = { id: unit, displayName: unit } as EntryGrid['unit'];
  const grid: EntryGrid = { period: { code: period, label: period }, unit: view, units: [view], indicators: [ind], cells: [{ indicator: 'trong_rung', unitId: unit, option: null, value: n } as EntryGrid['cells'][number]], locks: [] };
  const mp = multipartFile('file', 'mau.xlsx', await buildTemplate(grid));
  return { method: 'POST', url: '/api/entry/template.xlsx', payload: mp.payload, headers: mp.headers };
}
const unitBody = (id: string, parent: string) => ({ id, code: null, name: `Thôn thử ${id}`, kind: 'co_quan', parents: [{ parentId: parent }] });

const ROUTES: RouteCase[] = [
  // system and auth
  { method: 'GET', url: '/api/health', allowed: 'public', scoped: false, ok: 200, build: () => ({ method: 'GET', url: '/api/health' }) },
  { method: 'GET', url: '/api/openapi.json', allowed: 'public', scoped: false, ok: 200, build: () => ({ method: 'GET', url: '/api/openapi.json' }) },
  { method: 'POST', url: '/api/auth/login', allowed: 'public', scoped: false, ok: 200, build: (c) => ({ method: 'POST', url: '/api/auth/login', body: { username: c.acct.username, password: 'chitieu2025' } }) },
  { method: 'POST', url: '/api/auth/logout', allowed: 'signed_in', scoped: false, ok: 204, build: () => ({ method: 'POST', url: '/api/auth/logout', body: {}, fresh: true }) },
  { method: 'GET', url: '/api/auth/me', allowed: 'signed_in', scoped: false, ok: 200, build: () => ({ method: 'GET', url: '/api/auth/me' }) },
  // units
  { method: 'GET', url: '/api/units', allowed: ALL, scoped: false, ok: 200, build: () => ({ method: 'GET', url: '/api/units' }) },
  { method: 'GET', url: '/api/units/:id', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: `/api/units/${c.unit}` }) },
  { method: 'POST', url: '/api/units', allowed: CATALOGUE, scoped: true, ok: 201, build: (c) => ({ method: 'POST', url: '/api/units', body: unitBody(`thu-${c.n}`, c.unit) }) },
  {
    method: 'PUT',
    url: '/api/units/:id',
    allowed: CATALOGUE,
    scoped: true,
    ok: 200,
    build: async (c) => {
      if (c.variant === 'out') return { method: 'PUT', url: `/api/units/${c.unit}`, body: { name: 'Đổi tên', kind: 'xa' } };
      const id = `thu-${c.n}`;
      assert.equal((await c.admin.post('/api/units', unitBody(id, c.unit))).status, 201);
      const { id: _id, ...body } = unitBody(id, c.unit);
      return { method: 'PUT', url: `/api/units/${id}`, body: { ...body, name: 'Đã đổi tên' } };
    },
  },
  { method: 'POST', url: '/api/units/dvhcvn', allowed: ['quan_tri'], scoped: false, ok: 200, build: () => ({ method: 'POST', url: '/api/units/dvhcvn', body: { province: '19' } }) },
  { method: 'GET', url: '/api/units/:id/history', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query(`/api/units/${c.unit}/history`, { indicator: 'trong_rung', from: 2023, to: 2024 }) }) },
  // catalogue
  { method: 'GET', url: '/api/indicators', allowed: ALL, scoped: false, ok: 200, build: () => ({ method: 'GET', url: '/api/indicators' }) },
  {
    method: 'POST',
    url: '/api/indicators',
    allowed: CATALOGUE,
    scoped: false,
    ok: 201,
    build: (c) => ({ method: 'POST', url: '/api/indicators', body: { code: `cs_${c.n}`, name: 'Chỉ số thử', measureUnit: 'ha', field: 'kinh_te', timeAggregation: 'sum', unitAggregation: 'sum' } }),
  },
  {
    method: 'PUT',
    url: '/api/indicators/:code',
    allowed: CATALOGUE,
    scoped: false,
    ok: 200,
    build: async (c) => {
      const body = { name: 'Chỉ số thử', measureUnit: 'ha', field: 'kinh_te', timeAggregation: 'sum', unitAggregation: 'sum' };
      assert.equal((await c.admin.post('/api/indicators', { ...body, code: `cs_${c.n}` })).status, 201);
      return { method: 'PUT', url: `/api/indicators/cs_${c.n}`, body: { ...body, name: 'Đã đổi' } };
    },
  },
  { method: 'GET', url: '/api/resolutions', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query('/api/resolutions', { unitId: c.unit }) }) },
  { method: 'GET', url: '/api/resolutions/:id', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: `/api/resolutions/${c.resolution}` }) },
  { method: 'POST', url: '/api/resolutions', allowed: CATALOGUE, scoped: true, ok: 201, build: (c) => ({ method: 'POST', url: '/api/resolutions', body: resolutionBody(`nq-new-${c.n}`, c.unit) }) },
  {
    method: 'PUT',
    url: '/api/resolutions/:id',
    allowed: CATALOGUE,
    scoped: true,
    ok: 200,
    build: async (c) => {
      const id = await resolutionOf(c);
      const issuer = c.variant === 'out' ? (await sql<{ issuer_id: string }>`select issuer_id from resolutions where id = ${id}`.execute(s.store.db)).rows[0]!.issuer_id : c.unit;
      const { id: _id, targets: _t, ...body } = resolutionBody(id, issuer);
      return { method: 'PUT', url: `/api/resolutions/${id}`, body: { ...body, title: 'Đã sửa' } };
    },
  },
  {
    method: 'POST',
    url: '/api/resolutions/:id/targets',
    allowed: CATALOGUE,
    scoped: true,
    ok: 201,
    build: async (c) => ({ method: 'POST', url: `/api/resolutions/${await resolutionOf(c)}/targets`, body: { id: `t-${c.n}`, code: '9', indicator: 'trong_rung', wording: 'Thêm', rule: { op: 'min', value: 1 } } }),
  },
  {
    method: 'PUT',
    url: '/api/resolutions/:id/targets/:targetId',
    allowed: CATALOGUE,
    scoped: true,
    ok: 200,
    build: async (c) => {
      const id = await resolutionOf(c);
      return { method: 'PUT', url: `/api/resolutions/${id}/targets/${await firstTargetId(id)}`, body: { code: '1', indicator: 'trong_rung', wording: 'Sửa', rule: { op: 'min', value: 2 } } };
    },
  },
  {
    method: 'DELETE',
    url: '/api/resolutions/:id/targets/:targetId',
    allowed: CATALOGUE,
    scoped: true,
    ok: 204,
    build: async (c) => {
      const id = await resolutionOf(c);
      return { method: 'DELETE', url: `/api/resolutions/${id}/targets/${await firstTargetId(id)}` };
    },
  },
  // dashboard
  { method: 'GET', url: '/api/evaluation', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query('/api/evaluation', { unitId: c.unit, period: c.period, resolutionId: c.resolution }) }) },
  {
    method: 'GET',
    url: '/api/evaluation/target',
    allowed: ALL,
    scoped: true,
    ok: 200,
    build: (c) => ({ method: 'GET', url: query('/api/evaluation/target', { unitId: c.unit, period: c.period, resolutionId: c.resolution, targetId: 't1' }) }),
  },
  { method: 'GET', url: '/api/evaluation.xlsx', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query('/api/evaluation.xlsx', { unitId: c.unit, period: c.period, resolutionId: c.resolution }) }) },
  // data entry
  { method: 'GET', url: '/api/entry', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query('/api/entry', { unitId: c.unit, period: c.period }) }) },
  {
    method: 'PUT',
    url: '/api/entry',
    allowed: ENTRY,
    scoped: true,
    ok: 200,
    build: (c) => ({ method: 'PUT', url: '/api/entry', body: { period: uniquePeriod(c.n), cells: [{ indicator: 'trong_rung', unitId: c.unit, value: 1, version: null }] } }),
  },
  {
    method: 'POST',
    url: '/api/entry/submit',
    allowed: ENTRY,
    scoped: true,
    ok: 200,
    build: async (c) => {
      await prepare(c, uniquePeriod(c.n), 'draft');
      return { method: 'POST', url: '/api/entry/submit', body: { unitId: c.unit, period: uniquePeriod(c.n) } };
    },
  },
  {
    method: 'POST',
    url: '/api/entry/approve',
    allowed: REVIEW,
    scoped: true,
    ok: 200,
    build: async (c) => {
      await prepare(c, uniquePeriod(c.n), 'submitted');
      return { method: 'POST', url: '/api/entry/approve', body: { unitId: c.unit, period: uniquePeriod(c.n) } };
    },
  },
  {
    method: 'POST',
    url: '/api/entry/return',
    allowed: REVIEW,
    scoped: true,
    ok: 200,
    build: async (c) => {
      await prepare(c, uniquePeriod(c.n), 'submitted');
      return { method: 'POST', url: '/api/entry/return', body: { unitId: c.unit, period: uniquePeriod(c.n), reason: 'Thử trả lại' } };
    },
  },
  {
    method: 'POST',
    url: '/api/entry/reopen',
    allowed: REVIEW,
    scoped: true,
    ok: 200,
    build: async (c) => {
      await prepare(c, uniquePeriod(c.n), 'approved');
      return { method: 'POST', url: '/api/entry/reopen', body: { unitId: c.unit, period: uniquePeriod(c.n), reason: 'Thử mở lại' } };
    },
  },
  { method: 'GET', url: '/api/values/:id/history', allowed: ALL, scoped: true, ok: 200, build: async (c) => ({ method: 'GET', url: `/api/values/${await anyValueId(c.unit)}/history` }) },
  { method: 'GET', url: '/api/entry/template.xlsx', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query('/api/entry/template.xlsx', { unitId: c.unit, period: c.period }) }) },
  { method: 'POST', url: '/api/entry/template.xlsx', allowed: ENTRY, scoped: true, ok: 200, build: (c) => templateFor(c.unit, uniquePeriod(c.n), c.n) },
  // workspace, audit, accounts
  { method: 'GET', url: '/api/workspace', allowed: CATALOGUE, scoped: false, ok: 200, build: () => ({ method: 'GET', url: '/api/workspace' }) },
  {
    method: 'POST',
    url: '/api/workspace',
    allowed: CATALOGUE,
    scoped: true,
    ok: 200,
    build: (c) => ({
      method: 'POST',
      url: '/api/workspace',
      body: {
        format: 'chitieu-workspace',
        version: 1,
        units: [unitBody(`ws-${c.n}`, c.unit)],
        values: [{ indicator: 'trong_rung', unit: c.unit, period: uniquePeriod(c.n), value: 3 }],
      },
    }),
  },
  { method: 'GET', url: '/api/audit', allowed: ['quan_tri', 'van_phong', 'kiem_tra'], scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query('/api/audit', { unitId: c.unit }) }) },
  // reports
  { method: 'GET', url: '/api/report', allowed: ALL, scoped: true, ok: 200, build: (c) => ({ method: 'GET', url: query('/api/report', { unitId: c.unit, period: c.period, resolutionId: c.resolution }) }) },
  { method: 'GET', url: '/api/report/sources', allowed: ALL, scoped: true, ok: 200, build: async (c) => ({ method: 'GET', url: query('/api/report/sources', { ids: String(await anyValueId(c.unit)) }) }) },
  {
    method: 'PUT',
    url: '/api/report/notes',
    allowed: CATALOGUE,
    scoped: true,
    ok: 200,
    build: (c) => ({ method: 'PUT', url: '/api/report/notes', body: { unitId: c.unit, period: c.period, resolutionId: c.resolution, freeText: { causes: 'Thời tiết bất lợi.' } } }),
  },
  {
    method: 'GET',
    url: '/api/report/file',
    allowed: ALL,
    scoped: true,
    ok: 200,
    build: (c) => ({ method: 'GET', url: query('/api/report/file', { unitId: c.unit, period: c.period, resolutionId: c.resolution, format: 'xlsx' }) }),
  },
  // reading report texts
  { method: 'POST', url: '/api/reading/analyze', allowed: 'signed_in', scoped: false, ok: 200, build: () => ({ method: 'POST', url: '/api/reading/analyze', body: { text: 'Quý I/2025, toàn huyện trồng mới 32,88 ha rừng.' } }) },
  {
    method: 'POST',
    url: '/api/reading/import',
    allowed: ['quan_tri', 'van_phong', 'nhap_lieu'],
    declared: 'signed_in',
    scoped: true,
    ok: 200,
    build: (c) => ({
      method: 'POST',
      url: '/api/reading/import',
      body: { document: 'Báo cáo thử', rows: [{ indicator: 'trong_rung', unitId: c.unit, period: uniquePeriod(c.n), value: 2, start: 0, end: 5, quote: 'trồng' }] },
    }),
  },
  { method: 'GET', url: '/api/reading/values/:id', allowed: ALL, scoped: true, ok: 200, build: async (c) => ({ method: 'GET', url: `/api/reading/values/${await anyValueId(c.unit)}` }) },
  // accounts
  { method: 'GET', url: '/api/users', allowed: ['quan_tri'], scoped: false, ok: 200, build: () => ({ method: 'GET', url: '/api/users' }) },
  {
    method: 'POST',
    url: '/api/users',
    allowed: ['quan_tri'],
    scoped: true,
    ok: 201,
    build: (c) => ({ method: 'POST', url: '/api/users', body: { username: `tk${c.n}`, displayName: 'Tài khoản thử', password: 'matkhau-thu-01', role: 'lanh_dao', unitIds: [c.unit] } }),
  },
  {
    method: 'PUT',
    url: '/api/users/:id',
    allowed: ['quan_tri'],
    scoped: true,
    ok: 200,
    build: async (c) => {
      const u = await createUser(s.store.db, null, { username: `tk${c.n}`, displayName: 'Thử', password: 'matkhau-thu-01', role: 'lanh_dao', unitIds: [c.unit], locale: null, active: true }, { now: new Date(), scrypt: TEST_SCRYPT });
      return { method: 'PUT', url: `/api/users/${u.id}`, body: { displayName: 'Đã đổi' } };
    },
  },
];

const isAllowed = (r: RouteCase, role: Role) => r.allowed === 'public' || r.allowed === 'signed_in' || r.allowed.includes(role);

let counter = 0;
const clients = new Map<string, Client>();
const forbiddenIds = new Map<string, string[]>();

async function send(client: Client, req: Req, opts: { csrf?: boolean } = {}): Promise<Res> {
  const c = req.fresh && client.username ? await signIn(s.app, client.username) : client;
  return c.request(req.method, req.url, req.body, { ...opts, ...(req.headers ? { headers: req.headers } : {}), ...(req.payload ? { payload: req.payload } : {}) });
}

before(async () => {
  s = await startTestServer();
  admin = await signIn(s.app, 'quantri');
  for (const a of ACCOUNTS) clients.set(a.username, await signIn(s.app, a.username));
  indicators = (await admin.get('/api/indicators')).body.indicators;
  // A resolution for each commune, so that their dashboards have something to evaluate.
  for (const [id, unit, year] of [['nq-t-xa-thuong-quan', 'xa-thuong-quan', 2024], ['nq-t-xa-bang-van-2025', 'xa-bang-van-2025', 2025]] as const) {
    const r = await admin.post('/api/resolutions', { ...resolutionBody(id, unit), scope: { kind: 'year', year } });
    assert.equal(r.status, 201, r.text);
  }
  const graph = { units: await listUnits(s.store.db), successions: await listSuccessions(s.store.db) };
  for (const a of ACCOUNTS) forbiddenIds.set(a.username, [...computeScope(graph, [a.neighbour])]);
});
after(() => s.close());

describe('authorization over every route', () => {
  test('every registered API route has a row, and its declared access matches docs/api.md', () => {
    const known = new Set(ROUTES.map((r) => `${r.method} ${r.url}`));
    const registered = s.app.apiRoutes.filter((r) => r.method !== 'HEAD');
    const missing = registered.filter((r) => !known.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(missing, [], 'routes without a row in the authorization table');
    const stale = ROUTES.filter((r) => !registered.some((x) => x.method === r.method && x.url === r.url)).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(stale, [], 'rows for routes that do not exist');
    for (const r of ROUTES) {
      const access = registered.find((x) => x.method === r.method && x.url === r.url)!.access as Access;
      const declared = access === 'public' || access === 'signed_in' ? access : ALL.filter((role) => can(role, access));
      const expected = r.declared ?? r.allowed;
      assert.deepEqual(declared, expected === 'public' || expected === 'signed_in' ? expected : ALL.filter((x) => (expected as Role[]).includes(x)), `${r.method} ${r.url}`);
    }
  });

  for (const r of ROUTES)
    test(`${r.method} ${r.url}`, async () => {
      const problems: string[] = [];
      for (const acct of ACCOUNTS)
        for (const variant of r.scoped ? (['in', 'out'] as const) : (['in'] as const)) {
          const ctx: Ctx = {
            acct,
            variant,
            unit: variant === 'in' ? acct.own : acct.foreign,
            resolution: variant === 'in' ? acct.ownResolution : acct.foreignResolution,
            period: acct.ownPeriod,
            n: ++counter,
            admin,
          };
          const req = await r.build(ctx);
          const res = await send(clients.get(acct.username)!, req);
          const expected = !isAllowed(r, acct.role) ? 403 : variant === 'in' ? r.ok : 403;
          if (res.status !== expected) problems.push(`${acct.username} ${variant}: ${res.status} ≠ ${expected} ${res.text.slice(0, 200)}`);
          if (res.status < 300 && !String(res.headers['content-type'] ?? '').includes('spreadsheet')) {
            const leaked = forbiddenIds.get(acct.username)!.filter((id) => res.text.includes(`"${id}"`));
            if (leaked.length) problems.push(`${acct.username} ${variant}: body names ${leaked.join(', ')}`);
          }
        }
      if (r.allowed !== 'public') {
        const anon = await send(new (clients.get('quantri')!.constructor as typeof Client)(s.app), await r.build({ acct: ACCOUNTS[0]!, variant: 'in', unit: ACCOUNTS[0]!.own, resolution: ACCOUNTS[0]!.ownResolution, period: '2024', n: ++counter, admin }));
        if (anon.status !== 401) problems.push(`without a session: ${anon.status} ≠ 401`);
        if (r.method !== 'GET') {
          const req = await r.build({ acct: ACCOUNTS[0]!, variant: 'in', unit: ACCOUNTS[0]!.own, resolution: ACCOUNTS[0]!.ownResolution, period: '2024', n: ++counter, admin });
          const noCsrf = await send(clients.get('quantri')!, req, { csrf: false });
          if (noCsrf.status !== 403 || !/CSRF/.test(noCsrf.body?.error?.message ?? '')) problems.push(`without the CSRF token: ${noCsrf.status} ${noCsrf.text.slice(0, 120)}`);
        }
      }
      assert.deepEqual(problems, []);
    });
});
