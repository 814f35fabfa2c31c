/**
 * An exclusive lock on a data directory. PGlite takes no lock of its own: two processes opening the
 * same directory both write and corrupt it (stack-notes §5). So the store holds a lock file
 * `<dataDir>/chitieu.lock` for as long as it is open, naming the holder (pid, host, start time).
 *
 * A lock whose holder died (kill -9, power cut) is stale: on the same host we can tell (the pid is
 * gone, or it now belongs to a different process) and take it over. On another host (a shared network
 * folder) we cannot, and the user is told which file to delete.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { type LockHolder, StoreLockedError } from './errors.ts';

export const LOCK_FILE_NAME = 'chitieu.lock';

export interface DataDirLock {
  file: string;
  holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes the lock on `dataDir` (created if missing) or throws {@link StoreLockedError}.
 * The lock is released by `release()`, and on process exit or SIGINT/SIGTERM/SIGHUP as a fallback.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), procStart: procStartOf(process.pid) };
  const text = `${JSON.stringify(holder)}\n`;
  // Two attempts: the second one after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, text)) return register(file, text, holder);
    const seen = readLock(file);
    if (seen === null) continue; // the holder released it between our two calls: try again
    if (!isStale(seen.holder) || !removeStale(file, seen.text)) throw new StoreLockedError(dir, file, seen.holder);
  }
  throw new StoreLockedError(dir, file, readLock(file)?.holder ?? null);
}

/**
 * Creates the lock file with its full content in one step: the content goes to a private temporary
 * file, then link(2) gives it the lock's name. link fails when the name exists, exactly like an
 * O_EXCL create, and no one can ever read a half-written lock.
 */
function tryCreate(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if (isErrno(e, 'EEXIST')) return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/** The lock's content, or null when there is no lock file. A file we cannot parse has holder null. */
function readLock(file: string): { text: string; holder: LockHolder | null } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return null;
    throw e;
  }
  return { text, holder: parseHolder(text) };
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.since !== 'string') return null;
    return { pid: h.pid, host: h.host, since: h.since, procStart: typeof h.procStart === 'string' ? h.procStart : null };
  } catch (e) {
    // An unreadable lock is treated as held (never stale): the caller reports it; dropping the
    // parse error is safe because the file's raw state is what we report.
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

/** Stale = same host, and the pid no longer runs or now runs another program (pid reuse). */
export function isStale(h: LockHolder | null): boolean {
  if (!h || h.host !== hostname()) return false;
  if (!isAlive(h.pid)) return true;
  const now = procStartOf(h.pid);
  return h.procStart !== null && now !== null && now !== h.procStart;
}

/**
 * Removes a stale lock without ever removing a live one: the file is renamed aside (atomic, only one
 * process wins) and checked; if it is no longer the stale content we saw, someone took the lock in the
 * meantime and it is linked back (link never overwrites).
 */
function removeStale(file: string, staleText: string): boolean {
  const aside = `${file}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return true; // someone else removed it already: retry the create
    throw e;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved === staleText) {
    unlinkSync(aside);
    return true;
  }
  try {
    linkSync(aside, file);
  } catch (e) {
    // A third process created a lock meanwhile; its lock stands and the moved one is lost. Its
    // holder will not find its file on release, which is harmless (release checks the content).
    if (!isErrno(e, 'EEXIST')) throw e;
  }
  unlinkSync(aside);
  return false;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    if (isErrno(e, 'ESRCH')) return false;
    if (isErrno(e, 'EPERM')) return true; // it exists but belongs to another user
    throw e;
  }
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null off Linux. */
function procStartOf(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (e) {
    // No /proc (macOS, Windows) or the process just ended: pid liveness alone decides.
    if (isErrno(e, 'ENOENT') || isErrno(e, 'ESRCH') || isErrno(e, 'EACCES')) return null;
    throw e;
  }
  // The command name (field 2) may contain spaces and parentheses: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === code;
}

// ---------------------------------------------------------------------------------------------
// Release on exit: one set of process handlers for every lock this process holds.

const held = new Map<string, () => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handlersInstalled = false;

function releaseAll(): void {
  for (const release of [...held.values()]) release();
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else handles the signal and decides whether the process ends; if it does, the 'exit'
  // handler releases. Releasing here would leave a running process with an open store unlocked.
  if (process.listenerCount(signal) > 1) return;
  // Otherwise keep the default behaviour, terminate by this signal, after releasing.
  releaseAll();
  uninstallHandlers();
  process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', releaseAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off('exit', releaseAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

function register(file: string, text: string, holder: LockHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(file);
    if (held.size === 0) uninstallHandlers();
    if (readLock(file)?.text === text) unlinkSync(file);
  };
  held.set(file, release);
  installHandlers();
  return { file, holder, release };
}
