/**
 * Builds the demo workspace from the tables in demo/tables: units, successions, indicators,
 * resolutions, and the values of every unit (district figures as published or illustrated; commune
 * shares that add up exactly to them; the five new communes' own figures after 1/7/2025). Pure and
 * deterministic: the same tables always give the same file.
 */
import { monthSpan, parsePeriod } from '../../src/core/periods.ts';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceInput } from '../../src/workspace/schema.ts';
import { ALLOCATION, type Allocation, type Weights } from '../tables/allocation.ts';
import { BAC_SON_FIGURES, FIGURES, FIGURES_BY_OPTION, type Series, TAN_LAP_FIGURES } from '../tables/figures.ts';
import { INDICATORS } from '../tables/indicators.ts';
import { buildResolutions } from '../tables/resolutions.ts';
import { type Cell, DEMO_DOCUMENT, type Source, toCell } from '../tables/sources.ts';
import { buildSuccessions, buildUnits, ID, NEW_COMMUNES, type NewCommune } from '../tables/units.ts';
import { fromTicks, splitTicks, toTicks } from './split.ts';

type ValueInput = NonNullable<WorkspaceInput['values']>[number];
type IndicatorInput = (typeof INDICATORS)[number];

/** Periods split among the old communes: every district period except the full year 2025 (the district ends on 30/6). */
const FULL_YEAR_2025 = '2025';
const H1_2025 = '2025-YTD06';
const Q3_2025 = '2025-Q3';
const Q4_2025 = '2025-Q4';

const SPLIT_NOTE = {
  state: 'minh họa — chia từ số toàn huyện theo trọng số cố định',
  party: 'minh họa — chia từ số toàn Đảng bộ huyện theo trọng số cố định',
  explicit: 'minh họa — theo bảng phân bổ từng xã',
  successor: 'minh họa — xã mới từ 01/7/2025, suy từ các xã cũ và số ước năm 2025 của huyện',
} as const;

const illustrative = (note: string): Source => ({ document: DEMO_DOCUMENT, place: null, person: null, note });

function indicator(code: string): IndicatorInput {
  const ind = INDICATORS.find((i) => i.code === code);
  if (!ind) throw new Error(`Bảng số liệu nhắc tới chỉ số không có: "${code}"`);
  return ind;
}

const precisionOf = (ind: IndicatorInput) => ind.precision ?? 0;
const isParty = (ind: IndicatorInput) => ind.tree === 'party';
const districtOf = (ind: IndicatorInput) => (isParty(ind) ? ID.dbHuyenNganSon : ID.huyenNganSon);
const newUnitId = (ind: IndicatorInput, c: NewCommune) => (isParty(ind) ? c.partyId : c.id);
const predUnitId = (ind: IndicatorInput, oldId: string) => (isParty(ind) ? `db-${oldId}` : oldId);

/** Orders period codes by their first month, then by length (coarser first). */
function comparePeriods(a: string, b: string): number {
  const sa = monthSpan(parsePeriod(a));
  const sb = monthSpan(parsePeriod(b));
  return sa.from - sb.from || sb.to - sa.to;
}

/** The district series of an indicator (or of one of its options). */
function seriesOf(code: string, option: string | null): Series | undefined {
  return option === null ? FIGURES[code] : FIGURES_BY_OPTION[code]?.[option];
}

function districtTicks(ind: IndicatorInput, option: string | null, period: string): number | null {
  const c = seriesOf(ind.code, option)?.[period];
  return c === undefined ? null : toTicks(toCell(c).value, precisionOf(ind));
}

/**
 * Shares of the old communes (or grassroots party organisations) in ticks, for every district
 * period but the full year 2025. Memoised: a denominator is split once and reused by its numerators.
 */
class Allocator {
  private readonly memo = new Map<string, Map<string, number> | null>();

  constructor(private readonly allocation: Record<string, Allocation>) {}

  old(code: string, option: string | null, period: string): Map<string, number> | null {
    const key = `${code}|${option ?? ''}|${period}`;
    if (!this.memo.has(key)) this.memo.set(key, this.computeOld(code, option, period));
    return this.memo.get(key)!;
  }

