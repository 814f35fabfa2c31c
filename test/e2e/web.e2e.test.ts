/**
 * The web UI in real Chromium against the real server (src/server/main.ts) on a free port with a fresh
 * data directory holding the demo district (huyện Ngân Sơn) and its demo accounts.
 *
 * Set-up through the API (as the Huyện ủy office): an annual resolution for 2026 of the new xã Bằng Vân
 * with one target, "Trồng mới 40 ha rừng", so that the commune's figure decides its status.
 * Screenshots of the main pages go to test-output/screenshots/ (1366×768).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { type Browser, DEMO_PASSWORD, launch, screenshot, signIn as signInAt } from './support/browser.ts';
import { apiSession, type RunningServer, startServer } from './support/server.ts';

const PASSWORD = DEMO_PASSWORD;
const COMMUNE = 'xa-bang-van-2025'; // xã Bằng Vân from 1/7/2025, account xa.bangvan
const OTHER_COMMUNE = 'xa-thuong-quan'; // account xa.thuongquan; not in xa.bangvan's scope
const RESOLUTION = 'e2e-nq-2026-xa-bang-van';
const TARGET = `${RESOLUTION}-kt01`;
const cell = (indicator: string, unitId: string) => `td.cell[data-indicator="${indicator}"][data-unit="${unitId}"]`;

let server: RunningServer;
const browsers: Browser[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'chitieu-e2e-files-'));

before(async () => {
  server = await startServer();
  const office = await apiSession(server.url, 'vanphong', PASSWORD);
  const r = await office.call('POST', '/api/resolutions', {
    id: RESOLUTION,
    number: '01-NQ/ĐU',
    title: 'Nghị quyết của Ban Chấp hành Đảng bộ xã Bằng Vân về nhiệm vụ năm 2026',
    issuerId: 'db-xa-bang-van-2025',
    issuedOn: '2026-01-05',
    scope: { kind: 'year', year: 2026 },
    targets: [{ id: TARGET, code: 'KT01', indicator: 'trong_rung', wording: 'Trồng mới 40 ha rừng', basis: { kind: 'level' }, rule: { op: 'min', value: 40 } }],
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
});

after(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

async function browser(): Promise<Page> {
  const b = await launch({ width: 1366, height: 768 });
  browsers.push(b);
  const page = await b.context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  return page;
}

const signIn = (page: Page, username: string): Promise<void> => signInAt(page, server.url, username);

/** The message of the entry page after an action. */
async function notice(page: Page, re: RegExp): Promise<void> {
  await page.locator('[data-testid=entry-notice]', { hasText: re }).waitFor();
}

async function targetStatus(page: Page, unitId: string, period: string): Promise<string | null> {
  await page.goto(`${server.url}/#/dashboard?unit=${unitId}&period=${period}&resolution=${RESOLUTION}`);
  const row = page.locator(`tr[data-target="${TARGET}"]`);
  await row.waitFor();
  return row.getAttribute('data-status');
}

