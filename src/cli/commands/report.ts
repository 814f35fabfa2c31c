/**
 * `chitieu report`: writes a progress report for a unit and a period in one format.
 *
 *   chitieu report --unit "huyện Ngân Sơn" --period 2024 --format docx --out bao-cao-2024.docx \
 *     --notes ghi-chu.json --number 123 --date 2024-12-15 --signer "Nông Bình Cương"
 *
 * The model comes from `deps.loadModelFor` (the store, or a workspace file); this module only parses
 * options, builds the report and writes the file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { type Period, PeriodError, parsePeriod } from '../../core/periods.ts';
import {
  type ChromiumSession,
  type DocumentSettings,
  type FreeText,
  REPORT_FORMATS,
  type ReportFormat,
  ReportError,
  buildReport,
  createRenderer,
  needsChromium,
  openChromium,
  resolutionCitation,
} from '../../report/index.ts';
import type { Model } from '../../workspace/model.ts';

export interface ReportCommandDeps {
  /** Loads the evaluation context and resolves the unit named on the command line. */
  loadModelFor(opts: { unitQuery: string; period: Period }): Promise<{ model: Model; unitId: string }>;
  /** Where to print messages (default: process.stderr). */
  log?: (line: string) => void;
}

/** The free-text parts, as written by people: every key optional, nothing else allowed. */
export const NotesSchema = z
  .object({
    intro: z.string().optional(),
    achievements: z.string().optional(),
    limitations: z.string().optional(),
    causes: z.string().optional(),
    directions: z.string().optional(),
    proposals: z.string().optional(),
  })
  .strict();

const twips = z.number().int().min(0).max(20000);
const pt = z.number().min(6).max(40);

