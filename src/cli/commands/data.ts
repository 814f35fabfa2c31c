/**
 * Data commands of the CLI: the store (init), workspace files (import, export), units (list, show,
 * import-dvhcvn), indicators, resolutions and values. Wire them into the program with
 * {@link registerDataCommands}:
 *
 *   registerDataCommands(program, {
 *     // --data DIR > CHITIEU_DATA_DIR > ./data; DATABASE_URL selects PostgreSQL.
 *     openStoreFromOptions: () => openStore({ dataDir: program.opts().data }),
 *   });
 *
 * `deps`:
 * - `openStoreFromOptions()` opens the store chosen by the global options; each command calls it
 *   once, at most, and closes the store before returning.
 * - `stdout` / `stderr`: where output and messages go (default the process's); `stderr` also carries
 *   the progress bars, which only draw on a terminal.
 * - `user`: who is recorded as the author of an import (default: the OS user name).
 * - `cwd`: the directory relative paths are read from (default `process.cwd()`).
 *
 * Failures end the command through commander's `command.error(message, { exitCode: 1, code })`
 * (codes `chitieu.*`): the message is printed to stderr and the process exits with 1, or, when the
 * program called `exitOverride()`, a CommanderError is thrown for main to turn into its exit code.
 * An import refused for its content prints one issue per line first (`$.values[12].unit: …`).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { FIELDS } from '../../core/indicators.ts';
import { decimalsOf, formatViNumber } from '../../core/numbers.ts';
import { monthSpan, parsePeriod, periodLabel, PeriodError } from '../../core/periods.ts';
import { type Succession, type Unit, UNIT_KINDS, type UnitKind, unitDisplayName } from '../../core/units.ts';
import { VALUE_STATUS_LABEL } from '../../core/values.ts';
import { resolveDvhcvnDir } from '../../dvhcvn/data-dir.ts';
import { importDvhcvn } from '../../dvhcvn/import.ts';
import { DvhcvnError } from '../../dvhcvn/parse.ts';
import type { Store } from '../../store/db.ts';
import { StoreError } from '../../store/errors.ts';
import { listIndicators } from '../../store/indicators.ts';
import { listResolutions } from '../../store/resolutions.ts';
import { listSuccessions } from '../../store/successions.ts';
import { getUnit, listChildIds, listUnits } from '../../store/units.ts';
import { countAll } from '../../store/stats.ts';
import { listValues } from '../../store/values.ts';
import { exportWorkspace } from '../../workspace/export.ts';
import { importWorkspace, WorkspaceImportError } from '../../workspace/import.ts';

type Out = NodeJS.WritableStream & { isTTY?: boolean };

export interface DataCommandDeps {
  openStoreFromOptions(): Promise<Store>;
  stdout?: Out;
  stderr?: Out;
  user?: string | null;
  cwd?: string;
}

/** Vietnamese section titles for commander's help ("Usage:" → "Cách dùng:"); also usable on the program. */
export const VIETNAMESE_HELP_TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Tham số:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Global Options:': 'Tùy chọn chung:',
};

/** A bad option value or an unknown id: the user's to fix. */
class DataCommandError extends Error {
  override readonly name = 'DataCommandError';
}

/** Progress bars appear from this many values on: below it an import is over in a blink. */
const PROGRESS_FROM = 2000;

