/**
 * Báo cáo over the API: the preview model of huyện Ngân Sơn 2024, the values behind a number (and the
 * refusal of values outside a commune account's scope), the free text saved apart from the figures and
 * found again in regenerated DOCX and XLSX, the roles that may save it, and the file names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { parsePeriod } from '../../src/core/periods.ts';
import { buildReport, reportYears } from '../../src/report/index.ts';
import { loadModel } from '../../src/store/load-model.ts';
import { type Client, query, signIn, startTestServer, type TestServer } from './support.ts';

const DISTRICT = 'huyen-ngan-son';
let s: TestServer;
let office: Client;
let leader: Client;
let xa: Client;

before(async () => {
  s = await startTestServer();
  office = await signIn(s.app, 'vanphong');
  leader = await signIn(s.app, 'lanhdao');
  xa = await signIn(s.app, 'xa.thuongquan');
});
after(() => s.close());

interface Num {
  text: string;
  sources: string[];
  kind: string;
}
interface Sentence {
  text: string;
  numbers: Num[];
}
const allSentences = (body: any): Sentence[] => [
  ...body.intro,
  ...body.sections.flatMap((sec: any) => sec.blocks.filter((b: any) => b.kind === 'paragraph').flatMap((b: any) => b.sentences)),
];

async function docxText(raw: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(raw);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

describe('preview', () => {
  test('the report of huyện Ngân Sơn 2024 as JSON: the summary sentence, traced numbers, appendix', async () => {
    const r = await office.get(query('/api/report', { unitId: DISTRICT, period: '2024' }));
    assert.equal(r.status, 200, r.text);
    const sentences = allSentences(r.body);
    assert.ok(sentences.some((x) => x.text.includes('Có 24/30 chỉ tiêu đạt và vượt')), 'summary sentence');
    assert.equal(r.body.period.code, '2024');
    assert.match(r.body.header.docType, /BÁO CÁO/);
    assert.deepEqual(r.body.sections.map((x: any) => x.number).slice(0, 3), ['I', 'II', 'III']);
    assert.equal(r.body.appendix.groups.flatMap((g: any) => g.rows).length, 30);
    const traced = sentences.flatMap((x) => x.numbers).filter((n) => n.sources.length > 0);
    assert.ok(traced.length > 20, `traced numbers: ${traced.length}`);
    for (const x of sentences) for (const n of x.numbers) assert.ok(x.text.includes(n.text));
    assert.deepEqual(r.body.freeText, {});
  });

  test('the charts over the term read the years before the report’s own from the store', async () => {
    const period = parsePeriod('2024');
    const [fromYear, toYear] = reportYears(period);
    const model = await loadModel(s.store.db, { unitId: DISTRICT, fromYear, toYear });
    const term = buildReport(model, { unitId: DISTRICT, period }).charts.filter((c) => c.kind === 'term_years');
    assert.ok(term.length > 0, 'a chart over the term');
    for (const c of term) {
      assert.deepEqual(c.categories, ['2021', '2022', '2023', '2024']);
      assert.ok(c.series.find((x) => x.role === 'actual')!.values.every((v) => v !== null), `${c.id}: a figure for every year`);
    }
  });

  test('a commune account reads its own commune, not the district (403)', async () => {
    assert.equal((await xa.get(query('/api/report', { unitId: DISTRICT, period: '2024' }))).status, 403);
    const own = await xa.get(query('/api/report', { unitId: 'xa-thuong-quan', period: '2024' }));
    // The commune has no resolution of its own in the demo: 404 with a Vietnamese message, not 403.
    assert.ok(own.status === 200 || own.status === 404, own.text);
    if (own.status === 404) assert.match(own.body.error.message, /Nghị quyết/);
  });
});

describe('sources of a number', () => {
  test('resolve to indicator, unit, period, value and provenance; refused outside the scope', async () => {
    const r = await office.get(query('/api/report', { unitId: DISTRICT, period: '2024' }));
    const num = allSentences(r.body)
      .flatMap((x) => x.numbers)
      .find((n) => n.kind === 'actual' && n.sources.length > 0)!;
    assert.ok(num, 'an actual figure with sources');
    const src = await office.get(query('/api/report/sources', { ids: num.sources.join(',') }));
    assert.equal(src.status, 200, src.text);
    assert.equal(src.body.values.length, num.sources.length);
    const v = src.body.values[0];
    for (const k of ['indicatorName', 'unitName', 'periodLabel', 'value', 'status', 'source']) assert.ok(k in v, k);
    assert.ok(v.indicatorName.length > 0 && v.unitName.length > 0);
    assert.ok('document' in v.source && 'place' in v.source && 'person' in v.source && 'note' in v.source);
    assert.equal(String(v.id), num.sources[0]);

    // A value of the district itself is outside xã Thượng Quan's scope.
    const outside = (await sql<{ id: number }>`select id from data_values where unit_id = ${DISTRICT} order by id limit 1`.execute(s.store.db)).rows[0]!;
    const refused = await xa.get(query('/api/report/sources', { ids: String(outside.id) }));
    assert.equal(refused.status, 403, refused.text);
    assert.match(refused.body.error.message, /phạm vi/);
    // Mixed with one of its own values: still refused, nothing leaks.
    const own = (await sql<{ id: number }>`select id from data_values where unit_id = 'xa-thuong-quan' order by id limit 1`.execute(s.store.db)).rows[0];
    if (own) {
      assert.equal((await xa.get(query('/api/report/sources', { ids: String(own.id) }))).status, 200);
      assert.equal((await xa.get(query('/api/report/sources', { ids: `${own.id},${outside.id}` }))).status, 403);
    }
    // Ids that do not exist answer like ids outside the scope.
    assert.equal((await office.get(query('/api/report/sources', { ids: '999999999' }))).status, 403);
    assert.equal((await office.get(query('/api/report/sources', { ids: 'abc' }))).status, 403);
  });
});

describe('free text', () => {
  const achievements = 'Phong trào xây dựng nông thôn mới được Nhân dân hưởng ứng tích cực.';
  const causes = 'Nguyên nhân khách quan: thời tiết diễn biến phức tạp.\nNguyên nhân chủ quan: công tác phối hợp còn chậm.';

  test('a commune account, a leader and a missing CSRF token cannot save; the office can, audited', async () => {
    const body = { unitId: DISTRICT, period: '2024', resolutionId: '', freeText: { causes } };
    const preview = await office.get(query('/api/report', { unitId: DISTRICT, period: '2024' }));
    body.resolutionId = preview.body.resolution.id;
    assert.equal((await xa.put('/api/report/notes', body)).status, 403);
    assert.equal((await leader.put('/api/report/notes', body)).status, 403);
    assert.equal((await office.put('/api/report/notes', body, { csrf: false })).status, 403);
    assert.equal((await office.put('/api/report/notes', { ...body, freeText: { other: 'x' } })).status, 400);

    const saved = await office.put('/api/report/notes', { ...body, freeText: { causes, achievements } });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.body.freeText, { causes, achievements });
    assert.equal(saved.body.updatedBy, 'vanphong');
    const audit = await sql<{ action: string; entity: string; unit_id: string; after: unknown }>`
      select action, entity, unit_id, after from audit_log where entity = 'report_notes' order by id`.execute(s.store.db);
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0]!.action, 'create');
    assert.equal(audit.rows[0]!.unit_id, DISTRICT);
    assert.deepEqual(audit.rows[0]!.after, { causes, achievements });
  });

  test('the saved text is in the preview, survives a change of figures, and is in DOCX and XLSX', async () => {
    // A figure changes: the model is rebuilt, the text stays.
    await sql`update data_values set value = value + 1 where unit_id = ${DISTRICT} and period = '2024' and id = (select min(id) from data_values where unit_id = ${DISTRICT} and period = '2024')`.execute(
      s.store.db,
    );
    const r = await leader.get(query('/api/report', { unitId: DISTRICT, period: '2024' }));
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.freeText, { causes, achievements });
    assert.equal(r.body.notesUpdatedBy, 'vanphong');
    const blocks = r.body.sections.flatMap((x: any) => x.blocks).filter((b: any) => b.kind === 'free_text');
    assert.ok(blocks.some((b: any) => b.key === 'causes' && b.paragraphs.includes('Nguyên nhân chủ quan: công tác phối hợp còn chậm.')));

    const docx = await leader.get(query('/api/report/file', { unitId: DISTRICT, period: '2024', format: 'docx' }));
    assert.equal(docx.status, 200, docx.text);
    assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const cd = String(docx.headers['content-disposition']);
    assert.match(cd, /^attachment; filename="Bao-cao-huyen-Ngan-Son-nam-2024\.docx"; filename\*=UTF-8''B%C3%A1o%20c%C3%A1o%20huy%E1%BB%87n%20Ng%C3%A2n%20S%C6%A1n%20n%C4%83m%202024\.docx$/);
    const text = await docxText(docx.raw);
    const media = Object.keys((await JSZip.loadAsync(docx.raw)).files).filter((f) => f.startsWith('word/media/'));
    assert.ok(media.length > 0, 'the charts are embedded in the DOCX');
    assert.ok(text.includes(achievements), 'achievements in the DOCX');
    assert.ok(text.includes('Nguyên nhân khách quan: thời tiết diễn biến phức tạp.'), 'causes in the DOCX');
    assert.ok(text.includes('Có 24/30 chỉ tiêu đạt và vượt'));

    const xlsx = await leader.get(query('/api/report/file', { unitId: DISTRICT, period: '2024', format: 'xlsx' }));
    assert.equal(xlsx.status, 200, xlsx.text);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Phụ lục', 'Báo cáo'],
    );
    const cells: string[] = [];
    wb.getWorksheet('Báo cáo')!.eachRow((row) => cells.push(String(row.getCell(1).value)));
    assert.ok(cells.includes(achievements));
    assert.ok(cells.includes('Nguyên nhân chủ quan: công tác phối hợp còn chậm.'));
    assert.ok(cells.some((c) => c.includes('Có 24/30 chỉ tiêu đạt và vượt')));
  });

  test('saving again replaces the text (an emptied part is gone) and is audited as an update', async () => {
    const preview = await office.get(query('/api/report', { unitId: DISTRICT, period: '2024' }));
    const r = await office.put('/api/report/notes', { unitId: DISTRICT, period: '2024', resolutionId: preview.body.resolution.id, freeText: { causes: '', directions: 'Tiếp tục tập trung lãnh đạo.' } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.freeText, { directions: 'Tiếp tục tập trung lãnh đạo.' });
    const again = await office.get(query('/api/report', { unitId: DISTRICT, period: '2024' }));
    assert.deepEqual(again.body.freeText, { directions: 'Tiếp tục tập trung lãnh đạo.' });
    const audit = await sql<{ action: string }>`select action from audit_log where entity = 'report_notes' order by id`.execute(s.store.db);
    assert.deepEqual(
      audit.rows.map((x) => x.action),
      ['create', 'update'],
    );
  });
});

describe('files', () => {
  test('format is checked; a commune cannot download the district', async () => {
    assert.equal((await office.get(query('/api/report/file', { unitId: DISTRICT, period: '2024', format: 'odt' }))).status, 400);
    assert.equal((await xa.get(query('/api/report/file', { unitId: DISTRICT, period: '2024', format: 'docx' }))).status, 403);
  });

  test('PDF: Chromium started once, or 503 in Vietnamese when it is missing', async () => {
    // A server of its own: this one may already hold a browser (DOCX charts are drawn by it too).
    const fresh = await startTestServer();
    const prev = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const client = await signIn(fresh.app, 'vanphong');
      const r = await client.get(query('/api/report/file', { unitId: DISTRICT, period: '2024', format: 'pdf' }));
      assert.equal(r.status, 503, r.text);
      assert.match(r.body.error.message, /Chromium/);
      assert.match(r.body.error.message, /PDF/);
      // A DOCX does not need the browser: it comes without its charts.
      const docx = await client.get(query('/api/report/file', { unitId: DISTRICT, period: '2024', format: 'docx' }));
      assert.equal(docx.status, 200, docx.text);
    } finally {
      if (prev === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = prev;
      await fresh.close();
    }
    const ok = await office.get(query('/api/report/file', { unitId: DISTRICT, period: '2024', format: 'pdf' }));
    assert.equal(ok.status, 200, ok.text.slice(0, 300));
    assert.equal(ok.headers['content-type'], 'application/pdf');
    assert.equal(ok.raw.subarray(0, 5).toString(), '%PDF-');
  });
});
