/**
 * The consistency checker: every claim a report text lets us verify with its own figures, checked
 * with the tolerance reports use (rounding or cutting to the decimals shown, approximation words).
 * Pure: text in, findings out. Each check is one function; docs/extract.md lists them.
 */
import { formatViNumber, roundHalfAway } from '../core/numbers.ts';
import { basisFamily, extractFacts } from './extract.ts';
import { labelSimilarity } from './indicator.ts';
import { layoutOf, sentenceIndexAt, type Layout } from './segments.ts';
import { agreement, agreementWords, type Agreement } from './tolerance.ts';
import type { CheckKind, Fact, Finding, Span } from './types.ts';
import { addable, categoryOf, isPercentUnit, scaleOf } from './units.ts';

interface Ctx {
  text: string;
  facts: readonly Fact[];
  layout: Layout;
  /** Facts by chain id, in text order. */
  chains: ReadonlyMap<number, readonly Fact[]>;
  /** Facts by sentence index, in text order. */
  sentences: ReadonlyMap<number, readonly Fact[]>;
}

/** Number as users read it: "122,5", "1.026". */
function vi(n: number, decimals = 2): string {
  return formatViNumber(n, { maxDecimals: decimals });
}
/** Computed number with exactly two decimals: "105,56". */
function vi2(n: number): string {
  return formatViNumber(n, { minDecimals: 2, maxDecimals: 2 });
}
function pct(n: number): string {
  return `${vi2(n)}%`;
}
/** A fact's figure as written, with its unit: "94,98%", "117 nhà", "93,0%". */
function figure(f: Fact): string {
  const v =
    f.numerator !== null && f.denominator !== null
      ? `${vi(f.numerator, 4)}/${vi(f.denominator, 4)}`
      : formatViNumber(f.value, { minDecimals: f.decimals, maxDecimals: Math.max(f.decimals, 0) });
  if (f.unit === null) return v;
  return isPercentUnit(f.unit) ? `${v}${f.unit}` : `${v} ${f.unit}`;
}

const MAX_CLAIM = 240;

/** The claim quoted from the text: one slice when the spans are close, else the pieces joined with " … ". */
function quote(text: string, spans: readonly Span[]): string {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return '';
  const whole = text.slice(first.start, Math.max(...spans.map((s) => s.end)));
  const flat = (s: string): string => s.replace(/\s+/gu, ' ').trim();
  if (whole.length <= MAX_CLAIM) return flat(whole);
  return spans.map((s) => flat(text.slice(s.start, s.end))).join(' … ');
}

interface FindingInput {
  check: CheckKind;
  judged: Fact;
  others: readonly Fact[];
  stated: number;
  expected: number;
  holds: boolean;
  arithmetic: string;
  explanation: string;
}

function finding(ctx: Ctx, x: FindingInput): Finding {
  const all = [x.judged, ...x.others];
  const spans = [...new Map(all.map((f) => [`${f.start}:${f.end}`, { start: f.start, end: f.end }])).values()].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  return {
    start: x.judged.start,
    end: x.judged.end,
    spans,
    check: x.check,
    claim: quote(ctx.text, spans),
    arithmetic: x.arithmetic,
    stated: x.stated,
    expected: Number.isFinite(x.expected) ? roundHalfAway(x.expected, 4) : x.expected,
    holds: x.holds,
    explanation: x.explanation,
  };
}

/** "147/120 = 122,50%, khớp sau khi làm tròn với 122,5% đã nêu." */
function verdict(computedText: string, stated: Fact, a: Agreement | null): string {
  const s = figure(stated);
  const q = stated.qualifier ? `${stated.qualifier} ${s}` : s;
  return a ? `${computedText}, ${agreementWords(a)} với "${q}" đã nêu.` : `${computedText}, không khớp với "${q}" đã nêu.`;
}

/**
 * A ratio and the percent written after it: "147/120 đảng viên, đạt 122,5% kế hoạch" needs
 * 147 / 120 × 100 = 122,5. A ratio without a percent ("83/120" after 8 months) is not judged.
 */
function checkRatioPercents(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const chain of ctx.chains.values()) {
    const head = chain[0];
    if (!head || head.numerator === null || head.denominator === null || head.denominator === 0) continue;
    // The percent after a ratio: of plan ("147/120 …, đạt 122,5% kế hoạch") or a share ("13/15 chi bộ …, đạt 86,67%").
    const p = chain.find((f) => f !== head && (f.kind === 'percent_of_plan' || (f.kind === 'actual' && f.unit === '%')));
    if (!p) continue;
    const computed = (head.numerator / head.denominator) * 100;
    const a = agreement(computed, p.value, p.decimals, p.qualifier);
    const arithmetic = `${vi(head.numerator, 4)} / ${vi(head.denominator, 4)} × 100 = ${pct(computed)}`;
    out.push(
      finding(ctx, {
        check: 'ratio_percent',
        judged: p,
        others: [head],
        stated: p.value,
        expected: computed,
        holds: a !== null,
        arithmetic,
        explanation: verdict(`Tỷ lệ ${arithmetic}`, p, a),
      }),
    );
  }
  return out;
}

/**
 * "vượt X%" after an actual and its plan: X is the excess in percentage points (95% − 90% = 5)
 * or relative to the plan (105,5% − 100% = 5,5%). Either reading is accepted; neither is an error.
 */
