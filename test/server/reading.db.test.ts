/**
 * Reading a report text over the API (POST /api/reading/analyze, /api/reading/import): facts with
 * suggested indicator, period and unit; the checker's findings; drafts with provenance, all or nothing;
 * scope (403), duplicates (409, nothing overwritten), locked periods (423); a DOCX upload.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'kysely';
import { multipartFile } from './multipart.ts';
import { type Client, query, signIn, startTestServer, type TestServer } from './support.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const seed = (name: string) => readFileSync(new URL(`../shared/seeds/${name}`, `file://${ROOT}`), 'utf8');
const SEED0 = seed('000_e02f0c8d98654038.txt');
const SEED1 = seed('001_a852af431d7837cf.txt');

let s: TestServer;
let office: Client; // văn phòng Huyện ủy (scope: the district, both trees)
let xa: Client; // nhập liệu, xã Thượng Quan
let leader: Client; // lãnh đạo: may analyse, not import

before(async () => {
  s = await startTestServer();
  office = await signIn(s.app, 'vanphong');
  xa = await signIn(s.app, 'xa.thuongquan');
  leader = await signIn(s.app, 'lanhdao');
});
after(() => s.close());

const countRows = async (where: string) => Number((await sql<{ n: number }>`select count(*)::int as n from data_values where ${sql.raw(where)}`.execute(s.store.db)).rows[0]!.n);

describe('analyse', () => {
  test('seed 000: "32,88ha" of forest planting, matched to trong_rung, năm 2025, huyện Ngân Sơn', async () => {
    const r = await office.post('/api/reading/analyze', { text: SEED0 });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.text, SEED0.replace(/\r\n?/g, '\n').normalize('NFC'));
    const f = r.body.facts.find((x: { text: string }) => x.text === '32,88ha');
    assert.ok(f, 'the forest-planting figure is found');
    assert.equal(r.body.text.slice(f.start, f.end), '32,88ha');
    assert.equal(f.value, 32.88);
    assert.equal(f.unit, 'ha');
    assert.equal(f.kind, 'actual');
    assert.equal(f.match.indicator, 'trong_rung');
    assert.ok(f.match.score >= 0.5, `score ${f.match.score}`);
    assert.equal(f.periodCode, '2025');
    assert.equal(f.unitId, 'huyen-ngan-son');
    // "đến nay" is relative: no period suggested.
    const houses = r.body.facts.find((x: { period: string | null }) => x.period === 'đến nay');
    assert.ok(houses);
    assert.equal(houses.periodCode, null);
    // Spring sowing matches its own indicator, not forest planting.
    const sowing = r.body.facts.find((x: { text: string }) => x.text === 'hơn 1.440ha');
    assert.equal(sowing.match.indicator, 'gieo_trong_vu_xuan');
    assert.equal(sowing.periodCode, '2025-Q1');
  });

  test('seed 001: 24 + 9 ≠ 30 comes back as a finding that does not hold', async () => {
    const r = await leader.post('/api/reading/analyze', { text: SEED1 });
    assert.equal(r.status, 200, r.text);
    const bad = r.body.findings.filter((f: { holds: boolean }) => !f.holds);
    const targets = bad.find((f: { check: string }) => f.check === 'targets_total');
    assert.ok(targets, JSON.stringify(bad));
    assert.match(targets.explanation, /24 \+ 9 = 33 ≠ 30/);
    assert.ok(targets.spans.length >= 2);
  });

  test('a commune account gets no unit outside its scope as a suggestion', async () => {
    const r = await xa.post('/api/reading/analyze', { text: SEED0 });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.facts.every((f: { unitId: string | null }) => f.unitId === null || f.unitId === 'xa-thuong-quan' || f.unitId === 'db-xa-thuong-quan'));
  });

  test('an empty text, and no session', async () => {
    const r = await office.post('/api/reading/analyze', { text: '  ' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'validation');
    const anon = await s.app.inject({ method: 'POST', url: '/api/reading/analyze', payload: { text: SEED0 } });
    assert.equal(anon.statusCode, 401);
  });

  test('a DOCX upload is read by mammoth; a .txt too; other types refused in Vietnamese', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Trong năm 2024, công tác trồng rừng của huyện Ngân Sơn được 350,5ha, đạt 100,1% kế hoạch.')] }] });
    const bytes = await Packer.toBuffer(doc);
    const m = multipartFile('file', 'bao-cao.docx', bytes);
    const r = await office.request('POST', '/api/reading/analyze', undefined, { payload: m.payload, headers: m.headers });
    assert.equal(r.status, 200, r.text);
    const f = r.body.facts.find((x: { value: number }) => x.value === 350.5);
    assert.ok(f, JSON.stringify(r.body.facts));
    assert.equal(f.match.indicator, 'trong_rung');
    assert.equal(f.periodCode, '2024');

    const t = multipartFile('file', 'bao-cao.txt', Buffer.from(SEED0, 'utf8'), 'text/plain');
    const rt = await office.request('POST', '/api/reading/analyze', undefined, { payload: t.payload, headers: t.headers });
    assert.equal(rt.status, 200, rt.text);
    assert.ok(rt.body.facts.some((x: { text: string }) => x.text === '32,88ha'));

    const pdf = multipartFile('file', 'bao-cao.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
    const rp = await office.request('POST', '/api/reading/analyze', undefined, { payload: pdf.payload, headers: pdf.headers });
    assert.equal(rp.status, 400);
    assert.match(rp.body.error.message, /Chỉ nhận tệp \.txt hoặc \.docx/);

    const latin1 = multipartFile('file', 'cu.txt', Buffer.from([0x54, 0x68, 0xe0, 0x6e, 0x68]), 'text/plain');
    const rl = await office.request('POST', '/api/reading/analyze', undefined, { payload: latin1.payload, headers: latin1.headers });
    assert.equal(rl.status, 400);
    assert.match(rl.body.error.message, /UTF-8/);
  });
});

describe('import as drafts', () => {
  // The demo holds this article's figures already (2025, 2025-Q1, approved): a month is still free.
  const row = { indicator: 'trong_rung', unitId: 'huyen-ngan-son', period: 'tháng 3/2025', value: 32.88, status: 'thuc_hien', start: 437, end: 444, quote: 'công tác trồng rừng năm 2025 được 32,88ha' };

  test('creates draft values with the text and span as provenance, audited', async () => {
    const r = await office.post('/api/reading/import', { document: 'Bài viết quý I/2025 (seeds/000)', rows: [row] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.created, 1);
    const c = r.body.cells[0];
    assert.equal(c.state, 'draft');
    assert.equal(c.period, '2025-M03');
    assert.deepEqual(c.source, { document: 'Bài viết quý I/2025 (seeds/000)', place: 'ký tự 437–444', person: 'Văn phòng Huyện ủy Ngân Sơn', note: row.quote });

    const v = await office.get(`/api/reading/values/${c.valueId}`);
    assert.equal(v.status, 200, v.text);
    assert.equal(v.body.value, 32.88);
    assert.equal(v.body.source.place, 'ký tự 437–444');

    const g = await office.get(query('/api/entry', { unitId: 'huyen-ngan-son', period: '2025-M03', indicators: 'trong_rung' }));
    assert.equal(g.status, 200, g.text);
    const cell = g.body.cells.find((x: { indicator: string; unitId: string }) => x.indicator === 'trong_rung' && x.unitId === 'huyen-ngan-son');
    assert.equal(cell.value, 32.88);
    assert.equal(cell.state, 'draft');

    const audit = await sql<{ action: string; reason: string }>`select action, reason from audit_log where entity = 'value' and entity_id = ${c.valueId}`.execute(s.store.db);
    assert.deepEqual(audit.rows.map((a) => a.action), ['import']);
    assert.match(audit.rows[0]!.reason, /Nhập từ văn bản/);

    // Other users cannot see it through the provenance route outside their scope.
    const other = await xa.get(`/api/reading/values/${c.valueId}`);
    assert.equal(other.status, 403);
  });

  test('an existing value for the same key: 409 listing it, nothing written or overwritten', async () => {
    const before = await countRows(`1=1`);
    const r = await office.post('/api/reading/import', { document: 'lần hai', rows: [{ ...row, value: 99 }, { ...row, indicator: 'che_phu_rung', value: 70, start: 0, end: 3 }] });
    assert.equal(r.status, 409, r.text);
    assert.equal(r.body.error.code, 'conflict');
    assert.equal(r.body.error.current.length, 1);
    assert.equal(r.body.error.current[0].value, 32.88);
    assert.equal(r.body.error.current[0].indicator, 'trong_rung');
    assert.equal(await countRows(`1=1`), before);
    assert.equal(await countRows(`indicator_code = 'trong_rung' and unit_id = 'huyen-ngan-son' and period = '2025-M03' and value = 32.88`), 1);
  });

  test(`the demo's approved figure for quý I/2025 (the same 32,88 ha) is refused: 409, not overwritten`, async () => {
    const r = await office.post('/api/reading/import', { document: 'x', rows: [{ ...row, period: 'quý I/2025', value: 40 }] });
    assert.equal(r.status, 409, r.text);
    assert.equal(r.body.error.current[0].state, 'approved');
    assert.equal(await countRows(`indicator_code = 'trong_rung' and unit_id = 'huyen-ngan-son' and period = '2025-Q1' and value = 32.88 and state = 'approved'`), 1);
  });

  test('a unit out of scope: 403, and nothing of the batch written', async () => {
    const before = await countRows(`1=1`);
    const r = await xa.post('/api/reading/import', {
      document: 'x',
      rows: [
        { ...row, unitId: 'xa-thuong-quan', period: '2030', value: 5 },
        { ...row, unitId: 'huyen-ngan-son', period: '2030', value: 6 },
      ],
    });
    assert.equal(r.status, 403, r.text);
    assert.equal(await countRows(`1=1`), before);
  });

  test('roles: lãnh đạo may analyse but not import; nhập liệu may import in its commune', async () => {
    const r = await leader.post('/api/reading/import', { document: 'x', rows: [{ ...row, period: '2031' }] });
    assert.equal(r.status, 403);
    const ok = await xa.post('/api/reading/import', { document: 'x', rows: [{ ...row, unitId: 'xa-thuong-quan', period: '2031', value: 3 }] });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.cells[0].state, 'draft');
  });

  test('a locked period: 423, nothing written; bad rows: 400 with their paths', async () => {
    await sql`insert into unit_period_locks (unit_id, period, locked_at) values ('huyen-ngan-son', '2032', now())`.execute(s.store.db);
    const before = await countRows(`1=1`);
    const r = await office.post('/api/reading/import', { document: 'x', rows: [{ ...row, period: '2032' }] });
    assert.equal(r.status, 423, r.text);
    assert.equal(await countRows(`1=1`), before);

    const bad = await office.post('/api/reading/import', { document: 'x', rows: [{ ...row, period: '2033', indicator: 'khong_co' }, { ...row, period: 'hôm qua' }] });
    assert.equal(bad.status, 400, bad.text);
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path);
    assert.ok(paths.includes('rows[1].period'), JSON.stringify(paths));
  });
});