/** Adds the data commands to `program` (see the module comment for `deps`). */
export function registerDataCommands(program: Command, deps: DataCommandDeps): void {
  const ctx = new Context(deps);
  const group = (name: string, description: string) =>
    localise(program.command(name).description(description)).helpCommand('help [lệnh]', 'hiện hướng dẫn của một lệnh');

  localise(program.command('init'))
    .description('Tạo hoặc cập nhật cấu trúc kho dữ liệu và cho biết kho ở đâu')
    .action((_o: unknown, cmd: Command) => ctx.run(cmd, (store) => init(ctx, store)));

  localise(program.command('import'))
    .description('Nhập một tệp dữ liệu (JSON, xem docs/workspace-format.md): tất cả hoặc không gì cả')
    .argument('<tệp>', 'đường dẫn tệp JSON')
    .option('--replace', 'ghi đè số liệu (và đơn vị, chỉ số, nghị quyết) đã có trong kho; mỗi số liệu bị thay được ghi lại lịch sử sửa')
    .action((file: string, o: { replace?: boolean }, cmd: Command) => ctx.run(cmd, (store) => importFile(ctx, cmd, store, file, o.replace ?? false)));

  localise(program.command('export'))
    .description('Xuất toàn bộ kho dữ liệu ra một tệp JSON (mặc định ra màn hình)')
    .option('--out <tệp>', 'ghi vào tệp này thay vì ra màn hình')
    .action((o: { out?: string }, cmd: Command) => ctx.run(cmd, (store) => exportFile(ctx, store, o.out)));

  const units = group('units', 'Đơn vị hành chính, tổ chức đảng, cơ quan');
  units
    .command('list')
    .description('Liệt kê đơn vị (tìm không cần dấu: "ngan son" tìm được "Ngân Sơn")')
    .option('--at <ngày>', 'chỉ các đơn vị còn hiệu lực vào ngày này (YYYY-MM-DD)')
    .option('--search <chữ>', 'tìm theo tên (không phân biệt dấu, hoa thường), mã hoặc id')
    .option('--kind <loại>', `loại đơn vị: ${Object.keys(UNIT_KINDS).join(', ')}`)
    .option('--limit <số>', 'in tối đa bấy nhiêu dòng; 0 = tất cả (mặc định 100)')
    .action((o: UnitListOptions, cmd: Command) => ctx.run(cmd, (store) => unitList(ctx, store, o)));
  units
    .command('show')
    .description('Chi tiết một đơn vị: cấp trên theo thời gian, đơn vị tiền thân, đơn vị kế thừa')
    .argument('<id>', 'id của đơn vị (xem "units list")')
    .action((id: string, _o: unknown, cmd: Command) => ctx.run(cmd, (store) => unitShow(ctx, store, id)));
  units
    .command('import-dvhcvn')
    .description('Nhập danh mục đơn vị hành chính trước và sau 01/7/2025 (dữ liệu dvhcvn/20250701); chạy lại không tạo trùng')
    .option('--dir <thư mục>', 'thư mục dữ liệu (mặc định ../shared/data/dvhcvn-20250701 hoặc biến DVHCVN_DIR)')
    .option('--province <mã>', 'chỉ một tỉnh mới (mã 2 chữ số, ví dụ 19) cùng các đơn vị cũ đã nhập vào tỉnh đó')
    .action((o: { dir?: string; province?: string }, cmd: Command) => ctx.run(cmd, (store) => unitImportDvhcvn(ctx, store, o)));

  group('indicators', 'Chỉ số')
    .command('list')
    .description('Liệt kê các chỉ số')
    .action((_o: unknown, cmd: Command) => ctx.run(cmd, (store) => indicatorList(ctx, store)));

  group('resolutions', 'Nghị quyết và chỉ tiêu')
    .command('list')
    .description('Liệt kê các nghị quyết')
    .action((_o: unknown, cmd: Command) => ctx.run(cmd, (store) => resolutionList(ctx, store)));

  group('values', 'Số liệu')
    .command('list')
    .description('Liệt kê số liệu của một đơn vị')
    .requiredOption('--unit <id>', 'id của đơn vị')
    .option('--period <kỳ>', 'chỉ các kỳ nằm trong kỳ này, ví dụ 2024, "quý I/2025", 2020-2025')
    .option('--indicator <mã>', 'chỉ một chỉ số')
    .action((o: { unit: string; period?: string; indicator?: string }, cmd: Command) => ctx.run(cmd, (store) => valueList(ctx, store, o)));
}

/** Vietnamese help for a command and the subcommands created from it afterwards. */
function localise(cmd: Command): Command {
  return cmd
    .configureHelp({ ...cmd.configureHelp(), styleTitle: (t: string) => VIETNAMESE_HELP_TITLES[t] ?? t })
    .helpOption('-h, --help', 'hiện hướng dẫn của lệnh');
}

class Context {
  readonly out: Out;
  readonly err: Out;
  readonly cwd: string;
  readonly user: string | null;

  constructor(readonly deps: DataCommandDeps) {
    this.out = deps.stdout ?? process.stdout;
    this.err = deps.stderr ?? process.stderr;
    this.cwd = deps.cwd ?? process.cwd();
    this.user = deps.user !== undefined ? deps.user : osUser();
  }

  print(line = ''): void {
    this.out.write(`${line}\n`);
  }

  note(line: string): void {
    this.err.write(`${line}\n`);
  }

  /** Opens the store, runs the command, closes the store; turns known failures into a command error. */
  async run(cmd: Command, fn: (store: Store) => Promise<void>): Promise<void> {
    try {
      const store = await this.deps.openStoreFromOptions();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    } catch (e) {
      const code = errorCode(e);
      if (code === null) throw e;
      cmd.error(e instanceof Error ? e.message : String(e), { exitCode: 1, code });
    }
  }

