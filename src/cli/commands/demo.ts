/**
 * `chitieu demo`: loads the demo district (huyện Ngân Sơn, Bắc Kạn, term 2020–2025) into the store.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { demoWorkspacePath } from '../../demo/index.ts';
import type { DB } from '../../store/tables.ts';
import { getUnit } from '../../store/units.ts';
import { importWorkspace } from '../../workspace/import.ts';
import { type GlobalOptions, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';

/** A unit only the demo has: its presence means the demo is already loaded. */
export const DEMO_MARKER_UNIT = 'huyen-ngan-son';

export type DemoLoadResult = { loaded: true; values: number } | { loaded: false };

/** Loads the demo workspace unless it is already there. Used by `chitieu demo` and the web server's first start. */
export async function loadDemo(db: Kysely<DB>, onProgress?: (done: number, total: number) => void): Promise<DemoLoadResult> {
  if (await getUnit(db, DEMO_MARKER_UNIT)) return { loaded: false };
  const json: unknown = JSON.parse(readFileSync(demoWorkspacePath(), 'utf8'));
  const summary = await importWorkspace(db, json, { by: 'demo', onProgress });
  return { loaded: true, values: summary.values.inserted };
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Nạp dữ liệu mẫu: huyện Ngân Sơn (Bắc Kạn), Nghị quyết Đại hội XXII nhiệm kỳ 2020 – 2025 và các Nghị quyết năm')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withStore(g, async (store) => {
        const bar = progressBar('Nạp dữ liệu mẫu', 500);
        const r = await loadDemo(store.db, bar.onProgress).finally(() => bar.stop());
        if (r.loaded) process.stdout.write(`Đã nạp dữ liệu mẫu huyện Ngân Sơn (${r.values} số liệu) vào ${store.location}.\n`);
        else process.stdout.write(`Dữ liệu mẫu huyện Ngân Sơn đã có trong ${store.location}; không nạp lại.\n`);
        process.stdout.write('Thử: npx chitieu evaluate --unit "Ngân Sơn" --period 2024\n');
      });
    });
}