function checkExcess(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const chain of ctx.chains.values()) {
    const head = chain[0];
    if (!head) continue;
    for (const c of chain) {
      if (c.kind !== 'change' || c.direction !== 'vượt') continue;
      const readings: { value: number; text: string; used: Fact[] }[] = [];
      const p = chain.find((f) => f.kind === 'percent_of_plan' && f.start < c.start);
      if (p) readings.push({ value: p.value - 100, text: `${vi(p.value, 4)}% − 100% = ${vi(p.value - 100, 4)}%`, used: [p] });
      if (head.numerator !== null && head.denominator !== null && head.denominator !== 0) {
        const r = (head.numerator / head.denominator) * 100;
        if (isPercentUnit(c.unit)) readings.push({ value: r - 100, text: `${pct(r)} − 100% = ${pct(r - 100)}`, used: [head] });
        if (isPercentUnit(head.unit) === isPercentUnit(c.unit)) {
          const d = head.numerator - head.denominator;
          const unit = isPercentUnit(c.unit) ? ' điểm %' : c.unit ? ` ${c.unit}` : '';
          readings.push({ value: d, text: `${vi(head.numerator, 4)} − ${vi(head.denominator, 4)} = ${vi(d, 4)}${unit}`, used: [head] });
        }
      }
      if (readings.length === 0) continue;
      const ok = readings.find((r) => agreement(r.value, c.value, c.decimals, c.qualifier) !== null);
      const first = readings[0];
      if (!first) continue;
      const arithmetic = readings.map((r) => r.text).join('; ');
      out.push(
        finding(ctx, {
          check: 'excess',
          judged: c,
          others: (ok ?? first).used.concat(readings.flatMap((r) => r.used)),
          stated: c.value,
          expected: (ok ?? first).value,
          holds: ok !== undefined,
          arithmetic,
          explanation: ok
            ? `Mức vượt ${figure(c)} khớp với ${ok.text}.`
            : `Mức vượt ${figure(c)} không khớp với cách tính nào: ${readings.map((r) => r.text).join(', hoặc ')}.`,
        }),
      );
    }
  }
  return out;
}

/** Interval of targets T for which actual/T×100 is written p (rounded or cut to p's decimals). */
function targetInterval(actual: number, p: Fact): { lo: number; hi: number } | null {
  const u = 10 ** -p.decimals;
  const top = p.value + u;
  const bottom = p.value - 0.5 * u;
  if (bottom <= 0 || actual <= 0) return null;
  return { lo: (actual / top) * 100, hi: (actual / bottom) * 100 };
}

/** The number with the fewest decimals (0 to 3) in (lo, hi], nearest the middle. */
function simplestIn(lo: number, hi: number): { value: number; decimals: number } | null {
  for (let k = 0; k <= 3; k++) {
    const step = 10 ** -k;
    const first = Math.floor(lo / step + 1e-9) + 1;
    const last = Math.floor(hi / step + 1e-9);
    if (first > last) continue;
    const mid = (lo + hi) / 2 / step;
    const n = Math.min(last, Math.max(first, Math.round(mid)));
    return { value: roundHalfAway(n * step, k), decimals: k };
  }
  return null;
}

interface PlanChain {
  head: Fact;
  percent: Fact;
  interval: { lo: number; hi: number };
}

/**
 * Percent of plan against its actual and plan. With the plan written ("đạt 540 tỷ đồng, bằng
 * 105% dự toán (dự toán 514 tỷ đồng)") it is plain arithmetic. Without it, a congress resolution
 * target is the same for every year of the term, so figures of one indicator in several years
 * fix it: "75%, đạt 83,3% so với Nghị quyết" gives about 90%, and then "94,98 … đạt 105,4% nghị
 * quyết" should have read 105,5%. The target chosen is the roundest value consistent with the
 * statements, supported by the most of them.
 */
function checkPlanPercents(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const inferable: PlanChain[] = [];
  for (const chain of ctx.chains.values()) {
    const head = chain[0];
    const p = chain.find((f) => f.kind === 'percent_of_plan');
    if (!head || !p || head.kind !== 'actual' || head.numerator !== null || head.valueMax !== null) continue;
    // The plan written in the same sentence ("đạt 91,3% mục tiêu (40 km)") or the one before
    // ("phấn đấu xóa 250 nhà tạm …. … đã hoàn thành 212 nhà, đạt 84,8% kế hoạch").
    const list = ctx.sentences.get(head.sentence) ?? [];
    const at = firstAtOrAfter(list, head.start);
    const isPlan = (f: Fact): boolean => f.kind === 'plan' && f.valueMax === null && f.unit === head.unit && f.value > 0;
    const plan =
      list.slice(Math.max(0, at - MAX_PARTS), at + MAX_PARTS).find(isPlan) ??
      (ctx.sentences.get(head.sentence - 1) ?? []).slice(-MAX_PARTS).reverse().find(isPlan);
    if (plan) {
      const computed = (head.value / plan.value) * 100;
      const a = agreement(computed, p.value, p.decimals, p.qualifier);
      const arithmetic = `${vi(head.value, 4)} / ${vi(plan.value, 4)} × 100 = ${pct(computed)}`;
      out.push(
        finding(ctx, {
          check: 'plan_percent',
          judged: p,
          others: [head, plan],
          stated: p.value,
          expected: computed,
          holds: a !== null,
          arithmetic,
          explanation: verdict(`Thực hiện ${figure(head)} so với kế hoạch ${figure(plan)}: ${arithmetic}`, p, a),
        }),
      );
      continue;
    }
    if (basisFamily(p.basis) !== 'resolution' || p.qualifier !== null || head.qualifier !== null) continue;
    const interval = targetInterval(head.value, p);
    if (interval) inferable.push({ head, percent: p, interval });
  }
  for (const group of groupByIndicator(inferable)) out.push(...judgeInferredTarget(ctx, group));
  return out;
}

