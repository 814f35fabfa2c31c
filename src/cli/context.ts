/**
 * What every store-backed command needs: opening the store named on the command line, and resolving
 * "--unit Ngân Sơn --period 2024" into a unit, a model and the governing resolution.
 */
import { type EvaluationResult, evaluateResolution, findGoverningResolution } from '../core/evaluate.ts';
import { calendarRange, type Period, parsePeriod, PeriodError } from '../core/periods.ts';
import type { Resolution } from '../core/resolutions.ts';
import { findUnit, type Unit, unitDisplayName } from '../core/units.ts';
import { openStore, type Store } from '../store/db.ts';
import { loadModel } from '../store/load-model.ts';
import { listUnits } from '../store/units.ts';
import type { Model } from '../workspace/model.ts';
import { CliError } from './errors.ts';

export interface GlobalOptions {
  /** --data DIR */
  data?: string;
}

/** Opens the store: `--data DIR` > CHITIEU_DATA_DIR > DATABASE_URL > ./data (see src/store/db.ts). */
export function openStoreFromOptions(g: GlobalOptions): Promise<Store> {
  return openStore(g.data ? { dataDir: g.data } : {});
}

/** Runs `fn` with an open store and always closes it (releasing the data directory's lock). */
export async function withStore<T>(g: GlobalOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreFromOptions(g);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function parsePeriodArg(label: string): Period {
  try {
    return parsePeriod(label);
  } catch (e) {
    if (e instanceof PeriodError) throw new CliError(e.message, 2);
    throw e;
  }
}

/** Years whose figures an evaluation of `period` reads (the year before is loaded by the store). */
function yearsOf(p: Period): [number, number] {
  return p.kind === 'term' ? [p.startYear, p.endYear] : [p.year, p.year];
}

export interface UnitModel {
  unit: Unit;
  model: Model;
}

/**
 * Finds the unit named on the command line among the units valid in the period (huyện Ngân Sơn in
 * 2024, xã Ngân Sơn from 1/7/2025) and loads what its evaluation needs.
 */
export async function loadUnitModel(store: Store, unitQuery: string, period: Period, years: [number, number] = yearsOf(period)): Promise<UnitModel> {
  const units = await listUnits(store.db);
  const found = findUnit(units, unitQuery, calendarRange(period));
  if (!found.ok) throw new CliError(found.message);
  const [fromYear, toYear] = years;
  const model = await loadModel(store.db, { unitId: found.unit.id, fromYear, toYear });
  return { unit: found.unit, model };
}

/** The resolution named by id or number, or the one that governs the period for the unit. */
export function pickResolution(model: Model, unit: Unit, period: Period, query: string | undefined): Resolution {
  if (query) {
    const r = model.resolutions.find((x) => x.id === query) ?? model.resolutions.find((x) => x.number === query);
    if (!r) throw new CliError(`Không có Nghị quyết "${query}". Các Nghị quyết hiện có: ${listResolutionsText(model.resolutions)}`);
    return r;
  }
  const issuers = [unit.id, ...(unit.counterpartId ? [unit.counterpartId] : [])];
  const r = findGoverningResolution(model.resolutions, issuers, period);
  if (!r) {
    const own = model.resolutions.filter((x) => issuers.includes(x.issuerId));
    throw new CliError(
      `Không có Nghị quyết nào của ${unitDisplayName(unit)} áp dụng cho kỳ này. ` +
        (own.length ? `Nghị quyết của đơn vị: ${listResolutionsText(own)}. Dùng --resolution để chọn.` : 'Đơn vị chưa có Nghị quyết nào trong kho.'),
    );
  }
  return r;
}

function listResolutionsText(rs: readonly Resolution[]): string {
  return rs.length ? rs.map((r) => `${r.id} (${r.number}, ${r.scope.kind === 'year' ? `năm ${r.scope.year}` : `nhiệm kỳ ${r.scope.startYear} – ${r.scope.endYear}`})`).join('; ') : '(không có)';
}

/** The whole path of `chitieu evaluate`: unit, model, resolution, evaluation. */
export async function evaluateFromStore(store: Store, opts: { unit: string; period: string; resolution?: string }): Promise<EvaluationResult> {
  const period = parsePeriodArg(opts.period);
  const { unit, model } = await loadUnitModel(store, opts.unit, period);
  const resolution = pickResolution(model, unit, period, opts.resolution);
  return evaluateResolution(model.ctx, resolution, unit.id, period);
}
