/**
 * Engine benchmark (issue 2): import rate, a full evaluation of every target of every unit for one
 * period, and memory, each next to a baseline measured in the same run:
 *
 * - province: ≈100 communes × 60 indicators × 72 months (432.000 values) on PGlite, imported through
 *   the real workspace import (zod validation + reference checks + one transaction);
 * - national (PostgreSQL): 3.321 communes in 34 provinces × 200 indicators × 72 months (≈47,8 million
 *   values), written through the store's batched insert (a 48-million-value workspace file does not
 *   fit in memory as JSON); evaluated province by province.
 *
 * Baselines: for import, a plain `insert … select from unnest` of the same rows into a bare table; for
 * evaluation, the plain SQL GROUP BY (sum per unit and indicator over the period) of the same values.
 *
 *   node --import tsx bench/engine.bench.ts [--only province|national] [--national-scale 0.1]
 *
 * PostgreSQL: DATABASE_URL, else a throwaway server from Debian's packages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { evaluateResolution } from '../src/core/evaluate.ts';
import type { Indicator } from '../src/core/indicators.ts';
import { parsePeriod } from '../src/core/periods.ts';
import type { Resolution, Target } from '../src/core/resolutions.ts';
import type { Unit } from '../src/core/units.ts';
import type { Value } from '../src/core/values.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { upsertIndicators } from '../src/store/indicators.ts';
import { loadModel } from '../src/store/load-model.ts';
import { upsertResolutions } from '../src/store/resolutions.ts';
import type { DB } from '../src/store/tables.ts';
import { upsertUnits } from '../src/store/units.ts';
import { insertValues } from '../src/store/values.ts';
import { importWorkspace } from '../src/workspace/import.ts';
import { startLocalPostgres } from '../test/support/local-postgres.ts';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const nationalScale = args.includes('--national-scale') ? Number(args[args.indexOf('--national-scale') + 1]) : 1;

const MONTHS = 72; // 2020-01 … 2025-12
const FIRST_YEAR = 2020;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
const fmt = (n: number, d = 2) => n.toLocaleString('vi-VN', { maximumFractionDigits: d });
const ms = (t0: number) => performance.now() - t0;

/** A small deterministic generator so every run measures the same figures. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function indicators(n: number): Indicator[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `CS${String(i + 1).padStart(3, '0')}`,
    name: `Chỉ số ${i + 1}`,
    aliases: [],
    measureUnit: i % 4 === 3 ? 'con' : 'ha',
    field: (['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_dang'] as const)[i % 4]!,
    direction: 'higher',
    valueType: 'number',
    // Three in four are flows (sum over months), one in four stocks (last value).
    timeAggregation: i % 4 === 3 ? 'last' : 'sum',
    unitAggregation: 'sum',
    ratio: null,
    precision: 1,
    disaggregation: null,
    tree: 'state',
    priceBasis: null,
    description: null,
  }));
}

function province(p: number, communes: number): Unit[] {
  const pid = `tinh-${p}`;
  const out: Unit[] = [{ id: pid, code: String(p).padStart(2, '0'), name: `Tỉnh ${p}`, kind: 'tinh', validFrom: null, validTo: null, parents: [], counterpartId: null, note: null }];
  for (let c = 0; c < communes; c++)
    out.push({ id: `${pid}-xa-${c}`, code: `${p}${String(c).padStart(4, '0')}`, name: `Xã ${p}.${c}`, kind: 'xa', validFrom: null, validTo: null, parents: [{ parentId: pid, from: null, to: null }], counterpartId: null, note: null });
  return out;
}

function monthlyValues(unitId: string, inds: Indicator[], r: () => number): Omit<Value, 'id'>[] {
  const out: Omit<Value, 'id'>[] = [];
  for (const ind of inds)
    for (let m = 0; m < MONTHS; m++) {
      const y = FIRST_YEAR + Math.floor(m / 12);
      out.push({
        indicator: ind.code,
        unitId,
        period: `${y}-M${String((m % 12) + 1).padStart(2, '0')}`,
        option: null,
        value: Math.round((10 + r() * 90) * 10) / 10,
        status: 'thuc_hien',
        source: { document: null, place: null, person: null, note: 'benchmark' },
      });
    }
  return out;
}

function annualResolution(id: string, issuer: string, inds: Indicator[], communes: number): Resolution {
  const targets: Target[] = inds.map((ind, i) => ({
    id: `${id}-${i}`,
    code: `T${i + 1}`,
    indicator: ind.code,
    wording: `${ind.name} năm 2024`,
    basis: { kind: 'level' },
    // Around the expected total so that statuses differ.
    rule: { op: 'min', value: ind.timeAggregation === 'sum' ? 55 * 12 * communes : 55 * communes },
    recurrence: 'once',
    precision: null,
    field: null,
    yearPlans: null,
    note: null,
  }));
  return { id, number: `${id}-NQ`, title: `Nhiệm vụ năm 2024 (${issuer})`, issuerId: issuer, issuedOn: null, scope: { kind: 'year', year: 2024 }, settings: { tolerance: 'stated_precision', exceed: 'beyond_plan', basicallyMetPercent: null, recurringTermRule: 'all_years' }, targets };
}

async function baselineInsert(db: Kysely<DB>, rows: Omit<Value, 'id'>[]): Promise<number> {
  await sql`create temporary table bench_raw (indicator_code text, unit_id text, period text, value double precision)`.execute(db);
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 5000) {
    const b = rows.slice(i, i + 5000);
    await sql`insert into bench_raw select * from unnest(${b.map((v) => v.indicator)}::text[], ${b.map((v) => v.unitId)}::text[], ${b.map((v) => v.period)}::text[], ${b.map((v) => v.value)}::float8[])`.execute(db);
  }
  const t = ms(t0);
  await sql`drop table bench_raw`.execute(db);
  return t;
}

async function groupBy(db: Kysely<DB>, year: number, unitIds?: string[]): Promise<number> {
  const t0 = performance.now();
  const from = year * 12;
  const to = year * 12 + 11;
  await sql`select unit_id, indicator_code, sum(value) from data_values
            where period_from >= ${from} and period_to <= ${to} ${unitIds ? sql`and unit_id = any(${unitIds}::text[])` : sql``}
            group by unit_id, indicator_code`.execute(db);
  return ms(t0);
}

interface EvalRun {
  ms: number;
  units: number;
  targets: number;
  loadMs: number;
}

/** Every target of every unit (province and its communes) for 2024. */
async function evaluateProvince(db: Kysely<DB>, provinceId: string, resolution: Resolution): Promise<EvalRun> {
  const t0 = performance.now();
  const model = await loadModel(db, { unitId: provinceId, fromYear: 2024, toYear: 2024 });
  const loadMs = ms(t0);
  const period = parsePeriod('2024');
  const unitIds = [provinceId, ...model.ctx.units.childrenDuring(provinceId, '2024-01-01', '2024-12-31').map((u) => u.id)];
  let targets = 0;
  for (const u of unitIds) targets += evaluateResolution(model.ctx, resolution, u, period).targets.length;
  return { ms: ms(t0), units: unitIds.length, targets, loadMs };
}

