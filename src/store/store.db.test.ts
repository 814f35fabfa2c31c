import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { evaluateResolution } from '../core/evaluate.ts';
import type { Period } from '../core/periods.ts';
import { importWorkspace } from '../workspace/import.ts';
import { valueKey, workspaceToModel } from '../workspace/model.ts';
import { parseWorkspace } from '../workspace/schema.ts';
import { openTestStore, testDbKind } from '../../test/support/db.ts';
import { openStore, PGLITE_SUBDIR, type Store } from './db.ts';
import { StoreError, StoreLockedError, toStoreError } from './errors.ts';
import { listIndicators, upsertIndicators } from './indicators.ts';
import { loadAll, loadModel, snapshotToModel } from './load-model.ts';
import { LOCK_FILE_NAME } from './lock.ts';
import { MIGRATIONS } from './migrations.ts';
import { listResolutions } from './resolutions.ts';
import { listSuccessions } from './successions.ts';
import { sampleWorkspace } from './testing/sample-workspace.ts';
import { getUnit, listUnits, upsertUnits } from './units.ts';
import { countValues, listValues } from './values.ts';

describe('a PGlite data directory', { skip: testDbKind() === 'pg' ? 'PGlite only (a data directory)' : false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-store-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const helper = fileURLToPath(new URL('./testing/hold-lock.ts', import.meta.url));
  const runHelper = (mode: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', helper, dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.on('exit', (code) => resolve({ code, out }));
    });

  test('is created, migrated, persisted and reopened; the lock file sits beside PGlite', async () => {
    const s1 = await openStore({ dataDir: dir });
    assert.equal(s1.kind, 'pglite');
    assert.equal(s1.location, dir);
    assert.ok(existsSync(join(dir, LOCK_FILE_NAME)));
    assert.ok(existsSync(join(dir, PGLITE_SUBDIR, 'PG_VERSION')));
    await importWorkspace(s1.db, sampleWorkspace());
    await s1.close();
    assert.equal(existsSync(join(dir, LOCK_FILE_NAME)), false, 'close releases the lock');
    const s2 = await openStore({ dataDir: dir });
    try {
      assert.equal(await countValues(s2.db), sampleWorkspace().values!.length);
      const migrations = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(s2.db);
      assert.equal(migrations.rows[0]!.n, Object.keys(MIGRATIONS).length, 'each migration ran once, none again on reopen');
    } finally {
      await s2.close();
    }
  });

  test('while it is open, another process is refused with a clear message, and may open it after close', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      await assert.rejects(openStore({ dataDir: dir }), StoreLockedError);
      const r = await runHelper('open');
      assert.equal(r.code, 3);
      assert.match(r.out, new RegExp(`Thư mục dữ liệu ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} đang được tiến trình ${process.pid} .*sử dụng`));
    } finally {
      await store.close();
    }
    const r = await runHelper('open');
    assert.equal(r.code, 0);
    assert.equal(r.out.trim(), 'ready');
  });
});

