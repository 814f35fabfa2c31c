/**
 * Vietnamese prose for a target's result, in the register of district reports ("kết nạp được 147/120
 * đảng viên, đạt 122,5% kế hoạch"; "trồng rừng đạt hơn 138% kế hoạch"; "tỷ lệ hộ nghèo giảm 4,07%, vượt
 * chỉ tiêu đề ra"). Every figure goes through {@link SentenceBuilder} so it keeps its sources.
 *
 * Rules that make the prose signable:
 * - "hơn" only when the value is strictly above the figure shown (truncation, never rounding up);
 * - "ước đạt" when a figure behind the actual is an estimate (flag `estimate`);
 * - lower-is-better targets are said as levels against a ceiling, never as "đạt 80% kế hoạch";
 * - a period that is only part of the target's horizon is progress ("đạt 7,3% kế hoạch năm"), never a failure.
 */
import type { StatusCounts, TargetResult } from '../core/evaluate.ts';
import type { Indicator } from '../core/indicators.ts';
import { type NumberDisplay, type Sentence, SentenceBuilder, lowerFirst } from './sentence.ts';

/** What the plan is called in the sentence and over which span the target is judged. */
export interface TargetContext {
  /** "kế hoạch" (annual plan), "Nghị quyết" (term resolution). */
  reference: string;
  /** The period is part of the target's horizon: progress, not a verdict. */
  horizon: 'year' | 'term';
  /** The evaluated period is a term (no "cùng kỳ"). */
  termPeriod: boolean;
  /** Say changes in points with "%" as resolutions write them ("giảm 4,07%"), or "điểm %". */
  pointsAsPercent: boolean;
}

const ROUND2: NumberDisplay = { mode: 'round', decimals: 2, absolute: false };
const ROUND1: NumberDisplay = { mode: 'round', decimals: 1, absolute: false };
const COUNT: NumberDisplay = { mode: 'count', decimals: 0, absolute: false };
/** % of plan: truncated to one decimal, "hơn" when above. */
export const PCT1: NumberDisplay = { mode: 'truncate', decimals: 1, absolute: false };
/** % of plan in the standouts: whole percent, "hơn 138%". */
export const PCT0: NumberDisplay = { mode: 'truncate', decimals: 0, absolute: false };

const isEstimate = (t: TargetResult) => t.flags.some((f) => f.code === 'estimate');
const isPercentUnit = (u: string) => u === '%' || u.startsWith('%/');

/** How the target's own figures are shown: counts for integer indicators, otherwise at most 2 decimals. */
export function valueDisplay(t: TargetResult, ind: Indicator | undefined): NumberDisplay {
  const plain = t.basis.kind === 'level' || t.basis.kind === 'cumulative' || t.basis.kind === 'end_of_term';
  if (ind?.valueType === 'integer' && plain) return COUNT;
  return ROUND2;
}

/** "vượt chỉ tiêu", "đạt chỉ tiêu", "không đạt chỉ tiêu". */
function verdict(t: TargetResult): string | null {
  switch (t.status) {
    case 'vuot':
      return 'vượt chỉ tiêu';
    case 'dat':
      return 'đạt chỉ tiêu';
    case 'co_ban_dat':
      return 'cơ bản đạt chỉ tiêu';
    case 'khong_dat':
      return 'không đạt chỉ tiêu';
    default:
      return null;
  }
}

function unitText(b: SentenceBuilder, t: TargetResult, unit: string, pointsAsPercent: boolean): void {
  const u = pointsAsPercent && unit.startsWith('điểm %') ? unit.replace('điểm %', '%') : unit;
  if (!u) return;
  if (isPercentUnit(u)) b.label(u, 'measure_unit', t.indicator);
  else {
    b.text(' ');
    b.label(u, 'measure_unit', t.indicator);
  }
}

const actualNum = (b: SentenceBuilder, t: TargetResult, d: NumberDisplay, value = t.actual!) =>
  b.num({ value, kind: 'actual', display: d, targetIds: [t.targetId], sources: t.sources });
const planNum = (b: SentenceBuilder, t: TargetResult, d: NumberDisplay, kind: 'plan' | 'planHigh' = 'plan') =>
  b.num({ value: kind === 'plan' ? t.plan! : t.planHigh!, kind, display: d, targetIds: [t.targetId] });
