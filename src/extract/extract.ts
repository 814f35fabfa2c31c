/**
 * The fact extractor: every numeric fact of a Vietnamese report text, with its span, value, unit,
 * kind, qualifier, indicator, period and place. Pure and rule-based; the rules are documented in
 * docs/extract.md and each one is a general reading convention of party and government reports.
 */
import { findPeriods, type PeriodMention } from './periods.ts';
import { findPlaces, mainPlace, type PlaceMention } from './places.ts';
import { isPeopleLabel, isRateLabel, leftLabel, rightLabel } from './indicator.ts';
import { clauseStartAt, lastAtOrBefore, layoutOf, sentenceIndexAt, type Layout } from './segments.ts';
import { scanNumbers, type NumberPart, type NumberToken } from './tokens.ts';
import { isPercentUnit, matchUnit, perUnitAfterSlash, type UnitMatch } from './units.ts';
import type { Direction, Evaluation, Fact, FactKind, Qualifier, Role, Span } from './types.ts';

/** Numbers grouped into one figure: a single number, a range, or a ratio. */
interface Candidate {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  decimals: number;
  numerator: number | null;
  denominator: number | null;
  unit: UnitMatch | null;
}

/** Words that make a following four-digit number a year even when a count noun follows. */
const YEAR_BEFORE = /(?:năm|giai đoạn|nhiệm kỳ|thời kỳ|đến|từ|trước|sau|cuối|đầu|khóa|khoá|niên độ|vụ|kỳ)\s*$/iu;

const RANGE_GAP = /^\s?[-–—]\s?$|^\s(?:đến|tới)\s$/u;
const OUT_OF_GAP = /^\s+trên\s+(?:tổng số\s+)?$/iu;
/** "tăng từ 10 đến 15" is a move between two levels, not a range. */
const MOVE_BEFORE = /(?:tăng|giảm)\s+(?:\p{L}+\s+)?từ\s*$/iu;

function single(p: NumberPart, unit: UnitMatch | null): Candidate {
  return {
    start: p.start,
    end: unit ? unit.end : p.end,
    value: p.value,
    valueMax: null,
    decimals: p.decimals,
    numerator: null,
    denominator: null,
    unit,
  };
}

function ratio(num: NumberPart, den: NumberPart, unit: UnitMatch | null): Candidate {
  return {
    start: num.start,
    end: unit && unit.end > den.end ? unit.end : den.end,
    value: num.value,
    valueMax: null,
    decimals: num.decimals,
    numerator: num.value,
    denominator: den.value,
    unit,
  };
}

/** True when a unit cannot make a fact: durations and counts of documents. */
function isNonFactUnit(u: UnitMatch | null): boolean {
  return u !== null && (u.category === 'time' || u.category === 'document');
}

/**
 * Groups scanned numbers into candidates: ranges ("3,5 - 4%/năm"), ratios with units on both
 * sides ("7 tỷ đồng/37 tỷ đồng"), "out of" with "trên" ("479 trên 749 hộ"); drops years and
 * durations.
 */
