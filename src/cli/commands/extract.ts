/**
 * `chitieu extract` and `chitieu check`: read report texts, list their numeric facts, and check the
 * claims those facts let us verify. Thin wrappers over the pure core in src/extract.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatViNumber } from '../../core/numbers.ts';
import { checkText } from '../../extract/check.ts';
import { extractFacts } from '../../extract/extract.ts';
import type { Fact, FactKind, Finding } from '../../extract/types.ts';

/** Where the commands write; the real process streams in production, buffers in tests. */
export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  readText: (file: string) => string;
}

const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readText: (file) => readFileSync(file, 'utf8'),
};

/**
 * Drops leading lines that begin with "# " (source and title headers added when texts are
 * collected), exactly as the extraction scorer does, so offsets agree with its gold files.
 */
export function stripHeaderLines(raw: string): string {
  let shift = 0;
  for (const line of raw.split('\n')) {
    if (!line.startsWith('# ')) break;
    shift += line.length + 1;
  }
  return raw.slice(shift);
}

const KIND_LABELS: Record<FactKind, string> = {
  actual: 'thực hiện',
  plan: 'kế hoạch',
  percent_of_plan: '% kế hoạch',
  percent_of_same_period: '% cùng kỳ',
  ratio: 'tỷ số',
  count_of_targets: 'số chỉ tiêu',
  change: 'thay đổi',
};

/** The JSON contract of one fact (docs/extract.md): fields that do not apply are null. */
function factJson(f: Fact): Record<string, unknown> {
  return {
    start: f.start,
    end: f.end,
    value: f.value,
    unit: f.unit,
    kind: f.kind,
    qualifier: f.qualifier,
    numerator: f.numerator,
    denominator: f.denominator,
    direction: f.direction,
    indicator: f.indicator,
    period: f.period,
    place: f.place,
    text: f.text,
    value_max: f.valueMax,
    basis: f.basis,
  };
}

/** The JSON contract of one finding (docs/extract.md). */
function findingJson(f: Finding): Record<string, unknown> {
  return {
    start: f.start,
    end: f.end,
    claim: f.claim,
    stated: f.stated,
    expected: f.expected,
    holds: f.holds,
    explanation: f.explanation,
    check: f.check,
    arithmetic: f.arithmetic,
    spans: f.spans,
  };
}

function factLine(f: Fact): string {
  const value =
    f.numerator !== null && f.denominator !== null
      ? `${formatViNumber(f.numerator, { maxDecimals: 4 })}/${formatViNumber(f.denominator, { maxDecimals: 4 })}`
      : f.valueMax !== null
        ? `${formatViNumber(f.value, { maxDecimals: 4 })} – ${formatViNumber(f.valueMax, { maxDecimals: 4 })}`
        : formatViNumber(f.value, { maxDecimals: 4 });
  const unit = f.unit === null ? '' : f.unit.startsWith('%') ? f.unit : ` ${f.unit}`;
  const head = `${f.qualifier ? `${f.qualifier} ` : ''}${value}${unit}`;
  const kind = f.direction ? `${KIND_LABELS[f.kind]} (${f.direction})` : KIND_LABELS[f.kind];
  const rest = [f.indicator, f.period, f.place].map((x) => x ?? '—').join(' · ');
  return `  [${f.start}–${f.end}] ${head} — ${kind}${f.basis ? ` so với ${f.basis}` : ''} — ${rest}`;
}

function findingLine(f: Finding): string {
  return `  ${f.holds ? 'khớp    ' : 'KHÔNG KHỚP'} [${f.start}–${f.end}] ${f.claim}\n      ${f.arithmetic}. ${f.explanation}`;
}

/** Why a file could not be read, in Vietnamese (Node's messages are English). */
function readError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'tệp không tồn tại';
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền đọc tệp';
    case 'EISDIR':
      return 'đây là thư mục, không phải tệp';
    default:
      return `lỗi khi đọc tệp${code ? ` (${code})` : ''}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Reads each file, normalised to NFC and without header lines; reports unreadable ones. */
function readAll(files: readonly string[], io: CommandIo, each: (file: string, text: string) => void): string[] {
  const failed: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = stripHeaderLines(io.readText(file).normalize('NFC'));
    } catch (e) {
      // Reported to the user and turned into exit code 2 by the caller; the other files still run.
      failed.push(`Không đọc được tệp "${file}": ${readError(e)}`);
      continue;
    }
    each(file, text);
  }
  return failed;
}

/**
 * Runs `extract` over files; returns the messages of files that could not be read.
 * @example runExtract(['a.txt'], { json: true }, io) // io.out receives {"file":"a.txt","facts":[…]}
 */
export function runExtract(files: readonly string[], opts: { json?: boolean }, io: CommandIo = processIo): string[] {
  return readAll(files, io, (file, text) => {
    const facts = extractFacts(text);
    if (opts.json) {
      io.out(JSON.stringify({ file, facts: facts.map(factJson) }));
      return;
    }
    io.out(`${file}: ${facts.length} số liệu`);
    for (const f of facts) io.out(factLine(f));
  });
}

/** Runs `check` over files; returns the messages of files that could not be read. */
export function runCheck(files: readonly string[], opts: { json?: boolean }, io: CommandIo = processIo): string[] {
  return readAll(files, io, (file, text) => {
    const findings = checkText(text);
    if (opts.json) {
      io.out(JSON.stringify({ file, findings: findings.map(findingJson) }));
      return;
    }
    const bad = findings.filter((f) => !f.holds).length;
    io.out(`${file}: ${findings.length} phép kiểm tra, ${bad} không khớp`);
    for (const f of findings) io.out(findingLine(f));
  });
}

/**
 * Adds `extract` and `check` to the program. Exit code 0 whatever the findings say (a finding is
 * not an error); 2 when a file cannot be read, through `command.error` so that it works with and
 * without `exitOverride()`.
 */
export function registerExtractCommands(program: Command): void {
  program
    .command('extract')
    .description('Đọc văn bản báo cáo, liệt kê các số liệu (giá trị, đơn vị, loại, chỉ tiêu, kỳ, địa bàn)')
    .option('--json', 'mỗi tệp một dòng JSON')
    .argument('<files...>', 'các tệp văn bản UTF-8')
    .action((files: string[], opts: { json?: boolean }, cmd: Command) => {
      const failed = runExtract(files, opts);
      if (failed.length > 0) cmd.error(failed.join('\n'), { exitCode: 2, code: 'chitieu.unreadableFile' });
    });
  program
    .command('check')
    .description('Kiểm tra tính nhất quán của các số liệu trong văn bản báo cáo')
    .option('--json', 'mỗi tệp một dòng JSON')
    .argument('<files...>', 'các tệp văn bản UTF-8')
    .action((files: string[], opts: { json?: boolean }, cmd: Command) => {
      const failed = runCheck(files, opts);
      if (failed.length > 0) cmd.error(failed.join('\n'), { exitCode: 2, code: 'chitieu.unreadableFile' });
    });
}