/** How near (in sentences) figures of one indicator must be to share an inferred target, and how many may. */
const TARGET_WINDOW = 5;
const MAX_GROUP = 10;

/**
 * Groups chains of the same unit whose indicator labels are alike (bigram Jaccard ≥ 0.6) and
 * that sit within a few sentences of each other: the years of one indicator are reviewed together.
 */
function groupByIndicator(chains: readonly PlanChain[]): PlanChain[][] {
  const done: PlanChain[][] = [];
  let open: PlanChain[][] = [];
  for (const c of chains) {
    const near = (g: PlanChain[]): boolean => (g[g.length - 1]?.head.sentence ?? -Infinity) >= c.head.sentence - TARGET_WINDOW;
    done.push(...open.filter((g) => !near(g)));
    open = open.filter(near);
    const g = open.find((x) => {
      const first = x[0];
      return (
        first !== undefined &&
        x.length < MAX_GROUP &&
        first.head.unit === c.head.unit &&
        labelSimilarity(first.head.indicator, c.head.indicator) >= 0.6
      );
    });
    if (g) g.push(c);
    else open.push([c]);
  }
  return [...done, ...open].filter((g) => g.length >= 2);
}

function judgeInferredTarget(ctx: Ctx, group: readonly PlanChain[]): Finding[] {
  const inside = (t: number, c: PlanChain): boolean => t > c.interval.lo && t <= c.interval.hi + 1e-9;
  const candidates = group.map((c) => simplestIn(c.interval.lo, c.interval.hi)).filter((x) => x !== null);
  if (candidates.length === 0) return [];
  const fewest = Math.min(...candidates.map((x) => x.decimals));
  const support = (t: number): number => group.filter((c) => inside(t, c)).length;
  const ranked = [...new Set(candidates.filter((x) => x.decimals === fewest).map((x) => x.value))].sort(
    (a, b) => support(b) - support(a),
  );
  const target = ranked[0];
  if (target === undefined || (ranked[1] !== undefined && support(ranked[1]) === support(target))) return [];
  const backers = group.filter((c) => inside(target, c));
  const out: Finding[] = [];
  for (const c of group) {
    const evidence = backers.filter((b) => b !== c);
    const holds = inside(target, c);
    if (!holds && evidence.length === 0) continue;
    const computed = (c.head.value / target) * 100;
    const a = agreement(computed, c.percent.value, c.percent.decimals, null);
    const arithmetic = `${vi(c.head.value, 4)} / ${vi(target, 3)} × 100 = ${pct(computed)}`;
    const source = (evidence[0] ?? c).head;
    const sourcePct = (evidence[0] ?? c).percent;
    out.push(
      finding(ctx, {
        check: 'plan_percent',
        judged: c.percent,
        others: [c.head, ...evidence.flatMap((e) => [e.head, e.percent])],
        stated: c.percent.value,
        expected: computed,
        holds: a !== null,
        arithmetic,
        explanation:
          `Chỉ tiêu Nghị quyết không được nêu; từ "${figure(source)}, đạt ${figure(sourcePct)}" suy ra chỉ tiêu khoảng ${vi(target, 3)}` +
          ` (${vi(source.value, 4)} / ${vi(sourcePct.value, 4)}% ≈ ${vi((source.value / sourcePct.value) * 100, 2)}). ` +
          verdict(`Với ${figure(c.head)}: ${arithmetic}`, c.percent, a),
      }),
    );
  }
  return out;
}

/** The year named in a basis or a period ("năm 2021" → "2021"). */
function yearOf(s: string | null): string | null {
  return /\d{4}/u.exec(s ?? '')?.[0] ?? null;
}

interface Reading {
  value: number;
  text: string;
}

/** Ways to read a change between two levels: points, relative %, or units. */
function changeReadings(from: number, to: number, levelUnit: string | null, changeUnit: string | null): Reading[] {
  const d = Math.abs(to - from);
  const out: Reading[] = [];
  if (isPercentUnit(levelUnit) && isPercentUnit(changeUnit)) {
    out.push({ value: d, text: `${vi(Math.max(from, to), 4)}% − ${vi(Math.min(from, to), 4)}% = ${vi(d, 4)} điểm phần trăm` });
  }
  if (isPercentUnit(changeUnit) && from !== 0) {
    out.push({ value: (d / Math.abs(from)) * 100, text: `${vi(d, 4)} / ${vi(from, 4)} × 100 = ${pct((d / Math.abs(from)) * 100)}` });
  }
  // "62,4 triệu đồng/người/năm, tăng 5,1 triệu đồng": the change is in the level's measure.
  const sameMeasure = changeUnit === levelUnit || (changeUnit !== null && (levelUnit ?? '').startsWith(`${changeUnit}/`));
  if (!isPercentUnit(changeUnit) && sameMeasure) {
    out.push({ value: d, text: `|${vi(to, 4)} − ${vi(from, 4)}| = ${vi(d, 4)}${changeUnit ? ` ${changeUnit}` : ''}` });
  }
  return out;
}