function groupTokens(text: string, tokens: readonly NumberToken[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.type === 'ratio') {
      const unit = matchUnit(text, t.den.end);
      if (isNonFactUnit(unit)) continue;
      out.push(ratio(t.num, t.den, unit));
      continue;
    }
    const p = t.part;
    const unit = matchUnit(text, p.end);
    const left = text.slice(Math.max(0, p.start - 20), p.start);
    if (p.yearLike && (unit === null || isNonFactUnit(unit) || unit.category === 'other' || YEAR_BEFORE.test(left))) continue;
    if (isNonFactUnit(unit)) continue;
    // A number glued to capitals that are not a unit is a code ("5G", "3D").
    if (unit === null && /\p{Lu}/u.test(text[p.end] ?? '')) continue;
    const next = tokens[i + 1];
    if (next?.type === 'number') {
      const q = next.part;
      const after = unit ? unit.end : p.end;
      const gap = after <= q.start ? text.slice(after, q.start) : '';
      const unit2 = matchUnit(text, q.end);
      if (
        RANGE_GAP.test(gap) &&
        !p.yearLike &&
        !q.yearLike &&
        !isNonFactUnit(unit2) &&
        (unit === null || unit2 === null || unit.unit === unit2.unit) &&
        !MOVE_BEFORE.test(left)
      ) {
        const u = unit2 ?? unit;
        out.push({ ...single(p, u), end: u ? Math.max(u.end, q.end) : q.end, valueMax: q.value });
        i++;
        continue;
      }
      if (unit && gap === '/' && !isNonFactUnit(unit2)) {
        out.push({ ...ratio(p, q, unit), end: unit2 ? unit2.end : q.end });
        i++;
        continue;
      }
      if (OUT_OF_GAP.test(gap) && !q.yearLike && !isNonFactUnit(unit2)) {
        out.push({ ...ratio(p, q, unit ?? unit2), end: unit2 ? unit2.end : q.end });
        i++;
        continue;
      }
    }
    out.push(single(p, unit));
  }
  return out;
}

/** A word before a number, closest first. */
interface Word {
  word: string;
  start: number;
}

/** Up to `max` words right before `pos`, stopping at any punctuation ("32,88ha ,đạt 7,3%" → ["đạt"]). */
function wordsBefore(text: string, pos: number, max: number): Word[] {
  const out: Word[] = [];
  let i = pos;
  while (out.length < max) {
    let j = i;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\u00a0')) j--;
    let k = j;
    while (k > 0 && j - k < 20 && /[\p{L}\p{M}]/u.test(text[k - 1] ?? '')) k--;
    if (k === j) break;
    out.push({ word: text.slice(k, j).toLowerCase(), start: k });
    i = k;
  }
  return out;
}

const QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['hơn', 'hơn'],
  ['trên', 'trên'],
  ['gần', 'gần'],
  ['khoảng', 'khoảng'],
  ['ước', 'ước'],
  ['dưới', 'dưới'],
  ['xấp xỉ', 'xấp xỉ'],
  ['tối thiểu', 'tối thiểu'],
  ['ít nhất', 'tối thiểu'],
  ['tối đa', 'tối đa'],
  ['trên dưới', 'khoảng'],
]);
const DIRECTIONS = new Set<Direction>(['tăng', 'giảm', 'vượt']);
const FILLERS = new Set(['thêm', 'được', 'bình', 'quân', 'mới', 'đạt']);
const LINK_VERBS = new Set(['đạt', 'được', 'là', 'có', 'bằng', 'gồm', 'chiếm']);

/** What the words right before a number say about it. */
interface LeftCues {
  qualifier: Qualifier | null;
  /** Where the fact's span starts (the qualifier, else the number). */
  spanStart: number;
  direction: Direction | null;
  verb: string | null;
  role: Role;
  evaluation: Evaluation | null;
}