test('sign in, the dashboard of the district, a target history, the main pages', { timeout: 180_000 }, async () => {
  const page = await browser();
  await page.goto(server.url);
  await page.waitForSelector('input[name=username]');
  await screenshot(page, '01-sign-in');
  await page.fill('input[name=username]', 'vanphong');
  await page.fill('input[name=password]', 'sai-mat-khau');
  await page.click('button[type=submit]');
  await page.locator('.alert-error').waitFor();
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=top-user]');
  assert.match(await page.locator('[data-testid=top-user]').innerText(), /Văn phòng Huyện ủy Ngân Sơn/);

  await page.goto(`${server.url}/#/dashboard?unit=huyen-ngan-son&period=2024`);
  const sentence = page.locator('[data-testid=summary-sentence]');
  await sentence.waitFor();
  assert.equal(await sentence.innerText(), 'Có 24/30 chỉ tiêu đạt và vượt, trong đó có 09 chỉ tiêu vượt, 15 chỉ tiêu đạt; 06 chỉ tiêu không đạt.');
  assert.equal(await page.locator('[data-testid=targets-table] tr[data-target]').count(), 30);
  await screenshot(page, '02-dashboard');

  // Export of the table.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  const exported = join(tmp, 'export.xlsx');
  await xlsx.saveAs(exported);
  assert.ok(readFileSync(exported).length > 1000);

  // A target's history, with the charts (ECharts is loaded on demand).
  await page.locator('[data-testid=targets-table] tr[data-target]').first().click();
  await page.locator('[data-testid=target-detail] .chart[data-ready=true]').first().waitFor();
  await page.waitForTimeout(300);
  await screenshot(page, '03-target-history');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=target-detail]').waitFor({ state: 'detached' });

  await page.goto(`${server.url}/#/entry?unit=huyen-ngan-son&period=2024`);
  await page.locator('[data-testid=entry-grid] td.cell').first().waitFor();
  await screenshot(page, '04-entry-grid');

  await page.goto(`${server.url}/#/resolutions`);
  await page.locator('[data-testid=resolutions-table] tbody tr').first().waitFor();
  await screenshot(page, '05-resolutions');
  await page.locator('[data-testid=resolutions-table] tbody tr', { hasText: 'nhiệm vụ năm 2024' }).first().click();
  await page.locator('[data-testid=targets-def-table]').waitFor();
  await screenshot(page, '06-resolution');

  // A merged commune: its predecessors and its yearly figures rebuilt from them.
  await page.goto(`${server.url}/#/units?unit=xa-ngan-son-2025&at=2025-07-01`);
  await page.locator('[data-testid=unit-detail]', { hasText: 'thị trấn Vân Tùng' }).waitFor();
  await page.locator('[data-testid=unit-history] select').selectOption('trong_rung');
  await page.locator('[data-testid=unit-history] button[type=submit]').click();
  await page.locator('[data-testid=unit-history] table tbody tr').first().waitFor();
  await screenshot(page, '07-units');

  await page.goto(`${server.url}/#/audit`);
  await page.locator('[data-testid=audit-table] tbody tr').first().waitFor();
  await screenshot(page, '08-audit');

  // A tablet: the navigation collapses to icons, the pages stay usable.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(`${server.url}/#/dashboard?unit=huyen-ngan-son&period=2024`);
  await page.locator('[data-testid=summary-sentence]').waitFor();
  assert.equal(await page.locator('.sidenav a span').first().isVisible(), false);
  await screenshot(page, '15-tablet-dashboard');
  await page.setViewportSize({ width: 1366, height: 768 });

  // English, remembered across a reload.
  await page.locator('.lang-switch select').selectOption('en');
  await page.locator('.sidenav a', { hasText: 'Overview' }).waitFor();
  await page.reload();
  await page.locator('.sidenav a', { hasText: 'Audit log' }).waitFor();
  await page.locator('.lang-switch select').selectOption('vi');
  await page.locator('.sidenav a', { hasText: 'Tổng quan' }).waitFor();
});

test('Excel template: download, fill with exceljs, upload (errors by sheet, row, column; then saved)', { timeout: 120_000 }, async () => {
  const page = await browser();
  await signIn(page, 'xa.bangvan');
  await page.goto(`${server.url}/#/entry?unit=${COMMUNE}&period=2026-Q2`);
  await page.locator(cell('trong_rung', COMMUNE)).waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=template-download]')]);
  const file = join(tmp, dl.suggestedFilename());
  await dl.saveAs(file);

  const fill = async (value: string | number, out: string): Promise<{ sheet: string; row: number }> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    // The template's hidden keys: column A names the indicator of each row, a header row names the unit of each column.
    let row = 0;
    let col = 0;
    ws.eachRow((r, i) => {
      if (String(r.getCell(1).value ?? '').startsWith('trong_rung|')) row = i;
      r.eachCell((c, j) => {
        if (c.value === COMMUNE && j > 1) col = j;
      });
    });
    assert.ok(row > 0 && col > 0, 'row of trong_rung and column of the commune in the template');
    ws.getCell(row, col).value = value;
    await wb.xlsx.writeFile(out);
    return { sheet: ws.name, row };
  };

  const bad = join(tmp, 'bad.xlsx');
  const where = await fill('mười hai', bad);
  await page.setInputFiles('[data-testid=template-file]', bad);
  const errors = page.locator('[data-testid=upload-errors]');
  await errors.waitFor();
  const text = await errors.innerText();
  assert.ok(text.includes(where.sheet), text);
  assert.ok(text.includes(String(where.row)), text);
  await screenshot(page, '09-template-errors');

  const good = join(tmp, 'good.xlsx');
  await fill(12.5, good);
  await page.setInputFiles('[data-testid=template-file]', good);
  await notice(page, /Đã nạp tệp/);
  const c = page.locator(cell('trong_rung', COMMUNE));
  await c.filter({ hasText: '12,5' }).waitFor();
  assert.equal(await c.getAttribute('data-state'), 'draft');

  // A block pasted from a spreadsheet (tab and newline separated, English decimals accepted when pasted).
  await page.goto(`${server.url}/#/entry?unit=${COMMUNE}&period=2026-Q3`);
  const q3 = page.locator(cell('trong_rung', COMMUNE));
  await q3.click();
  await page.locator('[data-testid=entry-grid]').evaluate((grid, text) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => object;
    };
    const data = new g.DataTransfer();
    data.setData('text/plain', text);
    (grid as unknown as { dispatchEvent(e: object): boolean }).dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, '1440.5\t9\n');
  await notice(page, /Đã dán 1 ô\. 1 ô bị bỏ qua/);
  await q3.filter({ hasText: '1.440,5' }).waitFor();
  assert.equal(await q3.getAttribute('aria-invalid'), null);
});

