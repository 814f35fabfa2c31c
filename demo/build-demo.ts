/**
 * Regenerates demo/ngan-son.workspace.json from the tables in demo/tables:
 *
 *   node --import tsx demo/build-demo.ts
 *
 * Deterministic: running it twice gives the same file. It refuses to write a file that the
 * workspace schema or its cross-reference checks reject.
 */
import { writeFileSync } from 'node:fs';
import { demoWorkspacePath } from '../src/demo/index.ts';
import { checkReferences, parseWorkspace } from '../src/workspace/schema.ts';
import { buildDemoWorkspace, serializeWorkspace } from './lib/build.ts';

const ws = buildDemoWorkspace();
const parsed = parseWorkspace(JSON.parse(JSON.stringify(ws)));
if (!parsed.ok) {
  for (const i of parsed.issues.slice(0, 20)) console.error(`${i.path}: ${i.message}`);
  process.exit(1);
}
const issues = checkReferences(parsed.workspace);
if (issues.length > 0) {
  for (const i of issues.slice(0, 20)) console.error(`${i.path}: ${i.message}`);
  process.exit(1);
}
const path = demoWorkspacePath();
writeFileSync(path, serializeWorkspace(ws));
const w = parsed.workspace;
console.log(
  `Đã ghi ${path}: ${w.units.length} đơn vị, ${w.successions.length} quan hệ kế thừa, ${w.indicators.length} chỉ số, ` +
    `${w.resolutions.length} nghị quyết (${w.resolutions.reduce((s, r) => s + r.targets.length, 0)} chỉ tiêu), ${w.values.length} số liệu.`,
);