function readLeft(text: string, pos: number): LeftCues {
  const w = wordsBefore(text, pos, 6);
  const at = (i: number): string => w[i]?.word ?? '';
  let k = 0;
  let qualifier: Qualifier | null = null;
  let spanStart = pos;
  const two = `${at(1)} ${at(0)}`;
  if (QUALIFIERS.has(two)) {
    qualifier = QUALIFIERS.get(two) ?? null;
    spanStart = w[1]?.start ?? pos;
    k = 2;
  } else if (QUALIFIERS.has(at(0))) {
    qualifier = QUALIFIERS.get(at(0)) ?? null;
    spanStart = w[0]?.start ?? pos;
    k = 1;
  }
  // "ước đạt 500 tỷ đồng", "ước thực hiện 1.200 tấn": an estimate.
  if (qualifier === null && at(1) === 'ước' && (at(0) === 'đạt' || at(0) === 'khoảng')) qualifier = 'ước';
  if (qualifier === null && at(2) === 'ước' && at(1) === 'thực' && at(0) === 'hiện') qualifier = 'ước';
  let role: Role = null;
  let verb: string | null = null;
  let direction: Direction | null = null;
  let evaluation: Evaluation | null = null;
  const w0 = at(k);
  const w1 = at(k + 1);
  if (w0 === 'còn') role = w1 === 'xuống' || w1 === 'giảm' ? 'to' : 'remainder';
  else if (w0 === 'lên' || w0 === 'xuống') role = 'to';
  else if (w0 === 'từ' && (w1 === 'tăng' || w1 === 'giảm' || at(k + 2) === 'tăng' || at(k + 2) === 'giảm')) role = 'from';
  else if (LINK_VERBS.has(w0)) verb = w0;
  if (w0 === 'vượt' && w1 === 'và' && at(k + 2) === 'đạt') evaluation = 'đạt và vượt';
  else if (w0 === 'đạt' && w1 === 'không') evaluation = 'không đạt';
  else if (w0 === 'vượt') evaluation = 'vượt';
  else if (w0 === 'đạt') evaluation = 'đạt';
  // "tăng thêm 20 thôn", "giảm bình quân 2,97%", "vượt 5,4%": a change. "đạt và vượt 26/34" is not.
  let j = k;
  while (j < k + 3 && FILLERS.has(at(j)) && at(j) !== 'đạt') j++;
  const d = at(j);
  if (DIRECTIONS.has(d as Direction) && !(d === 'vượt' && at(j + 1) === 'và' && at(j + 2) === 'đạt')) {
    direction = d as Direction;
  }
  return { qualifier, spanStart, direction, verb, role, evaluation };
}

/** What the figure is compared with, written right after it ("kế hoạch", "so với Nghị quyết", "cùng kỳ"). */
const BASIS =
  /^\s*,?\s*(?:so với\s+|của\s+)?(kế hoạch(?: năm \d{4}| năm| giao| đề ra| tỉnh giao| huyện giao)?|KH|chỉ tiêu(?: nghị quyết| kế hoạch| giao| đề ra| được giao)?|nghị quyết(?: đề ra| đại hội)?|NQ|dự toán(?: giao| năm| tỉnh giao| HĐND giao| được giao)?|mục tiêu(?: đề ra)?|cùng kỳ(?: năm trước| năm \d{4})?|năm trước|năm \d{4}|kỳ trước|tháng trước|quý trước|định mức)(?![\p{L}\p{N}])/iu;

/** Family of a basis phrase: a plan, the congress resolution, or an earlier period. */
export function basisFamily(basis: string | null): 'plan' | 'resolution' | 'same_period' | 'period' | null {
  if (basis === null) return null;
  if (/nghị quyết|^nq$/iu.test(basis)) return 'resolution';
  if (/^(?:cùng kỳ|năm trước|kỳ trước|tháng trước|quý trước)/iu.test(basis)) return 'same_period';
  if (/^năm \d{4}$/iu.test(basis)) return 'period';
  return 'plan';
}

function readBasis(text: string, pos: number): { basis: string; end: number } | null {
  const m = BASIS.exec(text.slice(pos, pos + 60));
  if (!m || m[1] === undefined) return null;
  // A bare comma before a basis only joins "đạt 7,3%, kế hoạch …" style lists: keep it only when "so với" follows.
  if (/^\s*,/u.test(m[0]) && !/so với/iu.test(m[0])) return null;
  return { basis: m[1].toLowerCase(), end: pos + m[0].length };
}

const EVALUATION_AFTER = /^\s*(?:đã\s+|được\s+)?(đạt và vượt|vượt|cơ bản đạt|không đạt|chưa đạt|đạt)(?![\p{L}])/iu;

function readEvaluation(text: string, pos: number): Evaluation | null {
  const m = EVALUATION_AFTER.exec(text.slice(pos, pos + 30));
  if (!m || m[1] === undefined) return null;
  const e = m[1].toLowerCase();
  return e === 'chưa đạt' ? 'không đạt' : (e as Evaluation);
}

/**
 * Words that make the figures after them targets ("phấn đấu đạt 95%", "tiếp tục triển khai xây
 * dựng hơn 500 nhà"), unless "đã" or "được" reports a result in between ("Để đạt mục tiêu đề ra,
 * huyện đã trồng 500 ha").
 */