function report(title: string, rows: [string, string, string][]): void {
  console.log(`\n## ${title}\n`);
  console.log('| đo | giá trị | so với mốc (baseline) |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r[0]} | ${r[1]} | ${r[2]} |`);
}

async function benchProvince(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-'));
  const store = await openStore({ dataDir: dir });
  try {
    const inds = indicators(60);
    const units = province(1, 100);
    const r = rng(1);
    const values = units.slice(1).flatMap((u) => monthlyValues(u.id, inds, r));
    const res = annualResolution('nq-2024-tinh-1', 'tinh-1', inds, 100);
    const ws = {
      format: 'chitieu-workspace',
      version: 1,
      units,
      indicators: inds,
      resolutions: [{ ...res, scope: res.scope }],
      values: values.map((v) => ({ indicator: v.indicator, unit: v.unitId, period: v.period, option: null, value: v.value, status: v.status, source: v.source })),
    };
    const rss0 = process.memoryUsage().rss;
    const baseMs = await baselineInsert(store.db, values);
    const t0 = performance.now();
    await importWorkspace(store.db, ws, { by: 'bench' });
    const importMs = ms(t0);
    const gb = await groupBy(store.db, 2024);
    const gbWarm = await groupBy(store.db, 2024);
    const ev = await evaluateProvince(store.db, 'tinh-1', res);
    const rss1 = process.memoryUsage().rss;
    report(`Tỉnh tổng hợp trên PGlite: ${units.length - 1} xã × ${inds.length} chỉ số × ${MONTHS} tháng = ${fmt(values.length, 0)} số liệu`, [
      ['nhập tệp dữ liệu (kiểm tra zod + tham chiếu + 1 giao dịch)', `${fmt(importMs / 1000)} s — ${fmt(values.length / (importMs / 1000), 0)} số liệu/s`, `mốc: chèn thô unnest ${fmt(baseMs / 1000)} s → ×${fmt(importMs / baseMs)}`],
      [`đánh giá mọi chỉ tiêu của mọi đơn vị, năm 2024 (${ev.units} đơn vị × ${ev.targets / ev.units} chỉ tiêu)`, `${fmt(ev.ms)} ms (nạp mô hình ${fmt(ev.loadMs)} ms)`, `mốc: GROUP BY ${fmt(gbWarm)} ms (lần đầu ${fmt(gb)} ms) → ×${fmt(ev.ms / gbWarm)}`],
      ['bộ nhớ tiến trình (RSS)', `${mb(rss1)}`, `trước khi nhập ${mb(rss0)}`],
    ]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchNational(): Promise<void> {
  const own = process.env.DATABASE_URL ? null : startLocalPostgres();
  const url = process.env.DATABASE_URL ?? own!.url;
  let store: Store | null = null;
  try {
    store = await openStore({ databaseUrl: url });
    await sql`drop table if exists data_values_bench`.execute(store.db);
    const provinces = 34;
    const communesTotal = Math.round(3321 * nationalScale);
    const inds = indicators(200);
    const per = Math.floor(communesTotal / provinces);
    const extra = communesTotal - per * provinces;
    const allUnits: Unit[] = [];
    const resolutions: Resolution[] = [];
    for (let p = 1; p <= provinces; p++) {
      allUnits.push(...province(p, per + (p <= extra ? 1 : 0)));
      resolutions.push(annualResolution(`nq-2024-tinh-${p}`, `tinh-${p}`, inds, per));
    }
    await upsertUnits(store.db, allUnits, { mode: 'replace' });
    await upsertIndicators(store.db, inds);
    await upsertResolutions(store.db, resolutions);
    const communes = allUnits.filter((u) => u.kind === 'xa');
    const total = communes.length * inds.length * MONTHS;
    const r = rng(2);
    const sample = communes.slice(0, Math.max(1, Math.round(communes.length / 20))).flatMap((u) => monthlyValues(u.id, inds, rng(3)));
    const baseMs = await baselineInsert(store.db, sample);
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const t0 = performance.now();
    let done = 0;
    for (const u of communes) {
      await insertValues(store.db, monthlyValues(u.id, inds, r), { at: new Date(), by: 'bench' });
      done += inds.length * MONTHS;
      if (done % (inds.length * MONTHS * 200) === 0) {
        peak = Math.max(peak, process.memoryUsage().rss);
        process.stderr.write(`  đã ghi ${fmt(done, 0)}/${fmt(total, 0)} số liệu (${fmt(done / (ms(t0) / 1000), 0)}/s)\n`);
      }
    }
    const importMs = ms(t0);
    await sql`analyze data_values`.execute(store.db);
    const gb = await groupBy(store.db, 2024);
    const gbWarm = await groupBy(store.db, 2024);
    let evalMs = 0;
    let loadMs = 0;
    let nUnits = 0;
    let nTargets = 0;
    for (const res of resolutions) {
      const e = await evaluateProvince(store.db, res.issuerId, res);
      evalMs += e.ms;
      loadMs += e.loadMs;
      nUnits += e.units;
      nTargets += e.targets;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    report(`Cả nước trên PostgreSQL: ${fmt(communes.length, 0)} xã (34 tỉnh) × ${inds.length} chỉ số × ${MONTHS} tháng = ${fmt(total, 0)} số liệu`, [
      ['ghi số liệu theo lô (unnest, 5.000 dòng/lệnh)', `${fmt(importMs / 1000)} s — ${fmt(total / (importMs / 1000), 0)} số liệu/s`, `mốc: chèn thô unnest ${fmt(sample.length, 0)} dòng: ${fmt(sample.length / (baseMs / 1000), 0)} dòng/s → ×${fmt(total / (importMs / 1000) / (sample.length / (baseMs / 1000)))} tốc độ`],
      [`đánh giá mọi chỉ tiêu của mọi đơn vị, năm 2024 (${fmt(nUnits, 0)} đơn vị, ${fmt(nTargets, 0)} chỉ tiêu, theo từng tỉnh)`, `${fmt(evalMs / 1000)} s (nạp mô hình ${fmt(loadMs / 1000)} s)`, `mốc: GROUP BY toàn quốc ${fmt(gbWarm / 1000)} s (lần đầu ${fmt(gb / 1000)} s) → ×${fmt(evalMs / gbWarm)}`],
      ['bộ nhớ tiến trình (RSS, đỉnh)', mb(peak), `trước khi ghi ${mb(rss0)}`],
    ]);
  } finally {
    await store?.close();
    own?.stop();
  }
}

console.log(`# Đo hiệu năng bộ máy (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${(await import('node:os')).cpus().length} nhân)`);
if (!only || only === 'province') await benchProvince();
if (!only || only === 'national') await benchNational();