  private computeOld(code: string, option: string | null, period: string): Map<string, number> | null {
    const a = this.allocation[code];
    const ind = indicator(code);
    const total = districtTicks(ind, option, period);
    if (!a || total === null || period === FULL_YEAR_2025) return null;
    if (a.kind === 'weights') return splitBy(total, a.weights);
    if (a.kind === 'explicit') {
      const row = a.table[period];
      if (!row) throw new Error(`Bảng phân bổ "${code}" thiếu kỳ ${period}`);
      const out = new Map(Object.entries(row).map(([id, v]) => [id, toTicks(v, precisionOf(ind))]));
      const sum = [...out.values()].reduce((s, v) => s + v, 0);
      if (sum !== total) throw new Error(`Bảng phân bổ "${code}" kỳ ${period}: tổng ${sum} khác số toàn huyện ${total}`);
      return out;
    }
    const den = this.old(a.of, option, period);
    const denTotal = districtTicks(indicator(a.of), option, period);
    if (!den || denTotal === null) throw new Error(`"${code}" kỳ ${period}: mẫu số "${a.of}" chưa có số liệu`);
    if (precisionOf(indicator(a.of)) !== precisionOf(ind)) throw new Error(`"${code}" và "${a.of}" phải cùng độ chính xác`);
    const shortfall = splitBy(denTotal - total, a.weights);
    return subtract(den, shortfall, `${code} kỳ ${period}`);
  }

  /** Q3 or Q4 2025 figures of the five new communes, or null when the indicator has none. */
  fresh(code: string, option: string | null, quarter: typeof Q3_2025 | typeof Q4_2025): Map<string, number> | null {
    const key = `${code}|${option ?? ''}|${quarter}`;
    if (!this.memo.has(key)) this.memo.set(key, this.computeFresh(code, option, quarter));
    return this.memo.get(key)!;
  }

  private computeFresh(code: string, option: string | null, quarter: typeof Q3_2025 | typeof Q4_2025): Map<string, number> | null {
    const a = this.allocation[code];
    const ind = indicator(code);
    if (!a) return null;
    if (a.kind === 'explicit') {
      const row = a.table[quarter];
      return row ? new Map(Object.entries(row).map(([id, v]) => [id, toTicks(v, precisionOf(ind))])) : null;
    }
    if (a.successors === false) return null;
    const h1 = districtTicks(ind, option, H1_2025);
    const year = districtTicks(ind, option, FULL_YEAR_2025);
    if (h1 === null || year === null) return null;
    const newWeights = (w: Weights): Weights =>
      Object.fromEntries(NEW_COMMUNES.map((c) => [newUnitId(ind, c), c.predecessors.reduce((s, p) => s + (w[predUnitId(ind, p)] ?? 0), 0)]));
    if (ind.timeAggregation === 'sum') {
      // Flows: the second half of the year is the full-year estimate less the first half, shared
      // among the new communes; a quarter is half of it (Q3 takes the odd tick).
      const halves = (m: Map<string, number>) => new Map([...m].map(([id, t]) => [id, quarter === Q3_2025 ? Math.ceil(t / 2) : Math.floor(t / 2)]));
      const h2 = year - h1;
      if (h2 < 0) throw new Error(`"${code}": ước cả năm 2025 nhỏ hơn số 6 tháng`);
      if (a.kind === 'weights') return halves(splitBy(h2, newWeights(a.weights)));
      const denInd = indicator(a.of);
      const den = this.fresh(a.of, option, quarter);
      const denH2 = (districtTicks(denInd, option, FULL_YEAR_2025) ?? NaN) - (districtTicks(denInd, option, H1_2025) ?? NaN);
      if (!den || Number.isNaN(denH2)) return null;
      return subtract(den, halves(splitBy(denH2 - h2, newWeights(a.weights))), `${code} ${quarter}`);
    }
    if (ind.timeAggregation !== 'last') throw new Error(`"${code}": chỉ chia được chỉ số cộng dồn hoặc thời điểm`);
    // Stocks: each new commune starts from its predecessors' stock at 30/6 and moves with the district.
    const scaled = (base: Map<string, number>, fromTotal: number, toTotal: number, w: Weights): Map<string, number> => {
      const q4 = fromTotal === 0 ? splitBy(toTotal, newWeights(w)) : new Map([...base].map(([id, b]) => [id, Math.round((b * toTotal) / fromTotal)]));
      return quarter === Q4_2025 ? q4 : new Map([...base].map(([id, b]) => [id, Math.round((b + q4.get(id)!) / 2)]));
    };
    const basesOf = (m: Map<string, number>) =>
      new Map(NEW_COMMUNES.map((c) => [newUnitId(ind, c), c.predecessors.reduce((s, p) => s + (m.get(predUnitId(ind, p)) ?? 0), 0)]));
    const oldH1 = this.old(code, option, H1_2025);
    if (!oldH1) return null;
    if (a.kind === 'weights') return scaled(basesOf(oldH1), h1, year, a.weights);
    const denInd = indicator(a.of);
    const den = this.fresh(a.of, option, quarter);
    const denOldH1 = this.old(a.of, option, H1_2025);
    const denH1 = districtTicks(denInd, option, H1_2025);
    const denYear = districtTicks(denInd, option, FULL_YEAR_2025);
    if (!den || !denOldH1 || denH1 === null || denYear === null) return null;
    const shortfallH1 = subtract(denOldH1, oldH1, `${code} (thiếu hụt) 6 tháng 2025`);
    const shortfall = scaled(basesOf(shortfallH1), denH1 - h1, denYear - year, a.weights);
    return subtract(den, shortfall, `${code} ${quarter}`);
  }
}

