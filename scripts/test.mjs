#!/usr/bin/env node
// The whole test suite: unit tests, database tests on PGlite and then on a real PostgreSQL, browser
// tests. Prints node's own report for each run and ends with one line "N passed, N failed".
//
//   npm test                    everything
//   npm test -- --only unit     only the pure tests (no database, no browser)
//   npm test -- --only db       database tests (PGlite and PostgreSQL)
//   npm test -- --no-pg         skip the PostgreSQL run (no server on this machine)
//
// PostgreSQL: TEST_DATABASE_URL (or DATABASE_URL) names a server; otherwise a throwaway one is started
// from Debian's packages when they are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const noPg = args.includes('--no-pg');

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out;
}
const all = [...walk(join(root, 'src')), ...walk(join(root, 'test')), ...walk(join(root, 'web'))].sort();
const isDb = (f) => /\.db\.test\.tsx?$/.test(f);
const isE2e = (f) => /\.e2e\.test\.tsx?$/.test(f);
const groups = {
  unit: all.filter((f) => !isDb(f) && !isE2e(f)),
  db: all.filter(isDb),
  e2e: all.filter(isE2e),
};

const totals = { pass: 0, fail: 0, skipped: 0, todo: 0 };
const outDir = mkdtempSync(join(tmpdir(), 'chitieu-test-'));
let runNo = 0;

function runNodeTests(label, files, env = {}) {
  if (files.length === 0) return;
  runNo++;
  const tap = join(outDir, `run-${runNo}.tap`);
  console.log(`\n=== ${label}: ${files.length} tệp kiểm thử`);
  const r = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      '--test', '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => {
    const m = text.match(new RegExp(`^# ${k} (\\d+)$`, 'm'));
    return m ? Number(m[1]) : 0;
  };
  const pass = count('pass');
  let fail = count('fail') + count('cancelled');
  if (r.status !== 0 && fail === 0) fail = 1; // the runner itself failed (crash, syntax error)
  totals.pass += pass;
  totals.fail += fail;
  totals.skipped += count('skipped');
  totals.todo += count('todo');
  console.log(`--- ${label}: ${pass} passed, ${fail} failed`);
}

if (!only || only === 'unit') runNodeTests('Kiểm thử thuần (core, extract, report)', groups.unit);
if (!only || only === 'db') {
  runNodeTests('Cơ sở dữ liệu: PGlite', groups.db, { CHITIEU_TEST_DB: 'pglite' });
  if (!noPg) {
    let url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    let stop = null;
    if (!url) {
      const { hasLocalPostgres, startLocalPostgres } = await import('../test/support/local-postgres.ts');
      if (hasLocalPostgres()) {
        const pg = startLocalPostgres();
        url = pg.url;
        stop = pg.stop;
      }
    }
    if (url) {
      try {
        runNodeTests('Cơ sở dữ liệu: PostgreSQL', groups.db, { CHITIEU_TEST_DB: 'pg', TEST_DATABASE_URL: url });
      } finally {
        stop?.();
      }
    } else {
      console.log('\n!!! Không có PostgreSQL: bỏ qua lượt chạy trên PostgreSQL (đặt TEST_DATABASE_URL hoặc cài postgresql).');
      totals.fail += 1;
    }
  }
}
if (!only || only === 'e2e') runNodeTests('Trình duyệt (Chromium)', groups.e2e);

console.log(`\n${totals.pass} passed, ${totals.fail} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.fail === 0 && totals.pass > 0 ? 0 : 1);