const STRONG_PLAN = /(?:^|[^\p{L}])(?:phấn đấu|dự kiến|mục tiêu|sẽ|tiếp tục triển khai|kế hoạch giao|chỉ tiêu giao|giao chỉ tiêu|phương hướng)(?![\p{L}])/giu;
const RESULT_WORD = /(?:^|[^\p{L}])(?:đã|được)(?![\p{L}])/iu;
/**
 * Words that make a figure a target when written just before it, in the same comma piece, unless
 * an achievement verb introduces it ("so với kế hoạch 120 đảng viên", "đề ra (từ 3,5 - 4%/năm)").
 */
const WEAK_PLAN = /(?:^|[^\p{L}])(?:chỉ tiêu|kế hoạch|nghị quyết|dự toán|đề ra|đặt ra|KH|NQ)(?![\p{L}])/iu;
/** "nâng tổng số … lên 28", "tổng số … là": a running total ("nâng cao" is not one). */
const CUMULATIVE = /(?:^|[^\p{L}])(?:nâng (?:tổng|số|lên)|tổng số|tổng cộng|lũy kế|luỹ kế)(?![\p{L}])/iu;

/** Kinds that describe the figure before them when nothing names another indicator in between. */
const DEPENDENT_KINDS = new Set<FactKind>(['percent_of_plan', 'percent_of_same_period', 'change', 'plan']);

/** Sorted spans with a lookup of the last one starting before an offset. */
class SpanIndex<T extends Span> {
  readonly starts: number[];
  constructor(readonly items: readonly T[]) {
    this.starts = items.map((x) => x.start);
  }
  /** Last item starting in [from, to), or null. */
  lastIn(from: number, to: number, ok: (x: T) => boolean = () => true): T | null {
    for (let i = lastAtOrBefore(this.starts, to - 1); i >= 0; i--) {
      const x = this.items[i];
      if (!x || x.start < from) return null;
      if (x.end <= to && ok(x)) return x;
    }
    return null;
  }
  /** Items overlapping [from, to); items never run past the next item's start by much, so a short look-back suffices. */
  overlapping(from: number, to: number): T[] {
    const out: T[] = [];
    for (let i = lastAtOrBefore(this.starts, to - 1); i >= 0; i--) {
      const x = this.items[i];
      if (!x || x.end <= from - 200) break;
      if (x.end > from) out.push(x);
    }
    return out;
  }
  /** First item starting in [from, to), or null. */
  firstIn(from: number, to: number, ok: (x: T) => boolean = () => true): T | null {
    for (let i = lastAtOrBefore(this.starts, from - 1) + 1; i < this.items.length; i++) {
      const x = this.items[i];
      if (!x || x.start >= to) return null;
      if (ok(x)) return x;
    }
    return null;
  }
}

/** Running state while walking the facts of a text in order. */
interface WalkState {
  sentence: number;
  /** Period carried from earlier sentences ("Trong quý I/2025, …" then the facts). */
  carry: string | null;
  /** Last head fact of the current sentence: the figure later percents and changes refer to. */
  head: Fact | null;
  prevEnd: number;
  chain: number;
}

/**
 * Extracts the numeric facts of a report text. The text is NFC-normalised first; offsets refer to
 * the NFC text (identical to the input when it already is NFC, as files read by the CLI are).
 *
 * @example extractFacts('năm 2021 kết nạp được 147/120 đảng viên, đạt 122,5% kế hoạch')
 *   → [{ kind: 'ratio', value: 147, numerator: 147, denominator: 120, unit: 'đảng viên', … },
 *      { kind: 'percent_of_plan', value: 122.5, unit: '%', basis: 'kế hoạch', … }]
 */