  /** A progress bar on stderr, started on the first update (it only draws on a terminal). */
  progress(label: string): { update(done: number, total: number): void; stop(): void } {
    const bar = new cliProgress.SingleBar(
      { stream: this.err, format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
}

function osUser(): string | null {
  try {
    return userInfo().username;
  } catch (e) {
    // No passwd entry (some containers): imports are then recorded without an author; the error
    // carries nothing else of use.
    if (e instanceof Error) return null;
    throw e;
  }
}

function errorCode(e: unknown): string | null {
  if (e instanceof WorkspaceImportError) return 'chitieu.invalid_workspace';
  if (e instanceof StoreError) return `chitieu.store_${e.code}`;
  if (e instanceof DvhcvnError) return 'chitieu.invalid_dvhcvn';
  if (e instanceof PeriodError || e instanceof DataCommandError) return 'chitieu.invalid_argument';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Commands

async function init(ctx: Context, store: Store): Promise<void> {
  const c = await countAll(store.db);
  ctx.print(`Kho dữ liệu đã sẵn sàng (${store.kind === 'pg' ? 'PostgreSQL' : 'PGlite'}): ${store.location}`);
  ctx.print(`Đang có ${n(c.units)} đơn vị, ${n(c.indicators)} chỉ số, ${n(c.resolutions)} nghị quyết, ${n(c.values)} số liệu.`);
}

async function importFile(ctx: Context, cmd: Command, store: Store, file: string, replace: boolean): Promise<void> {
  const path = resolve(ctx.cwd, file);
  const json = readJson(path);
  const count = typeof json === 'object' && json !== null && 'values' in json && Array.isArray(json.values) ? json.values.length : 0;
  const bar = count > PROGRESS_FROM ? ctx.progress('Đang nhập') : null;
  try {
    const s = await importWorkspace(store.db, json, {
      replace,
      by: ctx.user,
      onProgress: bar ? (done, total) => bar.update(done, total) : undefined,
    });
    bar?.stop();
    ctx.print(
      `Đã nhập ${file}: ${n(s.units)} đơn vị, ${n(s.successions)} quan hệ kế thừa, ${n(s.indicators)} chỉ số, ${n(s.resolutions)} nghị quyết, ` +
        `${n(s.values.inserted)} số liệu mới` +
        (replace ? `, ${n(s.values.replaced)} số liệu ghi đè, ${n(s.values.unchanged)} số liệu không đổi` : '') +
        `, ${n(s.revisions)} lần sửa được ghi lại.`,
    );
  } catch (e) {
    bar?.stop();
    if (!(e instanceof WorkspaceImportError)) throw e;
    for (const i of e.issues) ctx.note(`  ${i.path}: ${i.message}`);
    cmd.error(`Tệp ${file} có ${n(e.issues.length)} lỗi (liệt kê ở trên); không có gì được ghi vào kho.`, { exitCode: 1, code: 'chitieu.invalid_workspace' });
  }
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataCommandError(`Không đọc được tệp ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new DataCommandError(`Tệp ${path} không phải JSON hợp lệ: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function exportFile(ctx: Context, store: Store, out: string | undefined): Promise<void> {
  const ws = await exportWorkspace(store.db);
  const text = `${JSON.stringify(ws, null, 2)}\n`;
  if (!out) {
    ctx.out.write(text);
    return;
  }
  const path = resolve(ctx.cwd, out);
  // Written aside then renamed, so an interrupted export never leaves half a file under the name.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  ctx.note(`Đã xuất ${n(ws.units.length)} đơn vị, ${n(ws.indicators.length)} chỉ số, ${n(ws.resolutions.length)} nghị quyết, ${n(ws.values.length)} số liệu vào ${path}`);
}

interface UnitListOptions {
  at?: string;
  search?: string;
  kind?: string;
  limit?: string;
}

async function unitList(ctx: Context, store: Store, o: UnitListOptions): Promise<void> {
  if (o.at !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.at)) throw new DataCommandError(`Ngày "${o.at}" phải viết dạng YYYY-MM-DD, ví dụ 2025-07-01`);
  if (o.kind !== undefined && !(o.kind in UNIT_KINDS)) throw new DataCommandError(`Loại đơn vị "${o.kind}" không có; chọn một trong: ${Object.keys(UNIT_KINDS).join(', ')}`);
  const limit = o.limit === undefined ? 100 : Number(o.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new DataCommandError(`--limit phải là số nguyên không âm, không phải "${o.limit}"`);
  const units = await listUnits(store.db, { at: o.at, search: o.search, kind: o.kind as UnitKind | undefined });
  const shown = limit === 0 ? units : units.slice(0, limit);
  printTable(
    ctx,
    ['id', 'mã', 'tên', 'hiệu lực'],
    shown.map((u) => [u.id, u.code ?? '—', unitDisplayName(u), validity(u.validFrom, u.validTo)]),
  );
  if (units.length === 0) ctx.note('Không có đơn vị nào khớp.');
  else if (shown.length < units.length) ctx.note(`… còn ${n(units.length - shown.length)} đơn vị nữa (tổng ${n(units.length)}); dùng --limit 0 để in hết.`);
}

const SUCCESSION_LABEL: Record<Succession['kind'], string> = { merge: 'sáp nhập toàn bộ', split: 'chia tách một phần', rename: 'đổi tên' };

async function unitShow(ctx: Context, store: Store, id: string): Promise<void> {
  const unit = await getUnit(store.db, id);
  if (!unit) throw new DataCommandError(`Không có đơn vị id "${id}". Tìm id bằng: units list --search "<tên>"`);
  const successions = await listSuccessions(store.db, { unitIds: [id] });
  const childIds = await listChildIds(store.db, id);
  const related = new Map(
    (await listUnits(store.db, { ids: [...unit.parents.map((p) => p.parentId), ...successions.flatMap((s) => [s.fromId, s.toId]), ...(unit.counterpartId ? [unit.counterpartId] : []), ...childIds] })).map((u) => [u.id, u]),
  );
  const name = (uid: string) => {
    const u = related.get(uid);
    return u ? `${unitDisplayName(u)} [${uid}]` : `[${uid}]`;
  };
  ctx.print(capitalise(unitDisplayName(unit)));
  ctx.print(`  id: ${unit.id}`);
  ctx.print(`  mã: ${unit.code ?? '—'}`);
  ctx.print(`  loại: ${UNIT_KINDS[unit.kind]} (${unit.kind})`);
  ctx.print(`  hiệu lực: ${validity(unit.validFrom, unit.validTo) || 'không giới hạn'}`);
  if (unit.counterpartId) ctx.print(`  tương ứng: ${name(unit.counterpartId)}`);
  if (unit.note) ctx.print(`  ghi chú: ${unit.note}`);
  section(ctx, 'Cấp trên theo thời gian', unit.parents.map((p) => `${name(p.parentId)}  ${validity(p.from, p.to) || 'không giới hạn'}`));
  const successionLine = (s: Succession, other: string) =>
    `${viDate(s.effectiveDate)}  ${SUCCESSION_LABEL[s.kind]}${s.kind === 'split' ? (s.share === null ? ' (chưa rõ tỷ lệ)' : ` (tỷ lệ ${formatViNumber(s.share * 100, { maxDecimals: 2 })}%)`) : ''}  ${name(other)}${s.legalBasis ? `  — ${s.legalBasis}` : ''}`;
  section(ctx, 'Đơn vị tiền thân', successions.filter((s) => s.toId === id).map((s) => successionLine(s, s.fromId)));
  section(ctx, 'Đơn vị kế thừa', successions.filter((s) => s.fromId === id).map((s) => successionLine(s, s.toId)));
  const children = childIds.map((c) => related.get(c)).filter((u): u is Unit => u !== undefined);
  const shown = children.slice(0, 30).map((c) => `${unitDisplayName(c)} [${c.id}]  ${validity(c.validFrom, c.validTo)}`.trimEnd());
  if (children.length > 30) shown.push(`… và ${n(children.length - 30)} đơn vị khác`);
  section(ctx, `Đơn vị trực thuộc ở mọi thời điểm (${n(children.length)})`, shown);
}

async function unitImportDvhcvn(ctx: Context, store: Store, o: { dir?: string; province?: string }): Promise<void> {
  const dir = resolveDvhcvnDir(o.dir, ctx.cwd);
  const bar = ctx.progress('Đang nhập đơn vị');
  try {
    const s = await importDvhcvn(store.db, { dir, province: o.province, onProgress: (done, total) => bar.update(done, total) });
    bar.stop();
    const c = s.counts;
    ctx.print(
      `Đã nhập từ ${dir}: ${n(c.newProvinces)} tỉnh và ${n(c.newCommunes)} xã, phường, đặc khu từ 01/7/2025; ` +
        `${n(c.oldProvinces)} tỉnh, ${n(c.oldCommunes)} xã cũ và ${n(c.oldDistricts)} huyện đảo đến 30/6/2025.`,
    );
    ctx.print(`Đơn vị: ${n(s.units.inserted)} mới, ${n(s.units.updated)} cập nhật. Quan hệ kế thừa: ${n(s.successions.inserted)} mới, ${n(s.successions.updated)} cập nhật.`);
    ctx.note('Lưu ý: dữ liệu dvhcvn/20250701 được soạn tự động rồi rà soát tay; cần đối chiếu với các nghị quyết 1654–1687/NQ-UBTVQH15.');
  } catch (e) {
    bar.stop();
    throw e;
  }
}

const TIME_AGG: Record<string, string> = { sum: 'cộng dồn', last: 'lấy số cuối kỳ', average: 'bình quân' };
const UNIT_AGG: Record<string, string> = { sum: 'cộng', ratio: 'tỷ lệ tử/mẫu', none: 'không cộng' };

async function indicatorList(ctx: Context, store: Store): Promise<void> {
  const list = await listIndicators(store.db);
  printTable(
    ctx,
    ['mã', 'tên', 'đơn vị tính', 'lĩnh vực', 'theo thời gian', 'giữa các đơn vị'],
    list.map((i) => [i.code, i.name, i.measureUnit || '—', FIELDS[i.field], TIME_AGG[i.timeAggregation] ?? i.timeAggregation, UNIT_AGG[i.unitAggregation] ?? i.unitAggregation]),
  );
  if (list.length === 0) ctx.note('Chưa có chỉ số nào.');
}

async function resolutionList(ctx: Context, store: Store): Promise<void> {
  const list = await listResolutions(store.db);
  const issuers = new Map((await listUnits(store.db, { ids: list.map((r) => r.issuerId) })).map((u) => [u.id, u]));
  printTable(
    ctx,
    ['id', 'số', 'phạm vi', 'chỉ tiêu', 'ban hành', 'tên'],
    list.map((r) => {
      const issuer = issuers.get(r.issuerId);
      return [
        r.id,
        r.number,
        r.scope.kind === 'term' ? `nhiệm kỳ ${r.scope.startYear} – ${r.scope.endYear}` : `năm ${r.scope.year}`,
        n(r.targets.length),
        `${issuer ? unitDisplayName(issuer) : r.issuerId}${r.issuedOn ? `, ${viDate(r.issuedOn)}` : ''}`,
        r.title,
      ];
    }),
  );
  if (list.length === 0) ctx.note('Chưa có nghị quyết nào.');
}

async function valueList(ctx: Context, store: Store, o: { unit: string; period?: string; indicator?: string }): Promise<void> {
  const unit = await getUnit(store.db, o.unit);
  if (!unit) throw new DataCommandError(`Không có đơn vị id "${o.unit}". Tìm id bằng: units list --search "<tên>"`);
  const within = o.period === undefined ? undefined : monthSpan(parsePeriod(o.period));
  const values = await listValues(store.db, { unitIds: [unit.id], indicator: o.indicator, within });
  printTable(
    ctx,
    ['chỉ số', 'kỳ', 'phân tổ', 'giá trị', 'trạng thái', 'nguồn'],
    values.map((v) => [
      v.indicator,
      periodLabel(parsePeriod(v.period)),
      v.option ?? '—',
      formatViNumber(v.value, { maxDecimals: Math.min(decimalsOf(v.value), 10) }),
      VALUE_STATUS_LABEL[v.status],
      [v.source.document, v.source.place].filter(Boolean).join(', ') || '—',
    ]),
  );
  if (values.length === 0) ctx.note(`Không có số liệu nào của ${unitDisplayName(unit)}${o.period ? ` trong ${o.period}` : ''}${o.indicator ? ` cho chỉ số ${o.indicator}` : ''}.`);
}

// ---------------------------------------------------------------------------------------------
// Formatting

const n = (x: number) => formatViNumber(x, { maxDecimals: 0 });
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function validity(from: string | null, to: string | null): string {
  if (from && to) return `${viDate(from)} – ${viDate(to)}`;
  if (from) return `từ ${viDate(from)}`;
  if (to) return `đến ${viDate(to)}`;
  return '';
}

function section(ctx: Context, title: string, lines: string[]): void {
  ctx.print(`${title}:`);
  if (lines.length === 0) ctx.print('  (không có)');
  for (const l of lines) ctx.print(`  ${l}`);
}

/** Columns padded to their widest cell (code points: the text is NFC, so a Vietnamese letter is one). */
function printTable(ctx: Context, headers: string[], rows: string[][]): void {
  if (rows.length === 0) return;
  const width = (s: string) => [...s].length;
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd();
  ctx.print(line(headers));
  ctx.print(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) ctx.print(line(r));
}