const pctNum = (b: SentenceBuilder, t: TargetResult, d: NumberDisplay = PCT1) =>
  b.num({ value: t.percentOfPlan!, kind: 'percentOfPlan', display: d, targetIds: [t.targetId], sources: t.sources }).text('%');

/** The name as the sentence starts it (verbatim, first letter as written). */
function name(b: SentenceBuilder, t: TargetResult, lower: boolean): void {
  b.label(lower ? lowerFirst(t.name) : t.name, 'target_name', t.targetId);
}

/** Same period last year matters for a level over a period shorter than a term. */
export function hasSamePeriod(t: TargetResult, ctx: TargetContext): boolean {
  return t.samePeriodChange !== null && !ctx.termPeriod && t.basis.kind === 'level' && t.rule.op !== 'status';
}

/** "bằng 111,2% cùng kỳ (tăng 11,2%)" / "tăng 2,1 điểm % so với cùng kỳ", when it means something. */
export function samePeriodClause(b: SentenceBuilder, t: TargetResult, ctx: TargetContext): boolean {
  const ch = t.samePeriodChange;
  if (!ch || !hasSamePeriod(t, ctx)) return false;
  const sources = [...t.sources, ...t.samePeriodSources];
  if (Math.abs(ch.value) < 0.05) {
    b.text('tương đương cùng kỳ');
    return true;
  }
  b.text(ch.value > 0 ? 'tăng ' : 'giảm ');
  b.num({ value: ch.value, kind: 'samePeriodChange', display: { ...ROUND1, absolute: true }, targetIds: [t.targetId], sources, allowQualifier: false });
  b.text(ch.unit === 'pp' ? (ctx.pointsAsPercent ? '% so với cùng kỳ' : ' điểm % so với cùng kỳ') : '% so với cùng kỳ');
  return true;
}

/** The operator of the plan, in words: "dưới", "không quá", "trên", "từ … trở lên" (prefix only). */
function planPrefix(t: TargetResult): string {
  const r = t.rule;
  if (r.op === 'max') return r.strict ? 'dưới ' : 'không quá ';
  if (r.op === 'min' && r.strict) return 'trên ';
  return '';
}

/**
 * The full sentence for one target, e.g.
 * "Kết nạp đảng viên mới: 147/120 đảng viên, đạt 122,5% kế hoạch; vượt chỉ tiêu."
 */