describe('the store', () => {
  let store: Store;
  before(async () => {
    store = await openTestStore();
    await importWorkspace(store.db, sampleWorkspace());
  });
  after(() => store.close());

  test('dates come back as ISO strings, counts as numbers, on either engine', async () => {
    const r = await sql<{ d: unknown; n: unknown; id: unknown }>`select '2025-07-01'::date as d, count(*) as n, max(id) as id from data_values`.execute(store.db);
    assert.equal(r.rows[0]!.d, '2025-07-01');
    assert.equal(typeof r.rows[0]!.n, 'number');
    assert.equal(typeof r.rows[0]!.id, 'number');
    const u = await getUnit(store.db, 'tinh-bk');
    assert.equal(u!.validTo, '2025-06-30');
  });

  test('text with quotes, braces, commas, backslashes and the word NULL survives the batched writes', async () => {
    const u = await getUnit(store.db, 'xa-cu-a');
    assert.equal(u!.name, 'Đồng "Cũ"; {A}, \\B/');
    await upsertUnits(store.db, [{ ...u!, id: 'xa-null', name: 'NULL', code: null, note: '{"a":1}', parents: [{ parentId: 'huyen-ns', from: '2000-01-01', to: null }] }], { mode: 'replace' });
    const n = await getUnit(store.db, 'xa-null');
    assert.deepEqual(n, { ...u!, id: 'xa-null', name: 'NULL', code: null, note: '{"a":1}', parents: [{ parentId: 'huyen-ns', from: '2000-01-01', to: null }] });
  });

  test('units are found without diacritics, by kind, by date, by code', async () => {
    const names = (us: { id: string }[]) => us.map((u) => u.id);
    assert.deepEqual(names(await listUnits(store.db, { search: 'ngan son' })), ['dbh-ns', 'huyen-ns', 'xa-ngan-son']);
    assert.deepEqual(names(await listUnits(store.db, { search: 'Ngân Sơn', kind: 'xa' })), ['xa-ngan-son']);
    assert.deepEqual(names(await listUnits(store.db, { search: 'duc van' })), ['xa-duc-van']);
    assert.deepEqual(names(await listUnits(store.db, { search: 'son ngan' })), ['dbh-ns', 'huyen-ns', 'xa-ngan-son'], 'word order does not matter');
    assert.deepEqual(names(await listUnits(store.db, { search: '01954' })), ['xa-van-tung', 'xa-ngan-son'], 'sorted by display name: thị trấn before xã');
    assert.deepEqual(names(await listUnits(store.db, { search: 'ngan son', at: '2025-06-30' })), ['dbh-ns', 'huyen-ns']);
    assert.deepEqual(names(await listUnits(store.db, { search: '50%_' })), []);
    const tq = await getUnit(store.db, 'xa-thuong-quan');
    assert.deepEqual(tq!.parents, [
      { parentId: 'huyen-ns', from: null, to: '2025-06-30' },
      { parentId: 'tinh-tn-2025', from: '2025-07-01', to: null },
    ]);
  });

  test('successions by unit, either end', async () => {
    const s = await listSuccessions(store.db, { unitIds: ['xa-thuong-an'] });
    assert.deepEqual(
      s.map((x) => [x.toId, x.kind, x.share]),
      [
        ['xa-bang-van', 'split', 0.6],
        ['xa-na-phac', 'split', 0.4],
      ],
    );
  });

  test('indicators keep their JSON parts (aliases, ratio, disaggregation) and can be rewritten', async () => {
    const all = await listIndicators(store.db);
    const rate = all.find((i) => i.code === 'ty_le_ho_ngheo')!;
    assert.deepEqual(rate.ratio, { numerator: 'ho_ngheo', denominator: 'tong_ho', scale: 100 });
    await upsertIndicators(store.db, [{ ...rate, aliases: ['hộ nghèo %'], precision: 1 }]);
    const again = (await listIndicators(store.db)).find((i) => i.code === 'ty_le_ho_ngheo')!;
    assert.deepEqual(again.aliases, ['hộ nghèo %']);
    assert.equal(again.precision, 1);
    await upsertIndicators(store.db, [rate]);
  });

  test('a constraint violation from the driver becomes a typed conflict error', async () => {
    const e = await sql`insert into units (id, name, kind, search_name) values ('tinh-bk', 'x', 'tinh', 'x')`.execute(store.db).then(
      () => null,
      (err: unknown) => err,
    );
    const mapped = toStoreError(e);
    assert.ok(mapped instanceof StoreError);
    assert.equal(mapped.code, 'conflict');
    assert.match(mapped.message, /^Dữ liệu trùng với dữ liệu đã có trong kho/);
  });

  test('loadModel takes the closure of the unit and the values of the years asked (and the year before)', async () => {
    const model = await loadModel(store.db, { unitId: 'xa-ngan-son', fromYear: 2025, toYear: 2025 });
    assert.equal(model.units.length, (await listUnits(store.db)).length, 'all units');
    assert.equal(model.resolutions.length, 2);
    const loaded = (await listValues(store.db)).filter((v) => model.ctx.values.stored(v.indicator, v.unitId, v.option).some((s) => s.value.id === v.id));
    // Ngân Sơn and its predecessors Vân Tùng, Cốc Đán, Đức Vân; periods overlapping 2024–2025.
    assert.deepEqual([...new Set(loaded.map((v) => v.unitId))].sort(), ['xa-coc-dan', 'xa-ngan-son', 'xa-van-tung']);
    assert.ok(loaded.every((v) => v.period >= '2024'));
    assert.ok(loaded.some((v) => v.period === '2024'));
  });

  test('an evaluation on loadModel gives what it gives on the file itself', async () => {
    const parsed = parseWorkspace(sampleWorkspace());
    assert.ok(parsed.ok);
    const fromFile = workspaceToModel(parsed.workspace);
    // The file's value ids are keys ("gtsx|huyen-ns|2024"), the store's are numbers: map the latter.
    const keyOf = new Map((await listValues(store.db)).map((v) => [v.id, valueKey({ ...v, unit: v.unitId })]));
    const toKeys = (x: unknown, key = ''): unknown => {
      if (Array.isArray(x)) return x.map((y) => (/sources$/i.test(key) && typeof y === 'string' ? (keyOf.get(y) ?? y) : toKeys(y)));
      if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toKeys(v, k)]));
      return x;
    };
    const cases: [string, string, Period, number, number][] = [
      ['nq-ns-2024', 'huyen-ns', { kind: 'year', year: 2024 }, 2024, 2024],
      ['nq-dh-ns-2020', 'huyen-ns', { kind: 'term', startYear: 2020, endYear: 2025 }, 2020, 2025],
      ['nq-ns-2024', 'dbh-ns', { kind: 'year', year: 2024 }, 2024, 2024],
    ];
    for (const [resId, unitId, period, fromYear, toYear] of cases) {
      const fromStore = await loadModel(store.db, { unitId, fromYear, toYear });
      const res = fromStore.resolutions.find((r) => r.id === resId)!;
      const expected = evaluateResolution(fromFile.ctx, fromFile.resolutions.find((r) => r.id === resId)!, unitId, period);
      const actual = evaluateResolution(fromStore.ctx, res, unitId, period);
      assert.deepEqual(toKeys(actual), expected, `${resId} ${unitId}`);
      assert.ok(actual.targets.some((t) => t.status !== 'chua_co_so_lieu'), 'the case has data');
    }
  });

  test('loadAll holds everything; resolutions keep their targets in order', async () => {
    const all = await loadAll(store.db);
    assert.equal(all.values.length, await countValues(store.db));
    assert.equal([...all.revisions.values()].flat().length, 2);
    const term = (await listResolutions(store.db)).find((r) => r.id === 'nq-dh-ns-2020')!;
    assert.deepEqual(
      term.targets.map((t) => t.id),
      sampleWorkspace().resolutions![0]!.targets!.map((t) => t.id),
    );
    assert.equal(snapshotToModel(all).ctx.indicators.size, all.indicators.length);
  });
});
