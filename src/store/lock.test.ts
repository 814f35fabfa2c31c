import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { StoreLockedError } from './errors.ts';
import { acquireDataDirLock, LOCK_FILE_NAME } from './lock.ts';

const holder = fileURLToPath(new URL('./testing/hold-lock.ts', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'chitieu-lock-'));
  dirs.push(d);
  return d;
}

/** Starts the helper; resolves once it printed its first line (or exited). */
function startHelper(dir: string, mode: string): Promise<{ child: ChildProcess; firstLine: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
  return new Promise((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      const before = out;
      out += d.toString('utf8');
      if (!before.includes('\n') && out.includes('\n')) resolve({ child, firstLine: out.split('\n')[0]!, exited });
    });
    void exited.then(() => resolve({ child, firstLine: out.split('\n')[0] ?? '', exited }));
  });
}

test('a second process cannot take a held lock and is told which process holds it', async () => {
  const dir = tempDir();
  const lock = acquireDataDirLock(dir);
  try {
    const { exited } = await startHelper(dir, 'try');
    const r = await exited;
    assert.equal(r.code, 3);
    assert.match(r.out, new RegExp(`^Thư mục dữ liệu .+ đang được tiến trình ${process.pid} trên máy .+ sử dụng`));
    assert.match(r.out, /xóa tệp .+chitieu\.lock/);
  } finally {
    lock.release();
  }
  assert.equal(existsSync(join(dir, LOCK_FILE_NAME)), false);
});

test('this process cannot take a lock a live process holds; the error names that process', async () => {
  const dir = tempDir();
  const { child, firstLine, exited } = await startHelper(dir, 'hold');
  assert.equal(firstLine, 'ready');
  assert.throws(
    () => acquireDataDirLock(dir),
    (e) => e instanceof StoreLockedError && e.code === 'locked' && e.holder?.pid === child.pid && e.message.includes(`tiến trình ${child.pid}`),
  );
  child.kill('SIGTERM');
  const r = await exited;
  assert.equal(r.signal, 'SIGTERM');
  assert.equal(existsSync(join(dir, LOCK_FILE_NAME)), false, 'SIGTERM releases the lock');
});

test('the lock of a process killed with SIGKILL is stale and taken over', async () => {
  const dir = tempDir();
  const { child, exited } = await startHelper(dir, 'hold');
  child.kill('SIGKILL');
  await exited;
  const file = join(dir, LOCK_FILE_NAME);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).pid, child.pid, 'a killed process leaves its lock behind');
  const lock = acquireDataDirLock(dir);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).pid, process.pid);
  lock.release();
});

test('a process that exits without releasing still removes its lock', async () => {
  const dir = tempDir();
  const { exited } = await startHelper(dir, 'exit');
  assert.equal((await exited).code, 0);
  assert.equal(existsSync(join(dir, LOCK_FILE_NAME)), false);
});

test('one process cannot take the same lock twice; release makes it free again', () => {
  const dir = tempDir();
  const lock = acquireDataDirLock(dir);
  assert.throws(() => acquireDataDirLock(dir), StoreLockedError);
  lock.release();
  lock.release();
  acquireDataDirLock(dir).release();
});

test('a reused pid (same pid, another process start) is stale', () => {
  const dir = tempDir();
  const file = join(dir, LOCK_FILE_NAME);
  const mine = acquireDataDirLock(dir);
  const real = JSON.parse(readFileSync(file, 'utf8'));
  mine.release();
  writeFileSync(file, JSON.stringify({ ...real, procStart: '1' }));
  const lock = acquireDataDirLock(dir);
  assert.notEqual(JSON.parse(readFileSync(file, 'utf8')).procStart, '1');
  lock.release();
});

test('a lock held from another host is never taken over; an unreadable one neither', () => {
  const dir = tempDir();
  const file = join(dir, LOCK_FILE_NAME);
  writeFileSync(file, JSON.stringify({ pid: 999999, host: 'may-khac', since: '2026-01-01T00:00:00.000Z', procStart: null }));
  assert.throws(() => acquireDataDirLock(dir), (e) => e instanceof StoreLockedError && /tiến trình 999999 trên máy may-khac/.test(e.message));
  writeFileSync(file, 'rác');
  assert.throws(() => acquireDataDirLock(dir), (e) => e instanceof StoreLockedError && /không đọc được tệp khóa/.test(e.message));
});