function splitBy(total: number, weights: Weights): Map<string, number> {
  const ids = Object.keys(weights);
  const parts = splitTicks(total, ids.map((id) => weights[id]!));
  return new Map(ids.map((id, i) => [id, parts[i]!]));
}

function subtract(a: Map<string, number>, b: Map<string, number>, what: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, v] of a) {
    const d = v - (b.get(id) ?? 0);
    if (d < 0) throw new Error(`${what}: số âm ở đơn vị "${id}" (trọng số phần thiếu hụt không hợp)`);
    out.set(id, d);
  }
  return out;
}

/** A value as the file holds it: fields left at their schema default (null, no revisions) are omitted. */
function value(ind: IndicatorInput, unit: string, period: string, option: string | null, v: number, cell: Pick<Cell, 'status' | 'source'>): ValueInput {
  const source = Object.fromEntries(Object.entries(cell.source).filter(([, x]) => x !== null)) as Partial<Source>;
  return { indicator: ind.code, unit, period, ...(option === null ? {} : { option }), value: v, status: cell.status, source };
}

function buildValues(): ValueInput[] {
  const out: ValueInput[] = [];
  const allocator = new Allocator(ALLOCATION);
  const keys: { code: string; option: string | null }[] = [
    ...Object.keys(FIGURES).map((code) => ({ code, option: null })),
    ...Object.entries(FIGURES_BY_OPTION).flatMap(([code, byOption]) => {
      const options = indicator(code).disaggregation?.options.map((o) => o.code) ?? [];
      for (const o of Object.keys(byOption)) if (!options.includes(o)) throw new Error(`Chỉ số "${code}" không có phân tổ "${o}"`);
      return Object.keys(byOption).map((option) => ({ code, option }));
    }),
  ];
  for (const { code, option } of keys) {
    const ind = indicator(code);
    const p = precisionOf(ind);
    const series = seriesOf(code, option)!;
    const periods = Object.keys(series).sort(comparePeriods);
    const splitNote = ALLOCATION[code]?.kind === 'explicit' ? SPLIT_NOTE.explicit : isParty(ind) ? SPLIT_NOTE.party : SPLIT_NOTE.state;
    for (const period of periods) {
      const cell = toCell(series[period]!);
      toTicks(cell.value, p); // the figure must fit the indicator's precision
      out.push(value(ind, districtOf(ind), period, option, cell.value, cell));
      const shares = allocator.old(code, option, period);
      if (shares)
        for (const [unit, t] of shares) out.push(value(ind, unit, period, option, fromTicks(t, p), { status: cell.status, source: illustrative(splitNote) }));
    }
    for (const quarter of [Q3_2025, Q4_2025] as const) {
      const shares = allocator.fresh(code, option, quarter);
      if (!shares) continue;
      const status = quarter === Q4_2025 ? 'uoc' : 'thuc_hien';
      for (const [unit, t] of shares) out.push(value(ind, unit, quarter, option, fromTicks(t, p), { status, source: illustrative(SPLIT_NOTE.successor) }));
    }
  }
  const place = (unit: string, figures: Record<string, Series>) => {
    for (const [code, series] of Object.entries(figures)) {
      const ind = indicator(code);
      for (const period of Object.keys(series).sort(comparePeriods)) {
        const cell = toCell(series[period]!);
        toTicks(cell.value, precisionOf(ind));
        out.push(value(ind, unit, period, null, cell.value, cell));
      }
    }
  };
  place(ID.huyenBacSon, BAC_SON_FIGURES);
  place(ID.xaTanLap, TAN_LAP_FIGURES);
  checkRates(out);
  return out;
}

