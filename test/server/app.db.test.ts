/**
 * The app's plumbing: sign-in and sessions (cookie flags, sliding expiry, sign-out), CSRF, sign-in
 * throttling, the error shape in both languages, the OpenAPI document, security headers, static
 * files with the single-page fallback.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SESSION_IDLE_MS } from '../../src/server/auth/sessions.ts';
import { Client, openDemoStore, signIn, startTestServer, type TestServer } from './support.ts';

let s: TestServer;
let clock = new Date('2025-03-01T08:00:00Z');
const web = mkdtempSync(join(tmpdir(), 'chitieu-web-'));
writeFileSync(join(web, 'index.html'), '<!doctype html><title>chitieu</title><div id="root"></div>');

before(async () => {
  s = await startTestServer({ now: () => clock, webDir: web });
});
after(async () => {
  await s.close();
  rmSync(web, { recursive: true, force: true });
});

const login = (username: string, password: string, ip = '10.0.0.1') =>
  s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('sessions', () => {
  test('sign-in sets an HttpOnly, SameSite=Strict cookie; /me gives the account and the CSRF token', async () => {
    const r = await login('vanphong', 'chitieu2025');
    assert.equal(r.statusCode, 200, r.body);
    const cookie = r.cookies.find((c) => c.name === 'chitieu_sid')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.secure, undefined, 'not Secure over plain HTTP');
    const c = new Client(s.app, cookie.value, null);
    const me = await c.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.user, { id: me.body.user.id, username: 'vanphong', displayName: 'Văn phòng Huyện ủy Ngân Sơn', role: 'van_phong', unitIds: ['db-huyen-ngan-son'], locale: null, active: true });
    assert.match(me.body.csrfToken, /^[\w-]{43}$/);
    assert.equal(JSON.parse(r.body).csrfToken, me.body.csrfToken);
  });

  test('the cookie is Secure behind HTTPS (X-Forwarded-Proto with trustProxy)', async () => {
    const t = await startTestServer({ store: await openDemoStore(), trustProxy: true });
    try {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'chitieu2025' }, headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(r.cookies.find((c) => c.name === 'chitieu_sid')!.secure, true);
    } finally {
      await t.close();
    }
  });

  test('a wrong password, an unknown user and a missing session are 401 with the Vietnamese message', async () => {
    const bad = await login('lanhdao', 'sai-mat-khau', '10.0.0.2');
    assert.equal(bad.statusCode, 401);
    assert.deepEqual(JSON.parse(bad.body), { error: { code: 'unauthenticated', message: 'Sai tên đăng nhập hoặc mật khẩu' } });
    assert.equal((await login('khong-co-ai', 'x', '10.0.0.2')).statusCode, 401);
    const anon = await new Client(s.app).get('/api/units');
    assert.equal(anon.status, 401);
    assert.equal(anon.body.error.code, 'unauthenticated');
  });

  test('expiry slides with activity and ends after 8 idle hours', async () => {
    const c = await signIn(s.app, 'kiemtra');
    clock = new Date(clock.getTime() + SESSION_IDLE_MS - 60_000);
    assert.equal((await c.get('/api/auth/me')).status, 200, 'still alive, and touched');
    clock = new Date(clock.getTime() + SESSION_IDLE_MS - 60_000);
    assert.equal((await c.get('/api/auth/me')).status, 200, 'the expiry moved with the last request');
    clock = new Date(clock.getTime() + SESSION_IDLE_MS + 1000);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  });

  test('sign-out ends the session', async () => {
    const c = await signIn(s.app, 'lanhdao');
    const out = await c.post('/api/auth/logout');
    assert.equal(out.status, 204);
    assert.match(String(out.headers['set-cookie']), /chitieu_sid=;/);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  });

  test('changing a password or disabling an account signs it out everywhere', async () => {
    const admin = await signIn(s.app, 'quantri');
    const c = await signIn(s.app, 'xa.bangvan');
    const id = (await c.get('/api/auth/me')).body.user.id;
    assert.equal((await admin.put(`/api/users/${id}`, { password: 'mat-khau-moi-2025' })).status, 200);
    assert.equal((await c.get('/api/auth/me')).status, 401);
    assert.equal((await login('xa.bangvan', 'chitieu2025', '10.0.0.9')).statusCode, 401);
    assert.equal((await login('xa.bangvan', 'mat-khau-moi-2025', '10.0.0.9')).statusCode, 200);
    assert.equal((await admin.put(`/api/users/${id}`, { active: false })).status, 200);
    assert.equal((await login('xa.bangvan', 'mat-khau-moi-2025', '10.0.0.9')).statusCode, 401, 'a disabled account cannot sign in');
    const self = (await admin.get('/api/auth/me')).body.user.id;
    assert.equal((await admin.put(`/api/users/${self}`, { active: false })).status, 409, 'nor can an administrator lock themselves out');
  });
});

describe('CSRF', () => {
  test('a request that changes something needs the token of its session', async () => {
    const c = await signIn(s.app, 'vanphong');
    const body = { unitId: 'xa-thuong-quan', period: '2023' };
    const none = await c.post('/api/entry/approve', body, { csrf: false });
    assert.equal(none.status, 403);
    assert.equal(none.body.error.code, 'forbidden');
    assert.match(none.body.error.message, /CSRF/);
    const other = await signIn(s.app, 'quantri');
    const wrong = await c.post('/api/entry/approve', body, { csrf: false, headers: { 'x-csrf-token': other.csrf! } });
    assert.equal(wrong.status, 403, "another session's token is refused");
    assert.equal((await c.get('/api/entry?unitId=xa-thuong-quan&period=2023', { csrf: false })).status, 200, 'reads need none');
  });
});

describe('sign-in throttling', () => {
  test('the sixth attempt within 15 minutes after five failures is 429, even with the right password', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await login('lanhdao', `sai-${i}`, '10.1.1.1')).statusCode, 401);
    const blocked = await login('lanhdao', 'chitieu2025', '10.1.1.1');
    assert.equal(blocked.statusCode, 429);
    assert.deepEqual(JSON.parse(blocked.body), { error: { code: 'rate_limited', message: 'Đăng nhập sai quá nhiều lần, hãy thử lại sau 15 phút' } });
    assert.equal((await login('lanhdao', 'chitieu2025', '10.1.1.2')).statusCode, 200, 'per username and IP: another address is not blocked');
    assert.equal((await login('kiemtra', 'chitieu2025', '10.1.1.1')).statusCode, 200, 'nor another username');
  });
});

describe('errors', () => {
  test('validation errors list every field; English with Accept-Language: en', async () => {
    const c = await signIn(s.app, 'xa.thuongquan');
    const body = { period: 'quý V/2025', cells: [{ indicator: 'trong_rung', unitId: 'xa-thuong-quan', value: 'mười', version: null }] };
    const vi = await c.put('/api/entry', body);
    assert.equal(vi.status, 400);
    assert.equal(vi.body.error.message, 'Dữ liệu không hợp lệ');
    assert.deepEqual(vi.body.error.fields.map((f: { path: string }) => f.path), ['period', 'cells[0].value']);
    assert.match(vi.body.error.fields[1].message, /mong đợi số/);
    const en = await c.put('/api/entry', body, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.equal(en.body.error.message, 'Invalid data');
    assert.match(en.body.error.fields[1].message, /expected number/);
    const forbidden = await c.get('/api/entry?unitId=huyen-ngan-son&period=2024', { headers: { 'accept-language': 'en' } });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.error.message, 'This account has no access to unit "huyen-ngan-son"');
  });

  test('unknown API paths are 404 JSON; malformed JSON is 400', async () => {
    const c = await signIn(s.app, 'lanhdao');
    const r = await c.get('/api/khong-co');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not_found');
    assert.equal((await c.request('PUT', '/api/entry', undefined, { payload: '{"period":', headers: { 'content-type': 'application/json' } })).status, 403, 'the role is checked before the body is read');
    const xa = await signIn(s.app, 'xa.thuongquan');
    const bad = await xa.request('PUT', '/api/entry', undefined, { payload: '{"period":', headers: { 'content-type': 'application/json' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'validation');
  });
});

describe('documents and static files', () => {
  test('the OpenAPI document lists every API route; Swagger UI is served', async () => {
    const c = new Client(s.app);
    const doc = await c.get('/api/openapi.json');
    assert.equal(doc.status, 200);
    const paths = Object.keys(doc.body.paths);
    for (const r of s.app.apiRoutes.filter((x) => x.method !== 'HEAD' && x.url !== '/api/openapi.json')) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(paths.includes(p), `${r.url} missing from the OpenAPI document`);
      assert.ok(doc.body.paths[p][r.method.toLowerCase()], `${r.method} ${r.url}`);
    }
    assert.ok(doc.body.paths['/api/entry'].put.requestBody, 'bodies come from the zod schemas');
    const ui = await c.get('/api/docs/');
    assert.equal(ui.status, 200);
    assert.match(ui.text, /swagger/i);
  });

  test('security headers: CSP allowing self and inline styles, no framing, nosniff', async () => {
    const r = await new Client(s.app).get('/api/health');
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self' 'unsafe-inline'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  });

  test('pages are the single-page app; missing assets and API paths are not', async () => {
    const c = new Client(s.app);
    for (const url of ['/', '/nhap-lieu', '/bang-dieu-khien?unit=x']) {
      const r = await c.get(url);
      assert.equal(r.status, 200, url);
      assert.match(r.text, /<div id="root">/);
    }
    assert.equal((await c.get('/api/nothing')).status, 404);
  });

  test('without a built web UI, "/" says how to build it', async () => {
    const t = await startTestServer({ store: await openDemoStore(), webDir: join(web, 'missing') });
    try {
      const r = await new Client(t.app).get('/');
      assert.equal(r.status, 503);
      assert.match(r.text, /npm run build:web/);
      assert.match(r.text, /Giao diện web chưa được dựng/);
    } finally {
      await t.close();
    }
  });
});
