/**
 * The Excel entry template: download (hidden keys, stored figures), an unchanged round trip saves
 * nothing, edited cells (numbers or Vietnamese text) become drafts, a broken file is refused whole
 * with every problem by sheet, row and column and nothing written, locked unit-periods are 423.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { multipartFile } from './multipart.ts';
import { type Client, query, signIn, startTestServer, type TestServer } from './support.ts';

let s: TestServer;
let admin: Client;
let xa: Client;
let office: Client;

before(async () => {
  s = await startTestServer();
  admin = await signIn(s.app, 'quantri');
  xa = await signIn(s.app, 'xa.thuongquan');
  office = await signIn(s.app, 'vanphong');
});
after(() => s.close());

async function download(c: Client, unitId: string, period: string): Promise<ExcelJS.Workbook> {
  const r = await c.get(query('/api/entry/template.xlsx', { unitId, period }));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(String(r.headers['content-disposition']), new RegExp(`mau-nhap-${unitId}-${period}\\.xlsx`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
  return wb;
}
async function upload(c: Client, wb: ExcelJS.Workbook | Uint8Array, params: Record<string, string> = {}) {
  const bytes = wb instanceof Uint8Array ? wb : new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const mp = multipartFile('file', 'mau.xlsx', bytes);
  return c.request('POST', query('/api/entry/template.xlsx', params), undefined, { payload: mp.payload, headers: mp.headers });
}
/** Row of an indicator (and option) and column of a unit, found through the hidden keys. */
function locate(ws: ExcelJS.Worksheet, indicator: string, unitId: string, option = ''): { row: number; col: number } {
  let row = -1;
  let col = -1;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === `${indicator}|${option}`) row = n;
  });
  ws.getRow(3).eachCell((cell, n) => {
    if (cell.value === unitId) col = n;
  });
  assert.ok(row > 0 && col > 0, `${indicator}/${unitId} not in the template`);
  return { row, col };
}
const fingerprint = async () =>
  (await sql<{ n: number; v: number }>`select count(*)::int as n, coalesce(sum(version), 0)::int as v from data_values`.execute(s.store.db)).rows[0]!;