test('a commune account is refused another commune: no access in the UI, 403 from the API', { timeout: 60_000 }, async () => {
  const page = await browser();
  await signIn(page, 'xa.bangvan');
  await page.goto(`${server.url}/#/dashboard?unit=${OTHER_COMMUNE}&period=2024`);
  await page.locator('[data-testid=no-access]').waitFor();
  assert.match(await page.locator('[data-testid=no-access]').innerText(), /Không có quyền truy cập/);
  await screenshot(page, '10-no-access');
  await page.goto(`${server.url}/#/entry?unit=${OTHER_COMMUNE}&period=2024`);
  await page.locator('[data-testid=no-access]').waitFor();
  assert.equal(await page.locator('[data-testid=entry-grid]').count(), 0);

  // Crafted requests with the commune's own session and CSRF token.
  const statuses = await page.evaluate(async (other) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
    const put = await fetch('/api/entry', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ period: '2024', cells: [{ indicator: 'trong_rung', unitId: other, option: null, value: 1, status: 'thuc_hien', note: null, version: null }] }),
    });
    const grid = await fetch(`/api/entry?unitId=${other}&period=2024`);
    const evaluation = await fetch(`/api/evaluation?unitId=${other}&period=2024`);
    const submit = await fetch('/api/entry/submit', { method: 'POST', headers, body: JSON.stringify({ unitId: other, period: '2024' }) });
    return [put.status, grid.status, evaluation.status, submit.status];
  }, OTHER_COMMUNE);
  assert.deepEqual(statuses, [403, 403, 403, 403]);
});

test('a concurrent edit is refused: the second save shows the stored value, nothing typed is lost', { timeout: 120_000 }, async () => {
  const a = await browser();
  const b = await browser();
  await signIn(a, 'xa.bangvan');
  await signIn(b, 'xa.bangvan');
  for (const p of [a, b]) {
    await p.goto(`${server.url}/#/entry?unit=${COMMUNE}&period=2026-Q1`);
    await p.locator(cell('trong_rung', COMMUNE)).waitFor();
  }
  await a.locator(cell('trong_rung', COMMUNE)).click();
  await a.keyboard.type('10,25');
  await a.keyboard.press('Enter');
  await b.locator(cell('trong_rung', COMMUNE)).click();
  await b.keyboard.type('20');
  await b.keyboard.press('Enter');

  await a.click('[data-testid=save-draft]');
  await notice(a, /Đã lưu nháp 1 ô/);
  await b.click('[data-testid=save-draft]');
  const conflict = b.locator('[data-testid=conflict]');
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /Số liệu đã được người khác sửa/);
  assert.match(await b.locator('[data-testid=conflict-current]').innerText(), /10,25/);
  assert.match(await b.locator('[data-testid=conflict-mine]').innerText(), /^20$/);
  assert.match((await b.locator(cell('trong_rung', COMMUNE)).innerText()).trim(), /^20/);
  await screenshot(b, '11-conflict');

  // Keep mine: the next save starts from the stored version and goes through.
  await b.click('[data-testid=keep-mine]');
  await b.click('[data-testid=save-draft]');
  await notice(b, /Đã lưu nháp 1 ô/);
  await a.reload();
  await a.locator(cell('trong_rung', COMMUNE)).filter({ hasText: /^\s*20\s*$/ }).waitFor();
});

