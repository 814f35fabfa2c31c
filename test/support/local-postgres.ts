/**
 * Starts a throwaway PostgreSQL server from Debian's packages on a loopback port, for the test suite
 * and the benchmarks when DATABASE_URL is not given. The server refuses to run as root, so initdb and
 * pg_ctl run as the `postgres` system user when we are root.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalPostgres {
  url: string;
  stop(): void;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export function hasLocalPostgres(): boolean {
  return findBinDir() !== null;
}

export function startLocalPostgres(port = 55000 + Math.floor(Math.random() * 4000)): LocalPostgres {
  const bin = findBinDir();
  if (!bin) throw new Error('Không tìm thấy PostgreSQL (/usr/lib/postgresql/*/bin). Cài gói postgresql hoặc đặt DATABASE_URL.');
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-pg-'));
  chmodSync(dir, 0o777);
  const isRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    if (isRoot) {
      const line = [join(bin, cmd), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { stdio: 'pipe' });
    } else execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', [
    '-D', data,
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-l', join(dir, 'server.log'), '-w', 'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
