/**
 * "Đọc văn bản" in real Chromium against the real server: the Huyện ủy office pastes seed article 000,
 * sees the figures highlighted and the checker's findings, picks "32,88ha" (forest planting), sets its
 * indicator, unit and period, imports it as a draft after the confirmation, and the API shows the draft
 * with the article and the span as its provenance. Screenshot: test-output/screenshots/21-reading.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type Browser, DEMO_PASSWORD, launch, screenshot, signIn as signInAt } from './support/browser.ts';
import { apiSession, ROOT, type RunningServer, startServer } from './support/server.ts';

const PASSWORD = DEMO_PASSWORD;
const SEED = readFileSync(new URL('../shared/seeds/000_e02f0c8d98654038.txt', `file://${ROOT}`), 'utf8');

let server: RunningServer;
let b: Browser | null = null;

before(async () => {
  server = await startServer();
});
after(async () => {
  await b?.close();
  await server?.stop();
});

test('paste a seed article, see highlights and findings, import one figure as a draft with its provenance', { timeout: 180_000 }, async () => {
  b = await launch({ width: 1366, height: 768 });
  const page = await b.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInAt(page, server.url, 'vanphong');

  await page.click('nav.sidenav a[href="#/reading"]');
  await page.fill('textarea[name=text]', SEED);
  await page.click('[data-testid=analyse]');
  const text = page.locator('[data-testid=reading-text]');
  await text.locator('.rd-fact').first().waitFor();
  const kinds = new Set(await text.locator('.rd-fact').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))));
  assert.ok(kinds.has('actual') && kinds.has('percent_of_plan') && kinds.has('ratio'), [...kinds].join(','));
  const forest = text.locator('.rd-fact', { hasText: '32,88ha' });
  assert.match((await forest.getAttribute('title')) ?? '', /32,88 ha · thực hiện/);

  // A finding: clicking it highlights its spans in the text.
  const findings = page.locator('.rd-finding');
  assert.ok((await findings.count()) >= 1);
  await findings.first().click();
  await text.locator('.rd-hit').first().waitFor();

  // The review row of "32,88ha": indicator and unit suggested; the period set by hand.
  const row = page.locator('tr[data-row]', { has: page.locator('.rd-fact', { hasText: '32,88ha' }) });
  assert.equal(await row.locator('select[name=indicator]').inputValue(), 'trong_rung');
  assert.equal(await row.locator('select[name=unit]').inputValue(), 'huyen-ngan-son');
  assert.equal(await row.locator('input[name=period]').inputValue(), 'năm 2025');
  await row.locator('input[type=checkbox]').check();
  await row.locator('select[name=indicator]').selectOption('trong_rung');
  await row.locator('select[name=unit]').selectOption('huyen-ngan-son');
  await row.locator('input[name=period]').fill('tháng 3/2025');
  await row.locator('.small', { hasText: 'Tháng 3/2025' }).or(row.locator('.small', { hasText: 'tháng 3/2025' })).first().waitFor();
  await page.fill('input[name=document]', 'Bài viết hội nghị quý I/2025 (seed 000)');

  await page.click('[data-testid=import]');
  const list = page.locator('[data-testid=confirm-list]');
  await list.waitFor();
  const listText = await list.innerText();
  assert.match(listText, /Diện tích trồng rừng mới/);
  assert.match(listText, /32,88/);
  assert.equal(await list.locator('tbody tr').count(), 1);
  await page.click('[data-testid=confirm-import]');
  const done = page.locator('[data-testid=import-result]');
  await done.waitFor();
  assert.match(await done.innerText(), /Đã tạo 1 số liệu nháp/);

  await findings.first().scrollIntoViewIfNeeded();
  await screenshot(page, '21-reading');

  // The API: a draft in the grid, with the article and the span as its provenance.
  const api = await apiSession(server.url, 'vanphong', PASSWORD);
  const grid = await api.call('GET', '/api/entry?unitId=huyen-ngan-son&period=2025-M03&indicators=trong_rung');
  assert.equal(grid.status, 200, JSON.stringify(grid.body));
  const cell = (grid.body as { cells: { indicator: string; unitId: string; value: number; state: string; valueId: string }[] }).cells.find((c) => c.indicator === 'trong_rung' && c.unitId === 'huyen-ngan-son');
  assert.ok(cell);
  assert.equal(cell.value, 32.88);
  assert.equal(cell.state, 'draft');
  const v = await api.call('GET', `/api/reading/values/${cell.valueId}`);
  assert.equal(v.status, 200);
  const src = (v.body as { source: { document: string; place: string; note: string } }).source;
  assert.equal(src.document, 'Bài viết hội nghị quý I/2025 (seed 000)');
  const start = SEED.normalize('NFC').indexOf('32,88ha');
  assert.equal(src.place, `ký tự ${start}–${start + '32,88ha'.length}`);
  assert.match(src.note, /32,88ha/);

  // The link opens the entry grid on that unit and period.
  await done.locator('a').click();
  await page.waitForURL(/#\/entry\?.*period=2025-M03/);
  assert.deepEqual(errors, []);
});
