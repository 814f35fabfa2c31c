/**
 * The web server under load: starts `src/server/main.ts` on a fresh temporary data directory (the demo
 * district and its accounts are created on first start), signs in, and runs autocannon against the
 * dashboard evaluation and the entry grid, with the trivial GET /api/health as the baseline measured in
 * the same run (figures are given as ratios to it). Also reports the JavaScript the first page loads
 * (script and modulepreload tags of dist-web/index.html), raw and gzip. Asserts nothing.
 *
 *   node --import tsx bench/web.bench.ts [--seconds 10] [--connections 50]
 *
 * The server and autocannon share the machine: on 2 cores they compete, as they would not in
 * production; the ratios are what to compare between runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}
interface Result {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  non2xx: number;
  timeouts: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const seconds = Number(arg('--seconds', '10'));
const connections = Number(arg('--connections', '50'));
const port = 3400 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
const root = new URL('..', import.meta.url).pathname;

// --- the first page's JavaScript -------------------------------------------------------------
function firstPageJs(): { files: { name: string; raw: number; gzip: number }[]; css: { raw: number; gzip: number } } | null {
  const dir = join(root, 'dist-web');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const js = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const size = (href: string) => {
    const bytes = readFileSync(join(dir, href.replace(/^\//, '')));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const cssSizes = css.map(size);
  return {
    files: [...new Set(js)].map((href) => ({ name: href, ...size(href) })),
    css: { raw: cssSizes.reduce((a, b) => a + b.raw, 0), gzip: cssSizes.reduce((a, b) => a + b.gzip, 0) },
  };
}

// --- the server ----------------------------------------------------------------------------
const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-bench-web-'));
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
  env: { ...process.env, CHITIEU_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'error' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const started = Date.now();
await new Promise<void>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('Dừng:')) resolve();
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
});
const startMs = Date.now() - started;

async function stop(): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}

try {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'vanphong', password: 'chitieu2025' }) });
  if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const headers = { cookie };

  // The baseline is public and needs no session; /api/auth/me adds only the session check.
  const targets = [
    { name: 'GET /api/health (baseline, no session)', path: '/api/health', signedIn: false },
    { name: 'GET /api/auth/me (session check only)', path: '/api/auth/me', signedIn: true },
    { name: 'GET /api/evaluation (huyện, 2024)', path: '/api/evaluation?unitId=huyen-ngan-son&period=2024', signedIn: true },
    { name: 'GET /api/entry (huyện + 10 xã, 2024)', path: '/api/entry?unitId=huyen-ngan-son&period=2024', signedIn: true },
  ];
  // One request each first: the figures below are steady state, not first-call costs.
  for (const t of targets) {
    const r = await fetch(base + t.path, { headers: t.signedIn ? headers : {} });
    const body = await r.text();
    if (!r.ok) throw new Error(`${t.path}: ${r.status} ${body.slice(0, 200)}`);
    (t as { bytes?: number }).bytes = Buffer.byteLength(body);
  }
  const results: { name: string; r: Result; bytes: number }[] = [];
  for (const t of targets) {
    const r = await autocannon({ url: base + t.path, connections, duration: seconds, ...(t.signedIn ? { headers } : {}) });
    results.push({ name: t.name, r, bytes: (t as { bytes?: number }).bytes ?? 0 });
  }
  const baseline = results[0]!.r.requests.average;

  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; server and autocannon on the same machine.`);
  console.log(`Server start on a fresh data directory (initdb, demo import, accounts): ${(startMs / 1000).toFixed(1)} s`);
  console.log(`autocannon: ${connections} connections, ${seconds} s per endpoint, signed in as vanphong.\n`);
  console.log('| endpoint | response | req/s | × baseline | latency p50 | p97.5 | p99 | errors+timeouts / non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, r, bytes } of results)
    console.log(
      `| ${name} | ${(bytes / 1024).toFixed(1)} KiB | ${r.requests.average.toFixed(0)} | ${(r.requests.average / baseline).toFixed(3)} | ${r.latency.p50} ms | ${r.latency.p97_5} ms | ${r.latency.p99} ms | ${r.errors + r.timeouts} / ${r.non2xx} |`,
    );

  const js = firstPageJs();
  if (!js) console.log('\n(dist-web/ missing: run `npm run build:web` for the first-page size)');
  else {
    const raw = js.files.reduce((a, f) => a + f.raw, 0);
    const gz = js.files.reduce((a, f) => a + f.gzip, 0);
    console.log('\nJavaScript loaded by the first page (script + modulepreload tags of dist-web/index.html):\n');
    console.log('| file | raw | gzip |');
    console.log('|---|---:|---:|');
    for (const f of js.files) console.log(`| ${f.name} | ${(f.raw / 1024).toFixed(1)} KiB | ${(f.gzip / 1024).toFixed(1)} KiB |`);
    console.log(`| **total** | **${(raw / 1024).toFixed(1)} KiB** | **${(gz / 1024).toFixed(1)} KiB** |`);
    console.log(`\nCSS of the first page: ${(js.css.raw / 1024).toFixed(1)} KiB raw, ${(js.css.gzip / 1024).toFixed(1)} KiB gzip.`);
  }
} finally {
  await stop();
}
