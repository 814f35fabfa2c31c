// The data commands of the CLI (src/cli/commands/data.ts) run in-process against a test store.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { Command, CommanderError } from 'commander';
import { registerDataCommands } from '../cli/commands/data.ts';
import type { Store } from '../store/db.ts';
import { sampleWorkspace } from '../store/testing/sample-workspace.ts';
import { openTestStore } from '../../test/support/db.ts';
import { exportWorkspace } from './export.ts';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('data commands', () => {
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
  before(async () => {
    store = await openTestStore();
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs one command line; returns what it printed and its exit code. */
  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = new Capture();
    const err = new Capture();
    const program = new Command('chitieu').exitOverride().configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });
    // The store outlives each command here; the command's close() is a no-op.
    registerDataCommands(program, { openStoreFromOptions: async () => ({ ...store, close: async () => {} }), stdout: out, stderr: err, user: 'thu', cwd: dir });
    let code = 0;
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (e) {
      if (!(e instanceof CommanderError)) throw e;
      code = e.exitCode;
    }
    return { code, out: out.text, err: err.text };
  }

  test('init says where the store is', async () => {
    const r = await run('init');
    assert.equal(r.code, 0);
    assert.match(r.out, /^Kho dữ liệu đã sẵn sàng \((PGlite|PostgreSQL)\): /);
    assert.match(r.out, /Đang có 0 đơn vị, 0 chỉ số, 0 nghị quyết, 0 số liệu\./);
  });

  test('a refused import lists each issue with its JSON path, exits 1 and writes nothing', async () => {
    const bad = sampleWorkspace();
    bad.values!.push({ indicator: 'trong_rung', unit: 'xa-abc', period: '2024', value: 1 });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const r = await run('import', 'bad.json');
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /^ {2}\$\.values\[28\]\.unit: Không có đơn vị id "xa-abc"\n/);
    assert.match(r.err, /Tệp bad\.json có 1 lỗi \(liệt kê ở trên\); không có gì được ghi vào kho\./);
    assert.equal((await exportWorkspace(store.db)).units.length, 0);
  });

  test('a file that is not JSON, or missing, is a clear error', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"units": [');
    const r = await run('import', 'broken.json');
    assert.equal(r.code, 1);
    assert.match(r.err, /broken\.json không phải JSON hợp lệ/);
    assert.match((await run('import', 'khong-co.json')).err, /Không đọc được tệp .*khong-co\.json/);
  });

  test('import, then list, show and export', async () => {
    writeFileSync(join(dir, 'ws.json'), JSON.stringify(sampleWorkspace()));
    const imported = await run('import', 'ws.json');
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /^Đã nhập ws\.json: 17 đơn vị, 10 quan hệ kế thừa, 10 chỉ số, 2 nghị quyết, 28 số liệu mới, 2 lần sửa được ghi lại\.\n$/);

    const list = await run('units', 'list', '--search', 'ngan son');
    assert.deepEqual(
      list.out.trim().split('\n').slice(2).map((l) => l.split(/\s{2,}/)[0]),
      ['dbh-ns', 'huyen-ns', 'xa-ngan-son'],
    );
    assert.match((await run('units', 'list', '--kind', 'khong')).err, /Loại đơn vị "khong" không có/);

    const show = await run('units', 'show', 'xa-thuong-an');
    assert.match(show.out, /^Xã Thượng Ân\n {2}id: xa-thuong-an\n/);
    assert.match(show.out, /Đơn vị kế thừa:\n {2}01\/07\/2025 {2}chia tách một phần \(tỷ lệ 60%\) {2}xã Bằng Vân \[xa-bang-van\]/);
    assert.equal((await run('units', 'show', 'khong-co')).code, 1);

    const values = await run('values', 'list', '--unit', 'huyen-ns', '--period', 'quý I/2025');
    assert.match(values.out, /trong_rung +quý I\/2025 +— +120 +ước thực hiện/);
    assert.match((await run('values', 'list', '--unit', 'huyen-ns', '--period', 'quý 5/2025')).err, /Quý "5" không hợp lệ/);

    assert.match((await run('indicators', 'list')).out, /ty_le_ho_ngheo +Tỷ lệ hộ nghèo +% +Văn hóa – xã hội +lấy số cuối kỳ +tỷ lệ tử\/mẫu/);
    assert.match((await run('resolutions', 'list')).out, /nq-ns-2024 +15-NQ\/HU +năm 2024 +5 +Đảng bộ huyện Ngân Sơn/);

    const exported = await run('export');
    assert.deepEqual(JSON.parse(exported.out), await exportWorkspace(store.db));
    const toFile = await run('export', '--out', 'out.json');
    assert.equal(readFileSync(join(dir, 'out.json'), 'utf8'), exported.out);
    assert.match(toFile.err, /^Đã xuất 17 đơn vị, 10 chỉ số, 2 nghị quyết, 28 số liệu vào /);
  });

  test('import --replace overwrites and records who', async () => {
    const ws = sampleWorkspace();
    ws.values = [{ indicator: 'gtsx', unit: 'huyen-ns', period: '2024', value: 1400, status: 'thuc_hien' }];
    ws.units = ws.indicators = ws.resolutions = ws.successions = [];
    writeFileSync(join(dir, 'fix.json'), JSON.stringify(ws));
    assert.equal((await run('import', 'fix.json')).code, 1);
    const r = await run('import', 'fix.json', '--replace');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /0 số liệu mới, 1 số liệu ghi đè, 0 số liệu không đổi, 1 lần sửa được ghi lại/);
    const v = (await exportWorkspace(store.db)).values.find((x) => x.indicator === 'gtsx' && x.period === '2024')!;
    assert.deepEqual([v.value, v.revisions.at(-1)!.by, v.revisions.at(-1)!.oldValue], [1400, 'thu', 1382.71]);
  });

  test('every command has a Vietnamese --help', async () => {
    for (const args of [['init'], ['import'], ['export'], ['units'], ['units', 'list'], ['units', 'show'], ['units', 'import-dvhcvn'], ['indicators', 'list'], ['resolutions', 'list'], ['values', 'list']]) {
      const r = await run(...args, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, /^Cách dùng: chitieu /, args.join(' '));
      assert.match(r.out, /-h, --help +hiện hướng dẫn của lệnh/);
    }
  });
});