export function targetSentence(t: TargetResult, ind: Indicator | undefined, ctx: TargetContext): Sentence {
  const b = new SentenceBuilder();
  const est = isEstimate(t);
  const d = valueDisplay(t, ind);
  const partial = t.status === 'dang_thuc_hien';
  const planWord = partial ? (ctx.horizon === 'year' ? 'kế hoạch năm' : 'chỉ tiêu nhiệm kỳ') : ctx.reference;

  if (t.actual === null) {
    name(b, t, false);
    b.text(': chưa có số liệu.');
    return b.build();
  }

  if (t.rule.op === 'status') {
    name(b, t, false);
    const held = t.actual !== 0;
    if (t.basis.kind === 'maintain') b.text(held ? ': duy trì đạt' : ': không duy trì được');
    else b.text(held ? (est ? ': ước đạt' : ': đã đạt') : ': chưa đạt');
    return b.text('.').build();
  }

  const isChange = t.basis.kind === 'change' || (t.basis.kind === 'average' && t.basis.method === 'pp_per_year');
  if (isChange) {
    // "Tỷ lệ hộ nghèo giảm 4,07% (chỉ tiêu giảm 3,5%), vượt chỉ tiêu": the judged quantity is the change.
    const sense = t.basis.kind === 'change' ? t.basis.sense : 'decrease';
    const actual = t.actual;
    const word = actual >= 0 ? (sense === 'increase' ? 'tăng' : 'giảm') : sense === 'increase' ? 'giảm' : 'tăng';
    name(b, t, false);
    b.text(est ? ` ước ${word} ` : ` ${word} `);
    if (t.basis.kind === 'average') b.text('bình quân ');
    actualNum(b, t, { ...ROUND2, absolute: true });
    unitText(b, t, t.actualUnit, ctx.pointsAsPercent);
    if (t.basis.kind === 'change') b.text(' so với cùng kỳ');
    if (t.plan !== null) {
      b.text(` (${partial ? 'kế hoạch năm' : 'chỉ tiêu'} ${sense === 'increase' ? 'tăng' : 'giảm'} `);
      planNum(b, t, ROUND2);
      if (t.planHigh !== null) {
        b.text(' – ');
        planNum(b, t, ROUND2, 'planHigh');
      }
      unitText(b, t, t.actualUnit, ctx.pointsAsPercent);
      b.text(')');
    }
    const v = verdict(t);
    b.text(v && !partial ? `, ${v} đề ra.` : '.');
    return b.build();
  }

  const lower = t.direction === 'lower';
  const pctUnit = isPercentUnit(t.actualUnit);
  name(b, t, false);
  if (t.basis.kind === 'cumulative') b.text(' (lũy kế từ đầu nhiệm kỳ)');
  if (t.basis.kind === 'average' && t.basis.method === 'mean') b.text(' (bình quân hằng năm)');
  if (t.years) b.text(' (bình quân các năm)');
  b.text(': ');

  if (lower || t.rule.op === 'range' || partial) {
    // A level against a ceiling or a range, or progress: the figure, then the plan in brackets.
    // Nothing done yet in a part of the year is said in words, not as "00 hợp tác xã, đạt 0%".
    const nothingYet = partial && t.actual === 0 && !lower;
    if (nothingYet) b.text('chưa có kết quả');
    else {
      if (est) b.text('ước ');
      actualNum(b, t, d);
      unitText(b, t, t.actualUnit, ctx.pointsAsPercent);
    }
    const showProgress = !nothingYet && partial && !lower && t.percentOfPlan !== null && ind?.timeAggregation === 'sum' && t.rule.op !== 'range';
    if (showProgress) {
      b.text(est ? ', ước bằng ' : ', đạt ');
      pctNum(b, t);
      b.text(` ${planWord}`);
    }
    if (t.plan !== null) {
      b.text(` (${partial ? planWord : 'chỉ tiêu'} ${planPrefix(t)}`);
      planNum(b, t, d);
      if (t.planHigh !== null) {
        b.text(' – ');
        planNum(b, t, d, 'planHigh');
      }
      unitText(b, t, t.actualUnit, ctx.pointsAsPercent);
      b.text(')');
    }
  } else {
    // "147/120 đảng viên, đạt 122,5% kế hoạch"; "95/90%"
    b.text(est ? 'ước đạt ' : '');
    actualNum(b, t, d);
    if (t.plan !== null) {
      b.text('/');
      if (planPrefix(t)) b.text(planPrefix(t));
      planNum(b, t, d);
    }
    unitText(b, t, t.actualUnit, ctx.pointsAsPercent);
    if (t.percentOfPlan !== null) {
      b.text(est ? ', ước bằng ' : ', đạt ');
      pctNum(b, t);
      b.text(` ${planWord}`);
    }
  }
  if (hasSamePeriod(t, ctx)) {
    b.text(', ');
    samePeriodClause(b, t, ctx);
  }
  return finish(b, t, partial);
}

function finish(b: SentenceBuilder, t: TargetResult, partial: boolean): Sentence {
  if (t.years && t.years.length > 0) {
    const ok = t.years.filter((y) => y.status === 'vuot' || y.status === 'dat');
    b.text('; ');
    b.num({ value: ok.length, kind: 'count', display: COUNT, targetIds: [t.targetId], sources: t.sources, key: 'years_met' });
    b.text('/');
    b.num({ value: t.years.length, kind: 'count', display: COUNT, targetIds: [t.targetId], sources: t.sources, key: 'years_total' });
    b.text(' năm đạt và vượt');
  }
  const v = verdict(t);
  b.text(v && !partial ? `; ${v}.` : '.');
  return b.build();
}

/**
 * A short phrase for the standouts ("một số chỉ tiêu đạt cao như: trồng rừng đạt hơn 138% kế hoạch;
 * tỷ lệ hộ nghèo giảm 4,07%, vượt chỉ tiêu đề ra").
 */