test('a commune enters and submits a figure, the office approves it, the dashboard status changes', { timeout: 180_000 }, async () => {
  const commune = await browser();
  await signIn(commune, 'xa.bangvan');
  assert.equal(await targetStatus(commune, COMMUNE, '2026'), 'chua_co_so_lieu');

  await commune.goto(`${server.url}/#/entry?unit=${COMMUNE}&period=2026`);
  const c = commune.locator(cell('trong_rung', COMMUNE));
  await c.waitFor();
  // A dot is not a decimal point: red, with the Vietnamese message, and not sent.
  await c.click();
  await commune.keyboard.type('45.5');
  await commune.keyboard.press('Enter');
  await commune.keyboard.press('ArrowUp');
  assert.equal(await c.getAttribute('aria-invalid'), 'true');
  assert.match(await commune.locator('[data-testid=cell-error]').innerText(), /không phải là số viết theo kiểu Việt Nam/);
  await commune.click('[data-testid=save-draft]');
  await notice(commune, /1 ô có lỗi, chưa được gửi/);
  await screenshot(commune, '12-entry-invalid');
  // Fixed from the keyboard: Enter edits, the text is replaced.
  await c.click();
  await commune.keyboard.press('Enter');
  await commune.keyboard.press('Control+A');
  await commune.keyboard.type('45,5');
  await commune.keyboard.press('Enter');
  await commune.keyboard.press('ArrowUp');
  await commune.keyboard.press('Alt+2'); // ước thực hiện
  await commune.keyboard.press('Control+S');
  await notice(commune, /Đã lưu nháp 1 ô/);
  await commune.locator(`${cell('trong_rung', COMMUNE)}[data-state="draft"]`).waitFor();
  await commune.click('[data-testid=submit]');
  await notice(commune, /Đã gửi duyệt/);
  await commune.locator('[data-testid=unit-state]', { hasText: 'Chờ duyệt' }).waitFor();
  // Submitted, not approved: the dashboard does not count it yet.
  assert.equal(await targetStatus(commune, COMMUNE, '2026'), 'chua_co_so_lieu');

  const office = await browser();
  await signIn(office, 'vanphong');
  await office.goto(`${server.url}/#/entry?unit=${COMMUNE}&period=2026`);
  await office.locator(cell('trong_rung', COMMUNE)).waitFor();
  assert.equal(await office.locator('[data-testid=submit]').count(), 0, 'the office does not submit');
  await office.click('[data-testid=approve]');
  await notice(office, /Đã duyệt/);
  await office.locator('[data-testid=unit-state]', { hasText: 'Đã duyệt, khóa' }).waitFor();
  assert.equal(await office.locator(cell('trong_rung', COMMUNE)).getAttribute('aria-readonly'), 'true');
  await screenshot(office, '13-entry-approved');

  assert.equal(await targetStatus(office, COMMUNE, '2026'), 'vuot');
  assert.equal(
    await office.locator('[data-testid=summary-sentence]').innerText(),
    'Có 01/01 chỉ tiêu đạt và vượt, trong đó có 01 chỉ tiêu vượt.',
  );
  await screenshot(office, '14-dashboard-after-approval');

  // The commune's cell is now read-only: typing does not open an editor.
  await commune.goto(`${server.url}/#/entry?unit=${COMMUNE}&period=2026`);
  await commune.locator(cell('trong_rung', COMMUNE)).click();
  await commune.keyboard.type('9');
  assert.equal(await commune.locator('.cell-input').count(), 0);
  assert.equal(await commune.locator('[data-testid=save-draft]').isDisabled(), true);
  // Its history on demand (Alt+H): who, when, old → new.
  await commune.keyboard.press('Alt+H');
  const history = commune.locator('[data-testid=history]');
  await history.waitFor();
  assert.match(await history.innerText(), /45,5/);
});

