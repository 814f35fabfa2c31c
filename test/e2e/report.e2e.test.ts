/**
 * Báo cáo in real Chromium against the real server: the office opens the report of huyện Ngân Sơn 2024,
 * sees the summary sentence, clicks a number and sees the values behind it, writes a free-text part,
 * saves it and downloads the DOCX, which carries it. Screenshot: test-output/screenshots/20-report.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { type Browser, launch, screenshot, signIn as signInAt } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser | null = null;

before(async () => {
  server = await startServer();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('office: preview, a number and its sources, free text saved, DOCX downloaded', { timeout: 180_000 }, async () => {
  browser = await launch({ width: 1366, height: 900 });
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await signInAt(page, server.url, 'vanphong');

  // The navigation has the page.
  await page.locator('nav.sidenav a', { hasText: 'Báo cáo' }).click();
  await page.goto(`${server.url}/#/report?unit=huyen-ngan-son&period=2024`);
  const preview = page.locator('[data-testid=report-preview]');
  await preview.getByText('Có 24/30 chỉ tiêu đạt và vượt', { exact: false }).first().waitFor();
  assert.match((await preview.locator('.doc-type').first().textContent()) ?? '', /BÁO CÁO/);

  // A number with stored values behind it, reached with the keyboard.
  const num = preview.locator('button.traced-num[data-kind=actual]:not([data-sources=""])').first();
  await num.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('[data-testid=source-panel]');
  await panel.waitFor();
  await panel.locator('.source-list li').first().waitFor();
  const sources = (await num.getAttribute('data-sources'))!.split(',');
  assert.equal(await panel.locator('.source-list li').count(), sources.length);
  assert.ok(((await panel.locator('[data-testid=source-unit]').first().textContent()) ?? '').length > 0);
  assert.match((await panel.textContent()) ?? '', /Giá trị/);

  // Free text: write, save, see it in the preview.
  const causes = 'Nguyên nhân chủ quan: công tác phối hợp giữa các ngành còn chậm (thử nghiệm e2e).';
  await page.fill('textarea[name=causes]', causes);
  await page.locator('[data-testid=save-notes]').click();
  await page.locator('[data-testid=notes-status]', { hasText: 'Đã lưu' }).waitFor();
  await preview.locator('[data-free=causes]', { hasText: 'thử nghiệm e2e' }).waitFor();

  await panel.scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, '20-report');

  // DOCX with the saved text.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=download-docx]').click()]);
  assert.match(dl.suggestedFilename(), /^Báo cáo huyện Ngân Sơn năm 2024\.docx$/);
  const file = await dl.path();
  const zip = await JSZip.loadAsync(readFileSync(file!));
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  assert.ok(xml.includes(causes), 'the free text is in the DOCX');
  assert.ok(xml.includes('Có 24/30 chỉ tiêu đạt và vượt'));

  // After a reload the text is still there.
  await page.reload();
  await page.locator('textarea[name=causes]').waitFor();
  assert.equal(await page.locator('textarea[name=causes]').inputValue(), causes);
  assert.deepEqual(errors, []);
});

test('a leader reads the report and the saved text, read-only', { timeout: 120_000 }, async () => {
  const b = await launch({ width: 1366, height: 768 });
  try {
    const page = await b.context.newPage();
    await signInAt(page, server.url, 'lanhdao');
    await page.goto(`${server.url}/#/report?unit=huyen-ngan-son&period=2024`);
    await page.locator('textarea[name=causes]').waitFor();
    assert.match(await page.locator('textarea[name=causes]').inputValue(), /thử nghiệm e2e/);
    assert.equal(await page.locator('textarea[name=causes]').getAttribute('readonly'), '');
    assert.equal(await page.locator('[data-testid=save-notes]').count(), 0);
    await page.getByText('Chỉ Văn phòng cấp ủy và Quản trị được sửa phần tự viết.').waitFor();
  } finally {
    await b.close();
  }
});