/** A count never exceeds its denominator (households with electricity ≤ households) in any unit. */
function checkRates(values: ValueInput[]): void {
  const at = new Map(values.map((v) => [`${v.indicator}|${v.unit}|${v.period}|${v.option ?? ''}`, v.value]));
  for (const ind of INDICATORS) {
    if (ind.unitAggregation !== 'ratio' || !ind.ratio || ind.ratio.scale !== 100) continue;
    for (const v of values) {
      if (v.indicator !== ind.ratio.numerator) continue;
      const den = at.get(`${ind.ratio.denominator}|${v.unit}|${v.period}|${v.option ?? ''}`);
      if (den !== undefined && v.value > den) throw new Error(`${ind.code}: ${v.unit} kỳ ${v.period} có tử số ${v.value} lớn hơn mẫu số ${den}`);
    }
  }
}

/** The demo workspace, as the workspace file holds it. */
export function buildDemoWorkspace(): WorkspaceInput {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    units: buildUnits(),
    successions: buildSuccessions(),
    indicators: INDICATORS,
    resolutions: buildResolutions().map((r) => ({
      ...r,
      settings: { tolerance: 'stated_precision', exceed: 'beyond_plan', basicallyMetPercent: null, recurringTermRule: 'all_years' },
    })),
    values: buildValues(),
  };
}

/**
 * JSON with one unit, indicator, target or value per line, so that a change to the tables shows as
 * a readable diff of the committed file.
 */
export function serializeWorkspace(ws: WorkspaceInput): string {
  const lines = ['{', `  "format": ${JSON.stringify(ws.format)},`, `  "version": ${JSON.stringify(ws.version)},`];
  const arrays: [string, unknown[]][] = [
    ['units', ws.units ?? []],
    ['successions', ws.successions ?? []],
    ['indicators', ws.indicators ?? []],
    ['resolutions', ws.resolutions ?? []],
    ['values', ws.values ?? []],
  ];
  arrays.forEach(([name, items], k) => {
    lines.push(`  ${JSON.stringify(name)}: [`);
    items.forEach((item, i) => {
      const comma = i < items.length - 1 ? ',' : '';
      if (name === 'resolutions') {
        const { targets, ...head } = item as { targets: unknown[] };
        lines.push(`    ${JSON.stringify(head).slice(0, -1)},"targets":[`);
        targets.forEach((t, j) => lines.push(`      ${JSON.stringify(t)}${j < targets.length - 1 ? ',' : ''}`));
        lines.push(`    ]}${comma}`);
      } else lines.push(`    ${JSON.stringify(item)}${comma}`);
    });
    lines.push(`  ]${k < arrays.length - 1 ? ',' : ''}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
