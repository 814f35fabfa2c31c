/**
 * Time to write the demo district's annual report (huyện Ngân Sơn, năm 2024) in each format, next to
 * baselines measured in the same run: the evaluation alone (evaluateResolution) and JSON.stringify of the
 * evaluation. Prints the median of N runs and the ratio to the evaluation; asserts nothing.
 *
 *   node --import tsx bench/report.bench.ts [--runs 15] [--period 2024]
 *
 * Chromium formats (PDF, DOCX with charts) reuse one browser session, as a server would; the launch
 * itself is timed once and shown apart.
 */
import { readFileSync } from 'node:fs';
import { evaluateResolution, findGoverningResolution } from '../src/core/evaluate.ts';
import { calendarRange, parsePeriod } from '../src/core/periods.ts';
import { findUnit } from '../src/core/units.ts';
import { buildReport, createRenderer, openChromium, type ReportFormat } from '../src/report/index.ts';
import { workspaceToModel } from '../src/workspace/model.ts';
import { parseWorkspace } from '../src/workspace/schema.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const runs = Number(arg('--runs', '15'));
const period = parsePeriod(arg('--period', '2024'));

const parsed = parseWorkspace(JSON.parse(readFileSync(new URL('../demo/ngan-son.workspace.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
const model = workspaceToModel(parsed.workspace);
const found = findUnit(model.units, 'huyện Ngân Sơn', calendarRange(period));
if (!found.ok) throw new Error(found.message);
const unit = found.unit;
const issuers = [unit.id, ...(unit.counterpartId ? [unit.counterpartId] : [])];
const resolution = findGoverningResolution(model.resolutions, issuers, period);
if (!resolution) throw new Error('Không có Nghị quyết cho kỳ này');

async function median(fn: () => unknown | Promise<unknown>, n = runs): Promise<number> {
  await fn(); // warm-up: JIT, lazy imports (ECharts, docx, exceljs)
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const rows: [string, number][] = [];
const evaluation = await median(() => evaluateResolution(model.ctx, resolution, unit.id, period));
rows.push(['baseline: evaluateResolution', evaluation]);
const ev = evaluateResolution(model.ctx, resolution, unit.id, period);
rows.push(['baseline: JSON.stringify(evaluation)', await median(() => JSON.stringify(ev))]);
rows.push(['buildReport (model, charts data)', await median(() => buildReport(model, { unitId: unit.id, period }))]);
const report = buildReport(model, { unitId: unit.id, period });

const launchStart = process.hrtime.bigint();
const chromium = await openChromium();
const launchMs = Number(process.hrtime.bigint() - launchStart) / 1e6;
try {
  const formats: [string, ReportFormat, boolean][] = [
    ['md', 'md', false],
    ['brief (bản tin)', 'brief', false],
    ['html (+ SVG charts)', 'html', true],
    ['xlsx', 'xlsx', false],
    ['docx (no charts)', 'docx', false],
    ['docx (+ charts via Chromium)', 'docx', true],
    ['pdf (Chromium, session reused)', 'pdf', true],
  ];
  for (const [label, format, charts] of formats) {
    const renderer = createRenderer(format, { chromium, charts });
    const n = format === 'pdf' || (format === 'docx' && charts) ? Math.min(runs, 7) : runs;
    rows.push([`render ${label}`, await median(() => renderer.render(report), n)]);
  }
} finally {
  await chromium.close();
}

const w = Math.max(...rows.map(([l]) => l.length));
console.log(`Báo cáo ${report.unit.name}, ${report.period.label}: ${report.evaluation.targets.length} chỉ tiêu, ${report.charts.length} biểu đồ; trung vị của ${runs} lần chạy`);
console.log(`${'bước'.padEnd(w)}  ${'ms'.padStart(9)}  ${'× đánh giá'.padStart(10)}`);
for (const [label, ms] of rows) console.log(`${label.padEnd(w)}  ${ms.toFixed(2).padStart(9)}  ${(ms / evaluation).toFixed(1).padStart(10)}`);
console.log(`${'Chromium launch (once)'.padEnd(w)}  ${launchMs.toFixed(2).padStart(9)}  ${(launchMs / evaluation).toFixed(1).padStart(10)}`);