const MOVE_WORD = /(tăng|giảm)\s+(?:[\p{L}]+\s+){0,2}từ\s*$/iu;

/**
 * A change against its two levels: "75% … giảm 19,9% so với năm 2021" with the 2021 figure
 * (94,98) earlier in the text; "giảm từ 29,56% xuống 25,3%" (direction, and the size of the
 * change when written); "bằng 108,5% cùng kỳ, tăng 8,5%". Percentage points and relative change
 * are both accepted, as reports use both under the same "%".
 */
function checkChanges(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const { facts, text } = ctx;
  facts.forEach((c, i) => {
    if (c.kind !== 'change' || (c.direction !== 'tăng' && c.direction !== 'giảm')) return;
    const chain = ctx.chains.get(c.chain) ?? [];
    const head = chain[0];
    const family = basisFamily(c.basis);
    const same = chain.find((f) => f.kind === 'percent_of_same_period');
    if (same && (family === 'same_period' || c.basis === null)) {
      const expected = Math.abs(same.value - 100);
      const dirOk = c.direction === 'tăng' ? same.value > 100 : same.value < 100;
      const a = dirOk ? agreement(expected, c.value, c.decimals, c.qualifier) : null;
      const arithmetic = `|${vi(same.value, 4)}% − 100%| = ${vi(expected, 4)}%`;
      out.push(
        finding(ctx, {
          check: 'change',
          judged: c,
          others: [same],
          stated: c.value,
          expected,
          holds: a !== null,
          arithmetic,
          explanation: dirOk
            ? verdict(`Bằng ${figure(same)} cùng kỳ nghĩa là ${c.direction} ${arithmetic}`, c, a)
            : `Bằng ${figure(same)} cùng kỳ thì không thể "${c.direction}".`,
        }),
      );
      return;
    }
    const year = family === 'period' ? yearOf(c.basis) : null;
    if (!head || head === c || head.kind !== 'actual' || year === null) return;
    let ref: Fact | null = null;
    for (let j = i - 1; j >= 0 && j >= i - 200; j--) {
      const f = facts[j];
      if (!f || f.chain === c.chain || f.kind !== 'actual' || f.unit !== head.unit) continue;
      if (!(f.period ?? '').includes(year) || labelSimilarity(f.indicator, head.indicator) < 0.5) continue;
      ref = f;
      break;
    }
    const judged = ref ? judgeMove(ctx, c, ref, head, c.direction, true) : null;
    if (judged) out.push(judged);
  });
  // "giảm từ 38 chi bộ … xuống còn 10 chi bộ" (and a written size of the change, if any).
  for (const list of ctx.sentences.values()) {
    list.forEach((to, k) => {
      if (to.role !== 'to') return;
      let from: Fact | null = null;
      for (let j = k - 1; j >= 0 && j >= k - MAX_PARTS; j--) {
        const f = list[j];
        if (f && f.role === 'from' && f.unit === to.unit) {
          from = f;
          break;
        }
      }
      if (!from) return;
      const dir = MOVE_WORD.exec(text.slice(Math.max(0, from.start - 40), from.start))?.[1]?.toLowerCase();
      if (dir !== 'tăng' && dir !== 'giảm') return;
      const size = list
        .slice(k - MAX_PARTS < 0 ? 0 : k - MAX_PARTS, k + MAX_PARTS)
        .find((f) => f.kind === 'change' && f.direction === dir && f.start > from.start);
      const judged = size ? judgeMove(ctx, size, from, to, dir, false) : null;
      if (judged) {
        out.push(judged);
        return;
      }
      const holds = dir === 'giảm' ? to.value < from.value : to.value > from.value;
      out.push(
        finding(ctx, {
          check: 'change',
          judged: to,
          others: [from],
          stated: to.value,
          expected: from.value,
          holds,
          arithmetic: `${vi(from.value, 4)} → ${vi(to.value, 4)}`,
          explanation: holds
            ? `"${dir} từ ${figure(from)} ${dir === 'giảm' ? 'xuống' : 'lên'} ${figure(to)}": đúng chiều ${dir}.`
            : `"${dir}" nhưng ${figure(to)} ${dir === 'giảm' ? 'không nhỏ hơn' : 'không lớn hơn'} ${figure(from)}.`,
        }),
      );
    });
  }
  return out;
}

/**
 * Judges a written change `c` between the levels `from` and `to`; null when its unit allows no
 * reading and its direction is right (nothing to compare).
 */