export function standoutPhrase(t: TargetResult, ctx: TargetContext): Sentence {
  const b = new SentenceBuilder();
  const est = isEstimate(t);
  name(b, t, true);
  const isChange = t.basis.kind === 'change' || (t.basis.kind === 'average' && t.basis.method === 'pp_per_year');
  if (isChange && t.actual !== null) {
    const sense = t.basis.kind === 'change' ? t.basis.sense : 'decrease';
    b.text(` ${est ? 'ước ' : ''}${sense === 'increase' ? 'tăng' : 'giảm'} `);
    if (t.basis.kind === 'average') b.text('bình quân ');
    actualNum(b, t, { ...ROUND2, absolute: true });
    unitText(b, t, t.actualUnit, ctx.pointsAsPercent);
    b.text(', vượt chỉ tiêu đề ra');
    return b.build();
  }
  if (t.direction === 'lower' && t.actual !== null) {
    b.text(est ? ' ước ở mức ' : ' ở mức ');
    actualNum(b, t, ROUND2);
    unitText(b, t, t.actualUnit, ctx.pointsAsPercent);
    b.text(', thấp hơn chỉ tiêu đề ra');
    return b.build();
  }
  b.text(est ? ' ước đạt ' : ' đạt ');
  pctNum(b, t, PCT0);
  b.text(` ${ctx.reference}`);
  return b.build();
}

/** Which targets count under each part of a summary: used to trace counts to the targets they count. */
export function idsByStatus(targets: readonly TargetResult[]) {
  const pick = (pred: (t: TargetResult) => boolean) => targets.filter(pred);
  return {
    all: pick(() => true),
    reached: pick((t) => t.status === 'vuot' || t.status === 'dat'),
    exceeded: pick((t) => t.status === 'vuot'),
    met: pick((t) => t.status === 'dat'),
    basicallyMet: pick((t) => t.status === 'co_ban_dat'),
    notMet: pick((t) => t.status === 'khong_dat'),
    inProgress: pick((t) => t.status === 'dang_thuc_hien'),
    noData: pick((t) => t.status === 'chua_co_so_lieu'),
  };
}

function countNum(b: SentenceBuilder, list: readonly TargetResult[]): void {
  b.num({
    value: list.length,
    kind: 'count',
    display: COUNT,
    targetIds: list.map((t) => t.targetId),
    sources: [...new Set(list.flatMap((t) => t.sources))],
  });
}

/**
 * "Có 24/30 chỉ tiêu đạt và vượt, trong đó có 09 chỉ tiêu vượt, 15 chỉ tiêu đạt; 06 chỉ tiêu không đạt."
 * The same words as core's `summarySentence`, with each count traced to the targets it counts.
 * `prefix` replaces "Có " (e.g. "Lĩnh vực kinh tế có ").
 */
export function countsSentence(targets: readonly TargetResult[], c: StatusCounts, prefix?: string, omitZero = false): Sentence {
  const g = idsByStatus(targets);
  if (g.all.length !== c.total) throw new Error('Số chỉ tiêu không khớp với bảng tổng hợp');
  const b = new SentenceBuilder();
  b.text(prefix ?? 'Có ');
  countNum(b, g.reached);
  b.text('/');
  countNum(b, g.all);
  b.text(' chỉ tiêu đạt và vượt');
  if (g.reached.length > 0 && !(omitZero && (g.exceeded.length === 0 || g.met.length === 0))) {
    b.text(', trong đó có ');
    countNum(b, g.exceeded);
    b.text(' chỉ tiêu vượt, ');
    countNum(b, g.met);
    b.text(' chỉ tiêu đạt');
  } else if (g.reached.length > 0) {
    b.text(g.exceeded.length > 0 ? ', đều vượt' : ', đều đạt');
  }
  const rest: [TargetResult[], string][] = [
    [g.basicallyMet, ' chỉ tiêu cơ bản đạt'],
    [g.notMet, ' chỉ tiêu không đạt'],
    [g.inProgress, ' chỉ tiêu đang thực hiện (chưa hết kỳ)'],
    [g.noData, ' chỉ tiêu chưa có số liệu'],
  ];
  for (const [list, words] of rest) {
    if (list.length === 0) continue;
    b.text('; ');
    countNum(b, list);
    b.text(words);
  }
  b.text('.');
  return b.build();
}

export { countNum as writeCount };
