/**
 * `npm run bench`: every benchmark, each in its own process (so one's memory does not weigh on the
 * next), each printing its figures next to a baseline measured in the same run.
 *
 *   npm run bench                  all of them
 *   npm run bench -- engine        only bench/engine.bench.ts (extra arguments are passed on)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const all = ['engine', 'extract', 'report', 'web'];
const [pick, ...rest] = process.argv.slice(2);
const names = pick && all.includes(pick) ? [pick] : all;
let failed = 0;
for (const name of names) {
  const file = `bench/${name}.bench.ts`;
  if (!existsSync(file)) continue;
  console.log(`\n# ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file, ...(pick === name ? rest : [])], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
