/** `chitieu extract` / `chitieu check`: output contracts, header lines, unreadable files, exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCheck, runExtract, stripHeaderLines, type CommandIo } from '../cli/commands/extract.ts';

const TEXT = 'Năm 2021 kết nạp được 147/120 đảng viên, đạt 122,5% kế hoạch. Có 24/30 chỉ tiêu đạt và vượt.';

function fakeIo(files: Record<string, string>): CommandIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (l) => lines.push(l),
    err: (l) => lines.push(`ERR ${l}`),
    readText: (f) => {
      const t = files[f];
      if (t === undefined) throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
      return t;
    },
  };
}

const FACT_KEYS = ['start', 'end', 'value', 'unit', 'kind', 'qualifier', 'numerator', 'denominator', 'direction', 'indicator', 'period', 'place'];
const FINDING_KEYS = ['start', 'end', 'claim', 'stated', 'expected', 'holds', 'explanation'];

describe('runExtract / runCheck', () => {
  test('extract --json: one line per file with the contract fields, offsets after the "# " header lines', () => {
    const io = fakeIo({ 'a.txt': `# nguồn: báo Bắc Kạn\n# tiêu đề\n${TEXT}`, 'b.txt': TEXT.normalize('NFD') });
    assert.deepEqual(runExtract(['a.txt', 'b.txt'], { json: true }, io), []);
    assert.equal(io.lines.length, 2);
    const rows = io.lines.map((l) => JSON.parse(l) as { file: string; facts: Record<string, unknown>[] });
    assert.deepEqual(
      rows.map((r) => r.file),
      ['a.txt', 'b.txt'],
    );
    for (const row of rows) {
      assert.ok(row.facts.length >= 3);
      for (const f of row.facts) for (const k of FACT_KEYS) assert.ok(k in f, `fact has ${k}`);
      const ratio = row.facts.find((f) => f.kind === 'ratio');
      assert.ok(ratio);
      assert.equal(TEXT.slice(ratio.start as number, ratio.end as number), '147/120 đảng viên');
      assert.equal(ratio.numerator, 147);
      assert.equal(ratio.direction, null, 'fields that do not apply are null');
    }
  });

  test('check --json: one line per file with the contract fields', () => {
    const io = fakeIo({ 'a.txt': TEXT });
    runCheck(['a.txt'], { json: true }, io);
    const row = JSON.parse(io.lines[0] ?? '{}') as { file: string; findings: Record<string, unknown>[] };
    assert.equal(row.file, 'a.txt');
    assert.equal(row.findings.length, 1);
    for (const k of FINDING_KEYS) assert.ok(k in (row.findings[0] ?? {}), `finding has ${k}`);
    assert.equal(row.findings[0]?.holds, true);
  });

  test('readable listings in Vietnamese', () => {
    const io = fakeIo({ 'a.txt': TEXT });
    runExtract(['a.txt'], {}, io);
    runCheck(['a.txt'], {}, io);
    const out = io.lines.join('\n');
    assert.match(out, /a\.txt: 3 số liệu/u);
    assert.match(out, /147\/120 đảng viên — tỷ số/u);
    assert.match(out, /1 phép kiểm tra, 0 không khớp/u);
  });

  test('an unreadable file is reported by name, in Vietnamese; the others still run', () => {
    const io = fakeIo({ 'a.txt': TEXT });
    const failed = runExtract(['thiếu.txt', 'a.txt'], { json: true }, io);
    assert.equal(failed.length, 1);
    assert.equal(failed[0], 'Không đọc được tệp "thiếu.txt": tệp không tồn tại');
    assert.equal(io.lines.length, 1);
  });

  test('stripHeaderLines drops leading "# " lines only', () => {
    assert.equal(stripHeaderLines('# a\n# b\nNội dung\n# c'), 'Nội dung\n# c');
    assert.equal(stripHeaderLines('#không phải tiêu đề'), '#không phải tiêu đề');
  });
});

describe('registerExtractCommands with commander', () => {
  const module = fileURLToPath(new URL('../cli/commands/extract.ts', import.meta.url));
  const commander = fileURLToPath(new URL('../../node_modules/commander/esm.mjs', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-extract-'));
  const runner = join(dir, 'run.mts');
  writeFileSync(
    runner,
    `import { Command } from ${JSON.stringify(commander)};\n` +
      `import { registerExtractCommands } from ${JSON.stringify(module)};\n` +
      `const program = new Command('chitieu');\nregisterExtractCommands(program);\nawait program.parseAsync(process.argv);\n`,
  );
  const good = join(dir, 'bao-cao.txt');
  writeFileSync(good, TEXT);
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', tsx, runner, ...args], { encoding: 'utf8' });

  test('extract and check exit with 0, whatever the findings', () => {
    const e = run('extract', '--json', good);
    assert.equal(e.status, 0, e.stderr);
    assert.equal(JSON.parse(e.stdout.trim()).file, good);
    const c = run('check', good);
    assert.equal(c.status, 0, c.stderr);
    assert.match(c.stdout, /phép kiểm tra/u);
  });

  test('a directory is not a readable file either', () => {
    const r = run('extract', dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /đây là thư mục/u);
  });

  test('an unreadable file gives exit code 2 and a Vietnamese message naming it', () => {
    const missing = join(dir, 'không-có.txt');
    for (const cmd of ['extract', 'check']) {
      const r = run(cmd, '--json', good, missing);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /Không đọc được tệp ".*không-có\.txt": tệp không tồn tại/u);
      assert.equal(r.stdout.trim().split('\n').length, 1, 'the readable file is still processed');
    }
  });
});
