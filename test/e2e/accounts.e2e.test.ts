/**
 * Tài khoản (quản trị) in real Chromium against the real server with the demo district: quantri adds
 * a data-entry account for xã Hiệp Lực (from 1/7/2025, unit xa-hiep-luc-2025) through the form (a
 * server validation problem is shown under its field first), sees it in the list, signs out; the new
 * account signs in with its password; vanphong has no Tài khoản item and cannot open the page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Browser, DEMO_PASSWORD, launch, screenshot, signIn as signInAt } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const PASSWORD = DEMO_PASSWORD;
const NEW_USER = 'xa.hiepluc';
const NEW_PASSWORD = 'HiepLuc#2026';
const COMMUNE = 'xa-hiep-luc-2025'; // xã Hiệp Lực from 1/7/2025 (demo/ngan-son.workspace.json)

let server: RunningServer;
const browsers: Browser[] = [];

before(async () => {
  server = await startServer();
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

const signIn = (page: Page, username: string, password = PASSWORD): Promise<void> => signInAt(page, server.url, username, password);

const navItem = (page: Page) => page.locator('nav.sidenav a', { hasText: 'Tài khoản' });

test('quản trị adds an account for xã Hiệp Lực; it signs in; văn phòng has no Tài khoản page', { timeout: 180_000 }, async () => {
  const page = await browser();
  await signIn(page, 'quantri');
  await navItem(page).click();
  const table = page.locator('[data-testid=accounts-table]');
  await table.locator('tr[data-username=vanphong]').waitFor();
  const bangvan = table.locator('tr[data-username="xa.bangvan"]');
  await bangvan.locator('td:nth-child(4)', { hasText: 'xã Bằng Vân' }).waitFor(); // unit names arrive after the rows
  assert.equal(await bangvan.locator('td:nth-child(3)').innerText(), 'Nhập liệu');

  await page.click('[data-testid=account-new]');
  const form = page.locator('#account-form');
  await form.locator('input[name=username]').fill('xa hiep luc'); // a space: refused by the server's rule
  await form.locator('input[name=displayName]').fill('Cán bộ nhập liệu xã Hiệp Lực');
  await form.locator('select[name=role]').selectOption('nhap_lieu');
  await form.locator('[data-testid=account-units] [data-testid=unit-picker]').click();
  await page.locator('.picker-pop input').fill('hiep luc');
  await page.locator('.picker-pop .tree-name', { hasText: 'Hiệp Lực' }).first().click();
  await form.locator(`[data-testid=account-units] li[data-unit="${COMMUNE}"]`).waitFor();
  await form.locator('input[name=password]').fill(NEW_PASSWORD);
  await page.click('[data-testid=account-save]');
  await form.locator('[data-field=username] [data-testid=error-username]').waitFor();
  await screenshot(page, '22-accounts-form-error');

  await form.locator('input[name=username]').fill(NEW_USER);
  await page.click('[data-testid=account-save]');
  await page.locator('[data-testid=account-notice]', { hasText: NEW_USER }).waitFor();
  const row = table.locator(`tr[data-username="${NEW_USER}"]`);
  await row.locator('td:nth-child(4)', { hasText: 'xã Hiệp Lực' }).waitFor();
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /Cán bộ nhập liệu xã Hiệp Lực/);
  assert.match(text, /Nhập liệu/);
  assert.match(text, /Có/);
  await screenshot(page, '22-accounts');

  await page.click('header.topbar button.btn-ghost');
  await page.waitForSelector('input[name=username]');

  await signIn(page, NEW_USER, NEW_PASSWORD);
  assert.match(await page.locator('[data-testid=top-user]').innerText(), /Cán bộ nhập liệu xã Hiệp Lực/);
  assert.match(await page.locator('[data-testid=top-unit]').innerText(), /Hiệp Lực/);
  assert.equal(await navItem(page).count(), 0);

  const office = await browser();
  await signIn(office, 'vanphong');
  await office.locator('nav.sidenav a', { hasText: 'Nhật ký' }).waitFor();
  assert.equal(await navItem(office).count(), 0);
  await office.goto(`${server.url}/#/accounts`);
  await office.waitForURL((u) => !u.hash.startsWith('#/accounts'));
  assert.equal(await office.locator('[data-testid=accounts-table]').count(), 0);
});