function judgeMove(ctx: Ctx, c: Fact, from: Fact, to: Fact, dir: 'tăng' | 'giảm', namePeriod: boolean): Finding | null {
  const dirOk = dir === 'giảm' ? to.value < from.value : to.value > from.value;
  const readings = changeReadings(from.value, to.value, to.unit, c.unit);
  if (dirOk && readings.length === 0) return null;
  const ok = dirOk ? readings.find((r) => agreement(r.value, c.value, c.decimals, c.qualifier) !== null) : undefined;
  const first = ok ?? readings[0];
  const arithmetic = readings.map((r) => r.text).join('; ') || `${vi(from.value, 4)} → ${vi(to.value, 4)}`;
  let explanation: string;
  if (!dirOk) explanation = `"${dir} ${figure(c)}" nhưng mức từ ${figure(from)} sang ${figure(to)} không ${dir}.`;
  else if (ok) {
    const a = agreement(ok.value, c.value, c.decimals, c.qualifier);
    const when = namePeriod && from.period ? ` (${from.period})` : '';
    explanation = `Từ ${figure(from)}${when} đến ${figure(to)}: ${ok.text}, ${a ? agreementWords(a) : 'khớp'} với "${dir} ${figure(c)}".`;
  } else explanation = `Từ ${figure(from)} đến ${figure(to)}: ${arithmetic}; không khớp với "${dir} ${figure(c)}".`;
  return finding(ctx, {
    check: 'change',
    judged: c,
    others: [from, to],
    stated: c.value,
    expected: first ? first.value : Math.abs(to.value - from.value),
    holds: ok !== undefined,
    arithmetic,
    explanation,
  });
}

/** Value of a fact in its category's base unit (money in đồng, area in m²…), for sums. */
function base(f: Fact): number {
  return (f.numerator ?? f.value) * scaleOf(f.unit);
}

function compatible(a: Fact, b: Fact): boolean {
  return addable(a.unit, b.unit);
}

/** A figure that can be a part or a total (levels and counts, not percents of something else). */
function isAmount(f: Fact): boolean {
  return (f.kind === 'actual' || f.kind === 'ratio' || f.kind === 'count_of_targets') && !isPercentUnit(f.unit) && f.valueMax === null;
}

const PART_MARKER = /(?<![\p{L}])(trong số đó|trong số này|trong đó|bao gồm|gồm có|gồm)(?![\p{L}])/giu;

/**
 * Parts against their total: "117 nhà …, trong đó có 111 hộ xây mới và 06 hộ sửa chữa" (111 + 6
 * = 117), "17 đảng viên (khiển trách 10, cảnh cáo 02, khai trừ 05)", "Trong số này có 24 nhà"
 * (24 ≤ 117). Parts summing to the total or less hold ("trong đó" may name only some parts, even
 * with "và": "98 xã …, trong đó 25 xã nâng cao và 6 xã kiểu mẫu"); parts summing to more do not,
 * unless the total is a bound ("hơn 380ha"). For a count of targets, those "không đạt" are not
 * parts of the targets met.
 */
function checkParts(ctx: Ctx): Finding[] {
  const { text, facts, layout } = ctx;
  const out: Finding[] = [];
  const markers: { at: number; end: number; bracket: boolean }[] = [];
  PART_MARKER.lastIndex = 0;
  for (let m = PART_MARKER.exec(text); m !== null; m = PART_MARKER.exec(text)) {
    const bracket = /\(\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index));
    markers.push({ at: m.index, end: m.index + m[0].length, bracket });
  }
  for (const f of facts) {
    const after = /^\s*\(/u.exec(text.slice(f.end, f.end + 4));
    if (!after) continue;
    const open = f.end + after[0].length;
    if (/^\s*(?:trong số đó|trong số này|trong đó|bao gồm|gồm)/iu.test(text.slice(open, open + 16))) continue;
    markers.push({ at: open - 1, end: open, bracket: true });
  }
  markers.sort((a, b) => a.at - b.at);
  markers.forEach((mk, mi) => {
    const si = sentenceIndexAt(layout, mk.at);
    const sentence = layout.sentences[si];
    if (!sentence) return;
    const limit = Math.min(
      sentence.end,
      markers[mi + 1]?.at ?? Infinity,
      mk.bracket ? closingBracket(text, mk.end, Math.min(sentence.end, mk.end + 2000)) : Infinity,
    );
    const list = ctx.sentences.get(si) ?? [];
    const parts: Fact[] = [];
    for (let j = firstAtOrAfter(list, mk.end); j < list.length && parts.length < MAX_PARTS; j++) {
      const f = list[j];
      if (!f || f.start >= limit) break;
      if (f.role === 'cumulative') break;
      if (!isAmount(f) || f.evaluation === 'không đạt') continue;
      const first = parts[0];
      if (!first || compatible(first, f)) parts.push(f);
    }
    const first = parts[0];
    if (!first) return;
    const atStart = /^[\s,]*$/u.test(text.slice(sentence.start, mk.at));
    let total: Fact | undefined;
    if (atStart) {
      // "Trong số này có 24 nhà …": the total is in the sentence before, in the unit of the parts if written.
      const candidates = (ctx.sentences.get(si - 1) ?? []).slice(0, MAX_PARTS).filter(isAmount);
      total = candidates.find((f) => f.unit === first.unit) ?? candidates.find((f) => compatible(f, first));
    } else {
      // The total is the last amount before the marker ("hơn 380ha …, đạt 105,8% kế hoạch (trong đó …").
      const before = list.slice(Math.max(0, firstAtOrAfter(list, mk.at) - MAX_PARTS), firstAtOrAfter(list, mk.at));
      const last = [...before].reverse().find((f) => isAmount(f) && f.end <= mk.at);
      total = last && compatible(last, first) ? last : undefined;
    }
    if (!total) return;
    out.push(judgeParts(ctx, total, parts));
  });
  return out;
}