/** Layout overrides in a JSON file (see docs/report.md, "Bố cục văn bản"). */
export const LayoutSchema = z
  .object({
    standard: z.enum(['party', 'state']).optional(),
    page: z
      .object({
        width: twips.optional(),
        height: twips.optional(),
        headerDistance: twips.optional(),
        margins: z.object({ top: twips.optional(), bottom: twips.optional(), left: twips.optional(), right: twips.optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    sizes: z.record(z.string(), pt).optional(),
    body: z.object({ firstLineIndent: twips.optional(), spacingAfter: z.number().min(0).max(48).optional(), lineSpacing: z.number().min(1).max(3).optional() }).strict().optional(),
    header: z.object({ superior: z.string().optional(), issuer: z.array(z.string()).optional() }).strict().optional(),
    signature: z.object({ authority: z.string().optional(), title: z.string().optional(), name: z.string().optional() }).strict().optional(),
    number: z.string().nullable().optional(),
    typeSymbol: z.string().optional(),
    issuerSymbol: z.string().optional(),
    place: z.string().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    docType: z.string().optional(),
    summary: z.string().optional(),
    recipients: z.array(z.string()).optional(),
    fontFamily: z.string().optional(),
    cssFontFamily: z.string().optional(),
  })
  .strict();

interface ReportCliOptions {
  unit: string;
  period: string;
  resolution?: string;
  format: ReportFormat;
  out: string;
  notes?: string;
  layout?: string;
  number?: string;
  date?: string;
  signer?: string;
  standard?: 'party' | 'state';
  charts: boolean;
}

async function readJson<T>(file: string, schema: z.ZodType<T>, what: string): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new ReportError(`Không đọc được tệp ${what} "${file}": ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
    throw new ReportError(`Tệp ${what} "${file}" không hợp lệ: ${issues}`);
  }
  return r.data;
}

/** Registers `report` on the program. */
export function registerReportCommands(program: Command, deps: ReportCommandDeps): void {
  program
    .command('report')
    .description('Viết báo cáo kết quả thực hiện các chỉ tiêu Nghị quyết (DOCX, XLSX, PDF, Markdown, HTML, bản tin)')
    .requiredOption('--unit <đơn vị>', 'mã, id hoặc tên đơn vị, ví dụ "huyện Ngân Sơn"')
    .requiredOption('--period <kỳ>', 'kỳ báo cáo, ví dụ 2024, "quý I/2025", "6 tháng đầu năm 2024", "nhiệm kỳ 2020 – 2025"')
    .option('--resolution <id|số>', 'Nghị quyết (mặc định: Nghị quyết áp dụng cho kỳ: năm nếu có, nếu không là nhiệm kỳ)')
    .addOption(new Option('--format <định dạng>', 'định dạng').choices([...REPORT_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <tệp>', 'tệp kết quả ("-" để in ra màn hình với md, html, brief)')
    .option('--notes <tệp.json>', 'phần do người viết: {"causes": "...", "directions": "...", "limitations": "...", "achievements": "...", "proposals": "...", "intro": "..."}')
    .option('--layout <tệp.json>', 'thiết lập bố cục văn bản (lề, cỡ chữ, tiêu đề, nơi nhận…)')
    .option('--number <số>', 'số văn bản, ví dụ 123 (để trống để văn thư ghi)')
    .option('--date <YYYY-MM-DD>', 'ngày ký (để trống để ghi tay)')
    .option('--signer <họ tên>', 'họ tên người ký')
    .addOption(new Option('--standard <thể thức>', 'thể thức: party (HD 36-HD/VPTW) hoặc state (NĐ 30/2020)').choices(['party', 'state']))
    .option('--no-charts', 'không vẽ biểu đồ')
    .action(async (o: ReportCliOptions, cmd: Command) => {
      const log = deps.log ?? ((l: string) => process.stderr.write(`${l}\n`));
      try {
        await runReport(o, deps, log);
      } catch (e) {
        if (e instanceof ReportError || e instanceof PeriodError) cmd.error(`Lỗi: ${e.message}`, { exitCode: 1, code: 'chitieu.report' });
        throw e;
      }
    });
}

/** The command's work, separate from commander so that tests can call it. */
export async function runReport(o: ReportCliOptions, deps: ReportCommandDeps, log: (l: string) => void): Promise<void> {
  const period = parsePeriod(o.period);
  if (o.out === '-' && (o.format === 'docx' || o.format === 'xlsx' || o.format === 'pdf'))
    throw new ReportError(`Định dạng ${o.format} là tệp nhị phân: hãy ghi ra tệp (--out tên-tệp.${o.format})`);
  const freeText: FreeText = o.notes ? await readJson(o.notes, NotesSchema, 'ghi chú') : {};
  const fromFile = o.layout ? ((await readJson(o.layout, LayoutSchema, 'bố cục')) as DocumentSettings) : {};
  const document: DocumentSettings = {
    ...fromFile,
    ...(o.standard ? { standard: o.standard } : {}),
    ...(o.number !== undefined ? { number: o.number } : {}),
    ...(o.date !== undefined ? { date: o.date } : {}),
    ...(o.signer !== undefined ? { signature: { ...fromFile.signature, name: o.signer } } : {}),
  };
  if (document.date && !/^\d{4}-\d{2}-\d{2}$/.test(document.date)) throw new ReportError(`Ngày ký "${document.date}" phải viết dạng YYYY-MM-DD`);
  const { model, unitId } = await deps.loadModelFor({ unitQuery: o.unit, period });
  const report = buildReport(model, {
    unitId,
    period,
    ...(o.resolution ? { resolutionId: o.resolution } : {}),
    freeText,
    document,
    ...(o.charts ? {} : { charts: { max: 0 } }),
  });
  let chromium: ChromiumSession | undefined;
  try {
    if (needsChromium(o.format, o.charts && report.charts.length > 0)) chromium = await openChromium();
    const out = await createRenderer(o.format, { charts: o.charts, ...(chromium ? { chromium } : {}) }).render(report);
    if (o.out === '-') process.stdout.write(typeof out === 'string' ? out : Buffer.from(out));
    else {
      await writeFile(o.out, out);
      const size = typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;
      log(`Đã ghi ${o.out} (${o.format}, ${size.toLocaleString('vi-VN')} byte): ${report.unit.name}, ${report.period.label}, ${resolutionCitation(report.resolution, true)}.`);
    }
  } finally {
    await chromium?.close();
  }
}
