import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { monthSpan, parsePeriod } from '../core/periods.ts';
import type { Store } from '../store/db.ts';
import { largeWorkspace, sampleWorkspace } from '../store/testing/sample-workspace.ts';
import { listRevisions, listValues } from '../store/values.ts';
import { openTestStore } from '../../test/support/db.ts';
import { exportWorkspace } from './export.ts';
import { importWorkspace, sortIssues, WorkspaceImportError } from './import.ts';
import { parseWorkspace, type Workspace, type WorkspaceInput } from './schema.ts';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The file as the schema normalises it, arrays in the export's order. */
function canonical(input: WorkspaceInput): Workspace {
  const p = parseWorkspace(input);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const ws = structuredClone(p.workspace);
  const span = (code: string) => monthSpan(parsePeriod(code));
  ws.units.sort((a, b) => byText(a.id, b.id));
  ws.successions.sort((a, b) => byText(a.from, b.from) || byText(a.to, b.to) || byText(a.effectiveDate, b.effectiveDate));
  ws.indicators.sort((a, b) => byText(a.code, b.code));
  ws.resolutions.sort((a, b) => byText(a.id, b.id));
  ws.values.sort(
    (a, b) =>
      byText(a.indicator, b.indicator) ||
      byText(a.unit, b.unit) ||
      span(a.period).from - span(b.period).from ||
      span(a.period).to - span(b.period).to ||
      byText(a.option ?? '', b.option ?? ''),
  );
  return ws;
}

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const tables = ['units', 'unit_parents', 'unit_successions', 'indicators', 'resolutions', 'targets', 'data_values', 'value_revisions'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(store.db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

/** Asserts that `fn` is refused with exactly these issues, and that the store did not change at all. */
async function assertRefused(store: Store, json: unknown, expected: { path: string; message: RegExp | string }[]): Promise<WorkspaceImportError> {
  const before = { counts: await rowCounts(store), ws: await exportWorkspace(store.db) };
  const err = await importWorkspace(store.db, json).then(
    () => assert.fail('the import should have been refused'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof WorkspaceImportError, `expected WorkspaceImportError, got ${String(err)}`);
  assert.equal(err.issues.length, expected.length, JSON.stringify(err.issues, null, 1));
  expected.forEach((x, i) => {
    assert.equal(err.issues[i]!.path, x.path);
    if (typeof x.message === 'string') assert.equal(err.issues[i]!.message, x.message);
    else assert.match(err.issues[i]!.message, x.message);
  });
  assert.deepEqual(await rowCounts(store), before.counts);
  assert.deepEqual(await exportWorkspace(store.db), before.ws);
  return err;
}

const minimal = (extra: Partial<WorkspaceInput> = {}): WorkspaceInput => ({ format: 'chitieu-workspace', version: 1, ...extra });

describe('import → export round trip', () => {
  let store: Store;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  test('export(import(x)) equals x after schema normalisation', async () => {
    const summary = await importWorkspace(store.db, sampleWorkspace(), { by: 'thử' });
    assert.equal(summary.values.inserted, sampleWorkspace().values!.length);
    assert.equal(summary.revisions, 2);
    const exported = await exportWorkspace(store.db);
    assert.deepEqual(exported, canonical(sampleWorkspace()));
  });

  test('the export imports into an empty store and exports byte for byte the same', async () => {
    const first = await exportWorkspace(store.db);
    const other = await openTestStore();
    try {
      await importWorkspace(other.db, JSON.parse(JSON.stringify(first)));
      assert.equal(JSON.stringify(await exportWorkspace(other.db)), JSON.stringify(first));
    } finally {
      await other.close();
    }
  });

  test('a revision time with an offset is kept as the same instant, written in UTC', async () => {
    const other = await openTestStore();
    try {
      const ws = sampleWorkspace();
      const v = ws.values!.find((x) => x.revisions?.length)!;
      v.revisions![0]!.at = '2024-12-15T15:00:00+07:00';
      await importWorkspace(other.db, ws);
      const out = await exportWorkspace(other.db);
      assert.equal(out.values.find((x) => x.revisions.length)!.revisions[0]!.at, '2024-12-15T08:00:00Z');
    } finally {
      await other.close();
    }
  });
});

describe('a refused file leaves the store exactly as it was', () => {
  let store: Store;
  before(async () => {
    store = await openTestStore();
    await importWorkspace(store.db, sampleWorkspace());
  });
  after(() => store.close());

  test('not a workspace at all', async () => {
    await assertRefused(store, 42, [{ path: '$', message: /object/ }]);
    await assertRefused(store, { format: 'khac', version: 2, values: 'abc' }, [
      { path: '$.format', message: 'Trường "format" phải là "chitieu-workspace"' },
      { path: '$.version', message: 'Phiên bản định dạng phải là 1' },
      { path: '$.values', message: /mảng|array/ },
    ]);
  });

  test('an unknown unit, named by its JSON path', async () => {
    await assertRefused(store, minimal({ values: [{ indicator: 'trong_rung', unit: 'xa-abc', period: '2024', value: 1 }] }), [
      { path: '$.values[0].unit', message: 'Không có đơn vị id "xa-abc"' },
    ]);
  });

  test('an unknown indicator', async () => {
    await assertRefused(store, minimal({ values: [{ indicator: 'khong_co', unit: 'huyen-ns', period: '2024', value: 1 }] }), [
      { path: '$.values[0].indicator', message: 'Không có chỉ số mã "khong_co"' },
    ]);
  });

  test('a duplicate value inside the file', async () => {
    const v = { indicator: 'trong_rung', unit: 'xa-coc-dan', period: '2023', value: 1 };
    await assertRefused(store, minimal({ values: [v, { ...v, period: 'năm 2023', value: 2 }] }), [
      { path: '$.values[1]', message: /^Trùng số liệu với \$\.values\[0\]/ },
    ]);
  });

  test('a duplicate of a value already in the store', async () => {
    await assertRefused(store, minimal({ values: [{ indicator: 'trong_rung', unit: 'huyen-ns', period: '2024', value: 999 }] }), [
      { path: '$.values[0]', message: /^Trùng số liệu đã có trong kho \(chỉ số "trong_rung", đơn vị "huyen-ns", kỳ 2024\)/ },
    ]);
  });

  test('a unit, a succession and an indicator already in the store', async () => {
    const ws = sampleWorkspace();
    await assertRefused(store, minimal({ units: [ws.units![0]!], successions: [ws.successions![0]!], indicators: [ws.indicators![0]!] }), [
      { path: '$.units[0].id', message: 'Đơn vị id "tinh-bk" đã có trong kho dữ liệu' },
      { path: '$.successions[0]', message: 'Quan hệ kế thừa từ "xa-van-tung" sang "xa-ngan-son" ngày 2025-07-01 đã có trong kho dữ liệu' },
      { path: '$.indicators[0].code', message: 'Chỉ số mã "trong_rung" đã có trong kho dữ liệu' },
    ]);
  });

  test('values of the wrong type', async () => {
    await assertRefused(
      store,
      minimal({
        values: [
          { indicator: 'trong_rung', unit: 'huyen-ns', period: '2019', value: '12,5' as unknown as number },
          { indicator: 'ho_ngheo', unit: 'huyen-ns', period: '2019', value: 2.5 },
          { indicator: 'ntm', unit: 'huyen-ns', period: '2019', value: 2 },
          { indicator: 'trong_rung', unit: 'huyen-ns', period: 'quý 5/2019', value: 1 },
        ],
      }),
      [
        { path: '$.values[0].value', message: /mong đợi số/ },
        { path: '$.values[3].period', message: /Quý "5"|Không hiểu kỳ báo cáo/ },
      ],
    );
    // Shape errors stop before the reference checks; with a valid shape the type rules speak.
    await assertRefused(
      store,
      minimal({
        values: [
          { indicator: 'ho_ngheo', unit: 'huyen-ns', period: '2019', value: 2.5 },
          { indicator: 'ntm', unit: 'huyen-ns', period: '2019', value: 2 },
          { indicator: 'ky_luat', unit: 'dbh-ns', period: '2019', option: 'phe_binh', value: 1 },
        ],
      }),
      [
        { path: '$.values[0].value', message: 'Chỉ số "ho_ngheo" nhận số nguyên, không nhận 2.5' },
        { path: '$.values[1].value', message: 'Chỉ số "ntm" kiểu đạt/không đạt nhận 1 hoặc 0' },
        { path: '$.values[2].option', message: 'Chỉ số "ky_luat" không có phân tổ "phe_binh"' },
      ],
    );
  });

  test('every issue is reported at once, in file order', async () => {
    const err = await assertRefused(
      store,
      minimal({
        units: [{ id: 'xa-moi', name: 'Mới', kind: 'xa', parents: [{ parentId: 'khong-co' }] }],
        values: [
          { indicator: 'x1', unit: 'u1', period: '2024', value: 1 },
          { indicator: 'trong_rung', unit: 'xa-moi', period: '2024', value: 1 },
          { indicator: 'trong_rung', unit: 'huyen-ns', period: '2024', value: 1 },
        ],
      }),
      [
        { path: '$.units[0].parents[0].parentId', message: 'Không có đơn vị cấp trên id "khong-co"' },
        { path: '$.values[0].indicator', message: 'Không có chỉ số mã "x1"' },
        { path: '$.values[0].unit', message: 'Không có đơn vị id "u1"' },
        { path: '$.values[2]', message: /^Trùng số liệu đã có trong kho/ },
      ],
    );
    assert.match(err.message, /^Tệp dữ liệu có 4 lỗi, không có gì được ghi vào kho:\n {2}\$\.units\[0\]\.parents\[0\]\.parentId: /);
  });
});

describe('all or nothing while writing', () => {
  let store: Store;
  before(async () => {
    store = await openTestStore();
    await importWorkspace(store.db, sampleWorkspace());
  });
  after(() => store.close());

  // Its ids differ from the sample's, so it is valid against the store.
  const bigFile = () => largeWorkspace({ communes: 30, values: 12_000 });

  test('a progress callback that throws after the first batch of values rolls everything back', async () => {
    const before = { counts: await rowCounts(store), ws: await exportWorkspace(store.db) };
    const calls: [number, number][] = [];
    const boom = new Error('dừng giữa chừng');
    await assert.rejects(
      importWorkspace(store.db, bigFile(), {
        onProgress(done, total) {
          calls.push([done, total]);
          if (done > 6000) throw boom;
        },
      }),
      (e) => e === boom,
    );
    assert.ok(calls.length >= 3, `progress was reported per batch: ${JSON.stringify(calls)}`);
    assert.deepEqual(await rowCounts(store), before.counts);
    assert.deepEqual(await exportWorkspace(store.db), before.ws);
  });

  test('a database constraint failing in the third batch of values rolls everything back', async () => {
    const before = await rowCounts(store);
    await sql`alter table data_values add constraint test_no_999999 check (value <> 999999)`.execute(store.db);
    try {
      const ws = bigFile();
      ws.values![11_000]!.value = 999999;
      await assert.rejects(importWorkspace(store.db, ws), /test_no_999999/);
      assert.deepEqual(await rowCounts(store), before);
    } finally {
      await sql`alter table data_values drop constraint test_no_999999`.execute(store.db);
    }
  });

  test('the same file then imports, in batches, with progress up to the total', async () => {
    const calls: [number, number][] = [];
    const summary = await importWorkspace(store.db, bigFile(), { onProgress: (d, t) => calls.push([d, t]) });
    assert.equal(summary.values.inserted, 12_000);
    const last = calls.at(-1)!;
    assert.equal(last[0], last[1]);
    assert.equal(last[1], 1 + 30 + 20 + 12_000);
  });
});

describe('replace', () => {
  let store: Store;
  before(async () => {
    store = await openTestStore();
    await importWorkspace(store.db, sampleWorkspace());
  });
  after(() => store.close());

  test('a stored value is updated, its version bumped, and a revision records who, when, old → new, why', async () => {
    const at = new Date('2026-01-05T03:04:05Z');
    const file = minimal({ values: [{ indicator: 'trong_rung', unit: 'huyen-ns', period: '2024', value: 545, status: 'thuc_hien', source: { document: 'Báo cáo 5-BC/HU' } }] });
    const summary = await importWorkspace(store.db, file, { replace: true, by: 'lethic', reason: 'Số liệu chính thức', now: at });
    assert.deepEqual(summary.values, { inserted: 0, replaced: 1, unchanged: 0 });
    const [v] = await listValues(store.db, { unitIds: ['huyen-ns'], indicator: 'trong_rung', within: monthSpan(parsePeriod('2024')) }).then((vs) => vs.filter((x) => x.period === '2024'));
    assert.equal(v!.value, 545);
    assert.equal(v!.version, 2);
    assert.equal(v!.updatedBy, 'lethic');
    assert.equal(v!.updatedAt, '2026-01-05T03:04:05Z');
    assert.deepEqual(v!.source, { document: 'Báo cáo 5-BC/HU', place: null, person: null, note: null });
    const revs = (await listRevisions(store.db, [Number(v!.id)])).get(Number(v!.id));
    assert.deepEqual(revs, [
      { at: '2026-01-05T03:04:05Z', by: 'lethic', oldValue: 540.5, newValue: 545, oldStatus: 'thuc_hien', newStatus: 'thuc_hien', reason: 'Số liệu chính thức' },
    ]);
  });

  test('re-importing an export with replace changes nothing and adds no revision', async () => {
    const before = { counts: await rowCounts(store), ws: await exportWorkspace(store.db) };
    const summary = await importWorkspace(store.db, JSON.parse(JSON.stringify(before.ws)), { replace: true });
    assert.equal(summary.values.replaced, 0);
    assert.equal(summary.values.unchanged, before.ws.values.length);
    assert.equal(summary.revisions, 0);
    assert.deepEqual(await rowCounts(store), before.counts);
    assert.deepEqual(await exportWorkspace(store.db), before.ws);
  });

  test('units, indicators and resolutions of the file overwrite the stored ones', async () => {
    const ws = sampleWorkspace();
    const unit = { ...ws.units!.find((u) => u.id === 'xa-thuong-quan')!, name: 'Thượng Quan Mới', parents: [{ parentId: 'tinh-tn-2025' }] };
    const res = { ...ws.resolutions![1]!, title: 'Tiêu đề mới', targets: [ws.resolutions![1]!.targets![0]!] };
    await importWorkspace(store.db, minimal({ units: [unit], resolutions: [res] }), { replace: true });
    const out = await exportWorkspace(store.db);
    const u = out.units.find((x) => x.id === 'xa-thuong-quan')!;
    assert.equal(u.name, 'Thượng Quan Mới');
    assert.deepEqual(u.parents, [{ parentId: 'tinh-tn-2025', from: null, to: null }]);
    const r = out.resolutions.find((x) => x.id === 'nq-ns-2024')!;
    assert.equal(r.title, 'Tiêu đề mới');
    assert.deepEqual(r.targets.map((t) => t.id), ['a1']);
  });
});

test('issues are sorted in file order', () => {
  const paths = ['$.values[10].unit', '$.values[2]', '$.units[0].id', '$.values[2].option', '$', '$.indicators[1].code', '$.successions[0]'];
  assert.deepEqual(
    sortIssues(paths.map((path) => ({ path, message: '' }))).map((i) => i.path),
    ['$', '$.units[0].id', '$.successions[0]', '$.indicators[1].code', '$.values[2]', '$.values[2].option', '$.values[10].unit'],
  );
});