/** How far back or forward a check looks for related figures: a report sentence names far fewer. */
const MAX_PARTS = 30;

/** Index of the first fact of `list` (in text order) starting at or after `pos`. */
function firstAtOrAfter(list: readonly Fact[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.start ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Offset of the ")" closing a bracket opened before `from`, or `limit`. */
function closingBracket(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return limit;
}

function judgeParts(ctx: Ctx, total: Fact, parts: readonly Fact[]): Finding {
  const scale = scaleOf(total.unit);
  const sum = parts.reduce((s, f) => s + base(f), 0) / scale;
  const t = total.numerator ?? total.value;
  const decimals = Math.max(total.decimals, ...parts.map((p) => p.decimals));
  const equal = Math.abs(sum - t) <= 0.5 * 10 ** -decimals + 1e-9;
  const bound = total.qualifier === 'hơn' || total.qualifier === 'trên' || total.qualifier === 'khoảng' || total.qualifier === 'ước' || total.qualifier === 'xấp xỉ' || total.qualifier === 'gần';
  const terms = parts.map((p) => vi((p.numerator ?? p.value) * (scaleOf(p.unit) / scale), 4)).join(' + ');
  const arithmetic = parts.length === 1 ? terms : `${terms} = ${vi(sum, 4)}`;
  let holds: boolean;
  let explanation: string;
  if (equal) {
    holds = true;
    explanation = `Tổng các phần ${arithmetic}, bằng tổng số ${figure(total)}.`;
  } else if (sum < t) {
    // "trong đó" often names only some parts ("25 xã nâng cao và 6 xã kiểu mẫu" of 98): a subset bound.
    holds = true;
    explanation = `Các phần được nêu cộng lại ${vi(sum, 4)} ≤ ${figure(total)}: "trong đó" có thể chỉ nêu một số phần.`;
  } else {
    holds = bound;
    explanation = holds
      ? `Các phần cộng lại ${vi(sum, 4)}, phù hợp với "${total.qualifier} ${figure(total)}".`
      : `Các phần cộng lại ${vi(sum, 4)}, lớn hơn tổng số ${figure(total)}.`;
  }
  return finding(ctx, {
    check: 'parts_total',
    judged: total,
    others: parts,
    stated: t,
    expected: sum,
    holds,
    arithmetic: equal ? arithmetic : `${arithmetic} ${sum < t ? '<' : '>'} ${vi(t, 4)}`,
    explanation,
  });
}

/**
 * What is left against the total and what is done: "kiểm tra 67 tổ chức đảng …, đã hoàn thành
 * 65 tổ chức đảng …, còn 02 tổ chức đảng" needs 65 + 2 = 67. "còn" also carries over a following
 * figure joined by "và" ("còn 02 tổ chức đảng và 03 đảng viên").
 */
function checkRemainders(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const list of ctx.sentences.values()) {
    const remainder = new Set<Fact>();
    list.forEach((f, k) => {
      const prev = list[k - 1];
      if (f.role === 'remainder') remainder.add(f);
      else if (prev && remainder.has(prev) && /^\s*(?:,|và)\s*$/u.test(ctx.text.slice(prev.end, f.start))) remainder.add(f);
    });
    for (const r of remainder) {
      const k = firstAtOrAfter(list, r.start);
      const same = list
        .slice(Math.max(0, k - MAX_PARTS), k)
        .filter((f) => f.unit === r.unit && !remainder.has(f) && isAmount(f));
      const total = same[0];
      const done = same[same.length - 1];
      if (!total || !done || total === done) continue;
      const sum = (done.numerator ?? done.value) + r.value;
      const t = total.numerator ?? total.value;
      const holds = Math.abs(sum - t) <= 1e-9 || agreement(sum, t, total.decimals, total.qualifier) !== null;
      const arithmetic = `${vi(done.value, 4)} + ${vi(r.value, 4)} = ${vi(sum, 4)}`;
      out.push(
        finding(ctx, {
          check: 'remainder',
          judged: total,
          others: [done, r],
          stated: t,
          expected: sum,
          holds,
          arithmetic,
          explanation: holds
            ? `Đã xong ${figure(done)}, còn ${figure(r)}: ${arithmetic}, bằng tổng số ${figure(total)}.`
            : `Đã xong ${figure(done)}, còn ${figure(r)}: ${arithmetic}, khác tổng số ${figure(total)}.`,
        }),
      );
    }
  }
  return out;
}

/**
 * Counts of targets against their total: "24/30 chỉ tiêu đạt và vượt" and, later, "Còn 9 chỉ
 * tiêu không đạt" need 24 + 9 = 30 (plus any "cơ bản đạt" of the same period).
 */
function checkTargets(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const counts = ctx.facts.filter((f) => f.kind === 'count_of_targets');
  // Latest total per period, and the "cơ bản đạt" counts per period, in one pass.
  const totals = new Map<string | null, Fact>();
  const partlyByPeriod = new Map<string | null, Fact[]>();
  for (const f of counts) {
    if (f.evaluation !== 'cơ bản đạt' || f.denominator !== null) continue;
    const list = partlyByPeriod.get(f.period);
    if (list) list.push(f);
    else partlyByPeriod.set(f.period, [f]);
  }
  let lastTotal: Fact | null = null;
  for (const k of counts) {
    if (k.denominator !== null && k.evaluation !== 'không đạt' && k.evaluation !== 'cơ bản đạt') {
      totals.set(k.period, k);
      lastTotal = k;
      continue;
    }
    if (k.evaluation !== 'không đạt') continue;
    // A period-less figure pairs with the latest total; a dated one with the latest total of its period.
    const total = k.period === null ? lastTotal : (totals.get(k.period) ?? totals.get(null) ?? null);
    if (!total || total.numerator === null || total.denominator === null) continue;
    if (k.denominator !== null && k.denominator !== total.denominator) continue;
    const partly = (partlyByPeriod.get(k.period) ?? []).slice(0, MAX_PARTS);
    const partlySum = partly.reduce((s, f) => s + f.value, 0);
    const missed = k.numerator ?? k.value;
    const sum = total.numerator + missed + partlySum;
    const expected = total.denominator - total.numerator - partlySum;
    const holds = Math.abs(sum - total.denominator) <= 1e-9;
    const terms = [vi(total.numerator), ...partly.map((f) => vi(f.value)), vi(missed)].join(' + ');
    const arithmetic = `${terms} = ${vi(sum)}${holds ? '' : ` ≠ ${vi(total.denominator)}`}`;
    out.push(
      finding(ctx, {
        check: 'targets_total',
        judged: k,
        others: [total, ...partly],
        stated: missed,
        expected,
        holds,
        arithmetic,
        explanation: holds
          ? `${vi(total.numerator)} chỉ tiêu đạt và vượt, ${vi(missed)} chỉ tiêu không đạt: đủ ${vi(total.denominator)} chỉ tiêu.`
          : `Có ${vi(total.numerator)}/${vi(total.denominator)} chỉ tiêu đạt và vượt thì số chỉ tiêu không đạt phải là ${vi(expected)}, không phải ${vi(missed)} (${arithmetic}).`,
      }),
    );
  }
  return out;
}

const LIST_INTRO = /(?:^|[\s,])(gồm có|bao gồm|gồm|là)\s*:/iu;
const LIST_INTRO_LOOSE = /(?:^|[\s,])(gồm có|bao gồm|gồm)(?![\p{L}])\s*:?/iu;
const OWNER = /\s(?:của|do|tại|thuộc|ở)\s|\(/u;

/**
 * A count against the list that follows it: "05 sản phẩm …, gồm: A của …; B của …; C, D của
 * …; E của …" lists 4 items separated by ";" naming 5 products (the third item names two).
 * The count holds when it lies between the number of items and the number of names.
 */
function checkLists(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const { text, layout } = ctx;
  for (const list of ctx.sentences.values()) {
    list.forEach((f, k) => {
      if (f.kind !== 'actual' || categoryOf(f.unit) !== 'count' || f.numerator !== null) return;
      const sentence = layout.sentences[f.sentence];
      if (!sentence) return;
      const next = list[k + 1];
      const tail = text.slice(f.end, Math.min(sentence.end, f.end + 400));
      const m = LIST_INTRO.exec(tail) ?? LIST_INTRO_LOOSE.exec(tail);
      if (!m) return;
      const listStart = f.end + m.index + m[0].length;
      if (next && next.start < sentence.end) return; // figures after the intro: parts, checked elsewhere
      const body = text.slice(listStart, sentence.end).replace(/[.…\s]+$/u, '');
      const semicolon = body.split(';').map((s) => s.trim()).filter(Boolean);
      let min: number;
      let max: number;
      if (semicolon.length >= 2) {
        min = semicolon.length;
        max = semicolon.reduce((s, item) => s + names(item.split(OWNER)[0] ?? item), 0);
      } else {
        if (OWNER.test(body)) return;
        min = max = names(body);
      }
      if (max < 2) return;
      const holds = f.value >= min && f.value <= max;
      const expected = Math.min(max, Math.max(min, f.value));
      const arithmetic = min === max ? `${min} mục được liệt kê` : `${min} mục (ngăn bởi ";"), ${max} tên`;
      out.push(
        finding(ctx, {
          check: 'list_count',
          judged: f,
          others: [],
          stated: f.value,
          expected,
          holds,
          arithmetic,
          explanation: holds
            ? `Danh sách sau "${m[1] ?? 'gồm'}" có ${arithmetic}, phù hợp với ${figure(f)}.`
            : `Danh sách sau "${m[1] ?? 'gồm'}" có ${arithmetic}, không khớp với ${figure(f)}.`,
        }),
      );
    });
  }
  return out;
}

/** Names in a list piece: parts separated by "," or "và". */
function names(piece: string): number {
  return piece.split(/,|\svà\s/u).filter((s) => /\p{L}/u.test(s)).length;
}

const CLAIM_BETWEEN = /(?<![\p{L}])(không đạt|chưa đạt|thấp hơn|cao hơn|đạt|vượt)(?![\p{L}])/iu;

/**
 * An actual against a range target written beside it: "đạt 3,76%/năm, đạt chỉ tiêu … (từ 3,5 -
 * 4%/năm)". "đạt" needs at least the lower bound (domain-rules §2.3), "vượt" and "cao hơn" more
 * than the upper one, "không đạt", "chưa đạt" and "thấp hơn" less than the lower one.
 */
function checkRanges(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  for (const list of ctx.sentences.values()) {
    for (const plan of list) {
      if (plan.kind !== 'plan' || plan.valueMax === null) continue;
      const k = firstAtOrAfter(list, plan.start);
      const actual = list
        .slice(Math.max(0, k - MAX_PARTS), k)
        .reverse()
        .find((f) => f.kind === 'actual' && f.unit === plan.unit);
      if (!actual) continue;
      const claim = CLAIM_BETWEEN.exec(ctx.text.slice(actual.end, plan.start))?.[1]?.toLowerCase();
      if (!claim) continue;
      const lo = plan.value;
      const hi = plan.valueMax;
      const above = claim === 'vượt' || claim === 'cao hơn';
      const holds = above ? actual.value > hi : claim === 'đạt' ? actual.value >= lo : actual.value < lo;
      const arithmetic = `${vi(lo, 4)} ≤ ${vi(actual.value, 4)} ≤ ${vi(hi, 4)}`;
      const where =
        actual.value < lo ? 'dưới mức thấp' : actual.value > hi ? 'trên mức cao' : 'trong khoảng';
      out.push(
        finding(ctx, {
          check: 'range_target',
          judged: actual,
          others: [plan],
          stated: actual.value,
          expected: above ? hi : lo,
          holds,
          arithmetic: actual.value >= lo && actual.value <= hi ? arithmetic : `${vi(actual.value, 4)} ${where} của ${vi(lo, 4)} – ${vi(hi, 4)}`,
          explanation: holds
            ? `${figure(actual)} nằm ${where} của chỉ tiêu ${vi(lo, 4)} – ${figure(plan).replace(/^[\d.,]+/u, vi(hi, 4))}, phù hợp với "${claim}".`
            : `${figure(actual)} nằm ${where} của chỉ tiêu ${vi(lo, 4)} – ${vi(hi, 4)}, không phù hợp với "${claim}".`,
        }),
      );
    }
  }
  return out;
}

const NOT_EXCEED = /không\s+(?:[\p{L}]+\s+){0,2}vượt|không\s+quá|chưa\s+vượt/iu;

/**
 * Ratios under a "not exceeding" statement: "đảm bảo không sử dụng vượt biên chế được giao. Tổng
 * số công chức cấp huyện hiện nay là 62/72" needs 62 ≤ 72 (the statement's sentence or the next).
 */
function checkNotExceed(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const { text, layout } = ctx;
  layout.sentences.forEach((s, si) => {
    const said = NOT_EXCEED.exec(text.slice(s.start, s.end));
    if (!said) return;
    for (const f of [...(ctx.sentences.get(si) ?? []), ...(ctx.sentences.get(si + 1) ?? [])]) {
      if (f.kind !== 'ratio' || f.numerator === null || f.denominator === null) continue;
      const holds = f.numerator <= f.denominator;
      out.push(
        finding(ctx, {
          check: 'not_exceed',
          judged: f,
          others: [],
          stated: f.numerator,
          expected: f.denominator,
          holds,
          arithmetic: `${vi(f.numerator, 4)} ${holds ? '≤' : '>'} ${vi(f.denominator, 4)}`,
          explanation: holds
            ? `${figure(f)}: không vượt mức được giao, phù hợp với "${said[0]}".`
            : `${figure(f)}: vượt mức được giao, trái với "${said[0]}".`,
        }),
      );
    }
  });
  return out;
}

function group(facts: readonly Fact[], key: (f: Fact) => number): Map<number, Fact[]> {
  const m = new Map<number, Fact[]>();
  for (const f of facts) {
    const k = key(f);
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  }
  return m;
}

/**
 * Checks every claim the text lets us verify with its own figures. `facts` defaults to
 * `extractFacts(text)`; pass them when already extracted from the same text. Findings are in text
 * order; a finding whose `holds` is false is a figure to look at, not a certain error.
 *
 * @example checkText('năm 2021 kết nạp được 147/120 đảng viên, đạt 122,5% kế hoạch')
 *   → [{ check: 'ratio_percent', stated: 122.5, expected: 122.5, holds: true, … }]
 */
export function checkText(input: string, facts?: readonly Fact[]): Finding[] {
  const text = input.normalize('NFC');
  const valid = (facts ?? extractFacts(text)).filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end);
  const ctx: Ctx = {
    text,
    facts: valid,
    layout: layoutOf(text),
    chains: group(valid, (f) => f.chain),
    sentences: group(valid, (f) => f.sentence),
  };
  const all = [
    ...checkRatioPercents(ctx),
    ...checkExcess(ctx),
    ...checkPlanPercents(ctx),
    ...checkChanges(ctx),
    ...checkParts(ctx),
    ...checkRemainders(ctx),
    ...checkTargets(ctx),
    ...checkLists(ctx),
    ...checkRanges(ctx),
    ...checkNotExceed(ctx),
  ];
  const seen = new Set<string>();
  return all
    .filter((f) => {
      const key = `${f.check}:${f.start}:${f.end}:${f.spans.map((s) => s.start).join(',')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