export function extractFacts(input: string): Fact[] {
  const text = input.normalize('NFC');
  const layout = layoutOf(text);
  const periods = new SpanIndex<PeriodMention>(findPeriods(text));
  const placeList = findPlaces(text);
  const places = new SpanIndex<PlaceMention>(placeList);
  const home = mainPlace(placeList);
  // Period and place phrases are blanked out of labels.
  const skip = new SpanIndex<Span>([...periods.items, ...placeList].sort((a, b) => a.start - b.start));
  const facts: Fact[] = [];
  const st: WalkState = { sentence: -1, carry: null, head: null, prevEnd: 0, chain: 0 };

  for (const c of groupTokens(text, scanNumbers(text))) {
    const si = Math.max(0, sentenceIndexAt(layout, c.start));
    if (si !== st.sentence) {
      enterSentence(st, layout, periods, si, c.start);
    }
    const sentence = layout.sentences[si] ?? { start: 0, end: text.length };
    const clauseStart = Math.max(clauseStartAt(layout, c.start), sentence.start);
    const cues = readLeft(text, c.start);
    const head = st.head;
    const from = Math.max(clauseStart, st.prevEnd);
    const labelEnd = Math.min(cues.spanStart, c.start);
    const labelAt = (a: number, b: number): string | null =>
      leftLabel(text, a, b, skip.overlapping(Math.max(a, b - 300), b), st.head !== null);
    let ownLabel = labelAt(from, labelEnd);
    // "- Tổng sản lượng lương thực: 12.450 tấn": the label is the text before the colon.
    if (ownLabel === null && text[clauseStart - 1] === ':' && st.prevEnd < clauseStart && c.unit?.category !== 'count') {
      ownLabel = labelAt(Math.max(sentence.start, clauseStartAt(layout, clauseStart - 2)), clauseStart - 1);
    }
    const region = text.slice(Math.max(from, labelEnd - 200), labelEnd);
    // "đạt 91,3% mục tiêu (40 km)", "bằng 105% dự toán (514 tỷ đồng)": the bracket gives the plan.
    const bracketedPlan =
      head !== null && /^\s*\(\s*$/u.test(text.slice(st.prevEnd, labelEnd)) && isPlanBasis(facts[facts.length - 1]?.basis ?? null);
    const basisHit = readBasis(text, c.end);
    const basis = basisHit?.basis ?? null;
    let unit = c.unit?.unit ?? null;
    let end = Math.max(c.end, basisHit?.end ?? 0);
    // "702ha cây thuốc lá/năm": the per-year part follows the crop name.
    if (c.unit && !c.unit.compound && basisHit === null) {
      const deferred = /^(?:[ \t]+[\p{L}]+){1,5}(?=\/)/u.exec(text.slice(c.unit.end, c.unit.end + 60));
      const per = deferred ? perUnitAfterSlash(text, c.unit.end + deferred[0].length) : null;
      if (deferred && per) {
        unit = `${unit}/${per}`;
        end = c.unit.end + deferred[0].length + 1 + per.length;
      }
    }
    const dependentPosition = ownLabel === null && head !== null;
    const kind = bracketedPlan ? 'plan' : decideKind(c, unit, cues, basis, ownLabel, region, dependentPosition ? head : null, text);
    const dependent = dependentPosition && (DEPENDENT_KINDS.has(kind) || (kind === 'actual' && isPercentUnit(unit) && head?.numerator !== null));
    const indicator = dependent
      ? (head?.indicator ?? null)
      : (labelFor(text, ownLabel, c.unit, basisHit ? basisHit.end : (c.unit?.end ?? c.end), sentence.end) ??
        head?.indicator ??
        null);
    unit ??= impliedUnit(text, c, cues, indicator, facts, sentence.start);
    if (unit === null && c.numerator === null && !hasFactCue(cues)) {
      continue;
    }
    if (kind === 'count_of_targets' && unit === 'tiêu chí' && sentenceHasTargetCount(facts, si)) unit = 'chỉ tiêu';
    const evaluation =
      kind === 'count_of_targets' ? (readEvaluation(text, c.end) ?? cues.evaluation ?? null) : null;
    const start = Math.min(cues.spanStart, c.start);
    const fact: Fact = {
      start,
      end,
      text: text.slice(start, end),
      value: c.value,
      valueMax: c.valueMax,
      decimals: c.decimals,
      unit,
      kind,
      qualifier: cues.qualifier,
      numerator: c.numerator,
      denominator: c.denominator,
      direction: kind === 'change' ? cues.direction : null,
      basis,
      evaluation,
      role: CUMULATIVE.test(region) && cues.role !== 'remainder' ? 'cumulative' : cues.role,
      indicator,
      period: periodFor(text, periods, st, clauseStart, sentence.end, c, end),
      place: places.lastIn(sentence.start, c.start)?.label ?? home,
      sentence: si,
      chain: dependent ? (head?.chain ?? st.chain) : ++st.chain,
    };
    facts.push(fact);
    if (!dependent) st.head = fact;
    st.prevEnd = end;
  }
  return facts;
}

/**
 * The indicator of a head figure: the label before it; the words after a count when nothing
 * names it before ("trong đó có 111 hộ xây mới"); both when the label before is only a verb
 * ("Phát triển được 02 chuỗi sản xuất liên kết", "duy trì hơn 380ha cây ăn quả"). Words after
 * a written basis ("128% kế hoạch; …") never belong to the figure.
 */
function labelFor(text: string, own: string | null, unit: UnitMatch | null, after: number, limit: number): string | null {
  if (unit === null) return own;
  const isCount = unit.category === 'count';
  const basisWritten = after > unit.end;
  if (basisWritten) return own;
  const right = rightLabel(text, unit.start, unit.end, isCount, limit);
  if (own === null) return right;
  if (right === null || own.split(' ').length > 3) return own;
  const rest = isCount ? rightLabel(text, unit.end, unit.end, false, limit) : right;
  return rest === null ? own : `${own} ${right}`;
}

/** Updates the walk state when the walk reaches sentence `si` (its first candidate starts at `firstAt`). */
function enterSentence(
  st: WalkState,
  layout: Layout,
  periods: SpanIndex<PeriodMention>,
  si: number,
  firstAt: number,
): void {
  // Sentences without figures pass their opening period on ("Trong 9 tháng đầu năm, kinh tế …").
  for (let s = st.sentence + 1; s < si; s++) {
    const sp = layout.sentences[s];
    if (!sp) continue;
    const topic = periods.firstIn(sp.start, sp.end, (p) => !p.reference);
    if (topic) st.carry = topic.label;
  }
  const sp = layout.sentences[si];
  if (sp) {
    const topic = periods.firstIn(sp.start, firstAt, (p) => !p.reference);
    if (topic) st.carry = topic.label;
    st.prevEnd = sp.start;
  }
  st.sentence = si;
  st.head = null;
}

/**
 * The period of a figure: the last period phrase of its clause before it; else one right behind it
 * ("38 chi bộ trong năm 2020"); else the period carried from the sentence or earlier sentences.
 */
function periodFor(
  text: string,
  periods: SpanIndex<PeriodMention>,
  st: WalkState,
  clauseStart: number,
  sentenceEnd: number,
  c: Candidate,
  factEnd: number,
): string | null {
  const before = periods.lastIn(clauseStart, c.start, (p) => !p.reference);
  if (before) return before.label;
  const after = periods.firstIn(factEnd, Math.min(sentenceEnd, factEnd + 40), (p) => !p.reference);
  if (after) {
    const gap = text.slice(factEnd, after.start);
    if (!/[,;:.()]/u.test(gap) && gap.split(/\s+/u).filter(Boolean).length <= 4) return after.label;
  }
  return st.carry;
}

/** True when a target word precedes the figure in `region` with no result word after it. */
function plannedBy(region: string): boolean {
  let last = -1;
  STRONG_PLAN.lastIndex = 0;
  for (let m = STRONG_PLAN.exec(region); m !== null; m = STRONG_PLAN.exec(region)) last = m.index + m[0].length;
  return last >= 0 && !RESULT_WORD.test(region.slice(last));
}

function isPlanBasis(basis: string | null): boolean {
  const family = basisFamily(basis);
  return family === 'plan' || family === 'resolution';
}

/**
 * The kind of a figure from its form, its unit and the words around it (docs/extract.md, "Kinds").
 * `head` is the figure it follows when nothing names another indicator in between.
 */
function decideKind(
  c: Candidate,
  unit: string | null,
  cues: LeftCues,
  basis: string | null,
  ownLabel: string | null,
  region: string,
  head: Fact | null,
  text: string,
): FactKind {
  const targets = unit === 'chỉ tiêu' || unit === 'nhóm chỉ tiêu';
  if (c.numerator !== null) return targets ? 'count_of_targets' : 'ratio';
  if (cues.direction !== null) return 'change';
  if (targets) return 'count_of_targets';
  if (unit === 'tiêu chí' && readEvaluation(text, c.end) !== null) return 'count_of_targets';
  const achieved = cues.verb === 'đạt' || cues.verb === 'được' || cues.verb === 'có' || cues.verb === 'là';
  const near = (region.split(/[,;:]/u).pop() ?? '').slice(-25);
  const planned = plannedBy(region) || (!achieved && WEAK_PLAN.test(near));
  const family = basisFamily(basis);
  if (unit === '%' || unit === 'phần trăm') {
    if (family === 'plan' || family === 'resolution') return 'percent_of_plan';
    if (family === 'same_period' || family === 'period') return 'percent_of_same_period';
    if (planned) return 'plan';
    const linked = cues.verb === 'đạt' || cues.verb === 'bằng' || cues.verb === 'được';
    if (head !== null && linked) {
      // "13/15 chi bộ …, đạt 86,67%" is the share of a whole; "95/90%, đạt 105,5%" and
      // "32,88ha, đạt 7,3%" compare with a plan.
      const share = head.numerator !== null && !isPercentUnit(head.unit) && c.value <= 100;
      return share ? 'actual' : 'percent_of_plan';
    }
    if (isRateLabel(ownLabel)) return c.value > 100 ? 'percent_of_plan' : 'actual';
    if (cues.verb === 'đạt' && ownLabel !== null) return 'percent_of_plan';
    return 'actual';
  }
  if (planned) return 'plan';
  return 'actual';
}

/**
 * A unit the text leaves out but implies: "%" for a rate ("tỷ lệ … đạt 94,98"), the unit of the
 * total for a breakdown in brackets ("17 đảng viên (khiển trách 10, …)"), "người" for a ratio of
 * staff ("công chức cấp huyện là 62/72").
 */
function impliedUnit(
  text: string,
  c: Candidate,
  cues: LeftCues,
  indicator: string | null,
  facts: readonly Fact[],
  sentenceStart: number,
): string | null {
  if (c.numerator === null && isRateLabel(indicator) && c.value <= 100 && cues.verb !== null) return '%';
  // Bounded look-back keeps the walk linear on long bracket-free texts.
  const from = Math.max(sentenceStart, c.start - 200);
  const rel = text.slice(from, c.start).lastIndexOf('(');
  const open = rel < 0 ? -1 : from + rel;
  if (open >= 0 && !text.slice(open, c.start).includes(')')) {
    for (let i = facts.length - 1; i >= 0; i--) {
      const f = facts[i];
      if (!f || f.end > open) continue;
      if (/^\s*$/u.test(text.slice(f.end, open)) && f.unit !== null && !isPercentUnit(f.unit)) return f.unit;
      break;
    }
  }
  if (c.numerator !== null && isPeopleLabel(indicator)) return 'người';
  return null;
}

/** A unit-less single number is a fact only when words around it present it as one. */
function hasFactCue(cues: LeftCues): boolean {
  return cues.qualifier !== null || cues.verb !== null || cues.direction !== null || cues.role !== null;
}

function sentenceHasTargetCount(facts: readonly Fact[], si: number): boolean {
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i];
    if (!f || f.sentence !== si) return false;
    if (f.kind === 'count_of_targets' && f.unit === 'chỉ tiêu') return true;
  }
  return false;
}