describe('Excel template', () => {
  test('the template carries the keys, the units as columns and the stored figures', async () => {
    const wb = await download(admin, 'huyen-ngan-son', '2024');
    assert.equal(wb.worksheets.length, 1);
    const ws = wb.getWorksheet('Nhập liệu')!;
    assert.equal(ws.getColumn(1).hidden, true);
    assert.equal(ws.getRow(3).hidden, true);
    assert.equal(ws.getCell('B3').value, '2024');
    assert.equal(ws.getCell('C3').value, 'huyen-ngan-son');
    assert.equal(ws.getCell('F3').value, 'huyen-ngan-son');
    assert.equal(ws.getCell('F4').value, 'huyện Ngân Sơn');
    const grid = (await admin.get('/api/entry?unitId=huyen-ngan-son&period=2024')).body;
    assert.equal(ws.getRow(3).cellCount - 5, grid.units.length);
    const stored = grid.cells.find((c: { indicator: string; unitId: string }) => c.indicator === 'trong_rung' && c.unitId === 'xa-thuong-quan');
    const at = locate(ws, 'trong_rung', 'xa-thuong-quan');
    assert.equal(ws.getCell(at.row, at.col).value, stored.value);
  });

  test('uploading it unchanged saves nothing', async () => {
    const before = await fingerprint();
    const r = await upload(admin, await download(admin, 'huyen-ngan-son', '2024'));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.saved, 0);
    assert.ok(r.body.unchanged > 100);
    assert.deepEqual(await fingerprint(), before);
  });

  test('edited cells, as numbers or Vietnamese text, are saved as drafts; the rest is left alone', async () => {
    const wb = await download(admin, 'huyen-ngan-son', '2024');
    const ws = wb.worksheets[0]!;
    const a = locate(ws, 'trong_rung', 'xa-thuong-quan');
    ws.getCell(a.row, a.col).value = 80.25;
    const b = locate(ws, 'gieo_trong', 'xa-coc-dan');
    ws.getCell(b.row, b.col).value = '1.234,5';
    const r = await upload(admin, wb, { unitId: 'huyen-ngan-son', period: '2024' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.saved, 2);
    const grid = (await admin.get('/api/entry?unitId=huyen-ngan-son&period=2024&indicators=trong_rung,gieo_trong')).body;
    const cell = (ind: string, unit: string) => grid.cells.find((c: { indicator: string; unitId: string }) => c.indicator === ind && c.unitId === unit);
    assert.deepEqual([cell('trong_rung', 'xa-thuong-quan').value, cell('trong_rung', 'xa-thuong-quan').state], [80.25, 'draft']);
    assert.deepEqual([cell('gieo_trong', 'xa-coc-dan').value, cell('gieo_trong', 'xa-coc-dan').state], [1234.5, 'draft']);
    assert.equal(cell('trong_rung', 'xa-coc-dan').state, 'approved');
    const audit = await admin.get(query('/api/audit', { entity: 'value', entityId: cell('gieo_trong', 'xa-coc-dan').valueId }));
    assert.equal(audit.body.entries[0].reason, 'Nhập từ tệp Excel');
  });

  test('a broken file is refused whole: every problem by sheet, row and column, nothing written', async () => {
    const wb = await download(xa, 'xa-thuong-quan', '2024');
    const ws = wb.worksheets[0]!;
    const good = locate(ws, 'trong_rung', 'xa-thuong-quan');
    ws.getCell(good.row, good.col).value = 99; // a valid change that must not be saved either
    const text = locate(ws, 'gieo_trong', 'xa-thuong-quan');
    ws.getCell(text.row, text.col).value = 'khoảng 100';
    const integer = locate(ws, 'ket_nap', 'xa-thuong-quan');
    ws.getCell(integer.row, integer.col).value = '2,5';
    const extra = ws.rowCount + 2;
    ws.getCell(extra, good.col).value = 5;
    const before = await fingerprint();
    const r = await upload(xa, wb);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, 'validation');
    assert.match(r.body.error.message, /Tệp Excel có 3 lỗi, không có số liệu nào được lưu/);
    const col = ws.getColumn(good.col).letter;
    const fields = [...r.body.error.fields].sort((x: { row: number }, y: { row: number }) => x.row - y.row);
    assert.deepEqual(
      fields.map((f: { path: string; sheet: string; row: number; column: string }) => [f.path, f.sheet, f.row, f.column]),
      [text.row, integer.row, extra].sort((x, y) => x - y).map((row) => [`Nhập liệu!${col}${row}`, 'Nhập liệu', row, col]),
    );
    const byRow = new Map(fields.map((f: { row: number; message: string }) => [f.row, f.message]));
    assert.match(byRow.get(text.row) as string, /"khoảng 100" không phải số/);
    assert.match(byRow.get(integer.row) as string, /nhận số nguyên/);
    assert.match(byRow.get(extra) as string, /không có khóa chỉ số/);
    assert.deepEqual(await fingerprint(), before);
  });

  test('files that are not the template, or not for this unit and period, are refused', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('B2').value = 12;
    const r = await upload(xa, other);
    assert.equal(r.status, 400);
    assert.equal(r.body.error.fields[0].path, 'Sheet1!A3');
    const notXlsx = await upload(xa, new TextEncoder().encode('không phải excel'));
    assert.equal(notXlsx.status, 400);
    assert.match(notXlsx.body.error.message, /Không đọc được tệp/);
    const wrong = await upload(xa, await download(xa, 'xa-thuong-quan', '2024'), { period: '2023' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.fields[0].path, 'Nhập liệu!B3');
    const missing = await xa.request('POST', '/api/entry/template.xlsx', {});
    assert.equal(missing.status, 400);
  });

  test('a locked unit-period refuses the upload with 423; reading roles cannot upload', async () => {
    const wb = await download(xa, 'xa-thuong-quan', '2023');
    const ws = wb.worksheets[0]!;
    const at = locate(ws, 'trong_rung', 'xa-thuong-quan');
    ws.getCell(at.row, at.col).value = 12;
    assert.equal((await upload(xa, wb)).status, 200);
    assert.equal((await xa.post('/api/entry/submit', { unitId: 'xa-thuong-quan', period: '2023' })).status, 200);
    assert.equal((await office.post('/api/entry/approve', { unitId: 'xa-thuong-quan', period: '2023' })).status, 200);
    ws.getCell(at.row, at.col).value = 13;
    const before = await fingerprint();
    const r = await upload(xa, wb);
    assert.equal(r.status, 423, r.text);
    assert.deepEqual(await fingerprint(), before);
    assert.equal((await upload(office, wb)).status, 403);
    const t = await download(xa, 'xa-thuong-quan', '2023');
    assert.match(String(t.worksheets[0]!.getCell('F4').value), /đã khóa/);
  });
});
