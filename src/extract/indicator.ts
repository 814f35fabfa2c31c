/**
 * Indicator labels: the phrase a number belongs to. Reports put it before the number
 * ("tổng đàn gia súc (trâu, bò, ngựa) có hơn 8.000 con") or, after a count, behind the unit
 * ("trong đó có 111 hộ xây mới"). Labels are for display and for matching figures of the same
 * indicator across sentences; they are heuristics, not a parse.
 */
import type { Span } from './types.ts';

/**
 * Verbs and particles that link a label to its number; stripped from the end of a label, longest
 * phrase first ("thực hiện đạt", "kết nạp được" keeps "kết nạp").
 */
const TRAILING = phrases([
  'đạt', 'được', 'là', 'có', 'bằng', 'còn', 'lên', 'xuống', 'từ', 'đến', 'tới', 'tăng', 'giảm', 'vượt',
  'thêm', 'hơn', 'trên', 'gần', 'khoảng', 'ước', 'xấp xỉ', 'dưới', 'đã', 'đều', 'với', 'đối với',
  'thực hiện', 'và', 'chỉ', 'mới', 'thì', 'ở', 'ở mức', 'mức', 'tổng cộng', 'trong đó', 'trong số',
  'ngay', 'cả', 'tiếp tục', 'kết quả', 'lũy kế', 'hết', 'hiện có', 'hiện', 'nay', 'toàn',
]);

/** Words that open a clause without naming anything, or name the reporting unit itself; stripped from the start. */
const LEADING = phrases([
  'và', 'trong đó', 'trong', 'có', 'đã', 'với', 'của', 'còn', 'theo đó', 'riêng', 'toàn', 'cụ thể',
  'nổi bật như', 'nổi bật', 'như', 'gồm', 'bao gồm', 'đồng thời', 'tuy nhiên', 'ngoài ra', 'số này',
  'đến nay', 'hiện nay', 'thì', 'huyện', 'xã', 'tỉnh', 'thị trấn', 'phường', 'thành phố', 'đơn vị',
  'địa phương', 'đảng bộ', 'đảng bộ huyện', 'đảng bộ xã', 'đảng bộ tỉnh',
]);

/** Words that end a label written after its count ("111 hộ xây mới và …"). */
const TRAILING_RIGHT = phrases(['và', 'đã', 'được', 'là', 'có', 'thì', 'với', 'của', 'trong', 'hoặc']);
/** Words that open a label written after a percent ("89,5% là đảng viên …"). */
const LEADING_RIGHT = phrases(['%', 'là', 'có', 'được', 'của', 'số']);

/** Phrases as word arrays, longest first. */
function phrases(list: readonly string[]): string[][] {
  return list.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
}

/** Length of the phrase of `set` that the lower-cased `words` has at index `at` going forward (dir 1) or ending there (dir -1). */
function phraseAt(words: readonly string[], at: number, set: readonly string[][], dir: 1 | -1): number {
  for (const p of set) {
    const from = dir === 1 ? at : at - p.length + 1;
    if (from < 0 || from + p.length > words.length) continue;
    let same = true;
    for (let i = 0; i < p.length && same; i++) same = words[from + i] === p[i];
    if (same) return p.length;
  }
  return 0;
}

const MAX_WORDS = 24;

/** Blanks the given spans inside [from, to) so period and place phrases do not end up in labels. */
function blank(text: string, from: number, to: number, spans: readonly Span[]): string {
  let s = text.slice(from, to);
  for (const sp of spans) {
    if (sp.end <= from || sp.start >= to) continue;
    const a = Math.max(sp.start, from) - from;
    const b = Math.min(sp.end, to) - from;
    s = s.slice(0, a) + ' '.repeat(b - a) + s.slice(b);
  }
  return s;
}

/** Pieces of a text split at ",", ";", ":", "(", "và", "hoặc" and "như" outside brackets, in order. */
function pieces(raw: string): string[] {
  // "Một số chỉ tiêu đạt cao như trồng rừng …": what follows "như" is the example named.
  const s = raw.replace(/(^|\s)(?:và|hoặc|như)(?=\s)/gu, '$1,');
  const out: string[] = [];
  let depth = 0;
  let end = s.length;
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i];
    if (ch === ')') depth++;
    else if (ch === '(' && depth > 0) depth--;
    else if (depth === 0 && (ch === ',' || ch === ';' || ch === ':' || ch === '(')) {
      out.unshift(s.slice(i + 1, end));
      end = i;
    }
  }
  out.unshift(s.slice(0, end));
  return out;
}

function tidy(words: string[], leading: readonly string[][], trailing: readonly string[][]): string | null {
  const lower = words.map((w) => w.toLowerCase());
  let a = 0;
  let b = words.length;
  for (;;) {
    // "trở lên" ("hoàn thành tốt nhiệm vụ trở lên") is part of a name, not a linking "lên".
    if (b - a >= 2 && lower[b - 1] === 'lên' && lower[b - 2] === 'trở') break;
    const n = phraseAt(lower, b - 1, trailing, -1);
    if (n === 0 || b - n < a) break;
    b -= n;
  }
  for (;;) {
    const n = phraseAt(lower, a, leading, 1);
    if (n === 0 || a + n > b) break;
    a += n;
  }
  const kept = words.slice(Math.max(a, b - MAX_WORDS), b);
  const label = kept.join(' ').replace(/^[\s,.;:()"“”-]+|[\s,.;:("“”-]+$/gu, '');
  return /\p{L}{2,}/u.test(label) ? label : null;
}

/**
 * Label written before a number: the phrase between `from` (the clause start or the end of the
 * previous fact, then `afterFact`) and the number, after the last connector, without linking
 * verbs, periods and places.
 * @example leftLabel('tổng đàn gia súc (trâu, bò, ngựa) có hơn 8.000 con', 0, 38, [], false) === 'tổng đàn gia súc (trâu, bò, ngựa)'
 */
export function leftLabel(text: string, from: number, to: number, skip: readonly Span[], afterFact: boolean): string | null {
  if (to <= from) return null;
  const ps = pieces(blank(text, Math.max(from, to - 300), to, skip));
  const last = ps[ps.length - 1] ?? '';
  const label = tidy(words(last), LEADING, TRAILING);
  // "…lương thực bình quân hằng năm ổn định, đạt 19.182 tấn": the label sits before the comma,
  // unless that piece is what the previous figure says of itself ("02 chuỗi sản xuất …, đạt 200%").
  const prevIndex = ps.length - 2;
  if (label === null && prevIndex >= (afterFact ? 1 : 0) && /(?:^|\s)(?:đạt|được|là|có|bằng)\s*$/iu.test(last)) {
    return tidy(words(ps[prevIndex] ?? ''), LEADING, TRAILING);
  }
  return label;
}

function words(s: string): string[] {
  return s.split(/\s+/u).filter(Boolean);
}

/**
 * Label written after a number: the words after it up to a comma, a bracket, "và", another number,
 * a comparison or an evaluation ("111 hộ xây mới và …" → "hộ xây mới"; "15 tiêu chí đạt," →
 * "tiêu chí"; but "98 xã đạt chuẩn nông thôn mới" keeps "đạt chuẩn"). A count noun is part of the label
 * ("hộ xây mới"); a measure is not ("380ha cây ăn quả" → "cây ăn quả").
 */
export function rightLabel(text: string, unitStart: number, unitEnd: number, keepUnit: boolean, limit: number): string | null {
  const from = keepUnit ? unitStart : unitEnd;
  const s = text.slice(from, Math.min(limit, from + 160));
  const stop = /[,;:.()\n\d]|\s(?:và|hoặc|không đạt|chưa đạt|cơ bản đạt|đạt và vượt|bằng|trong đó|so với|tăng|giảm|vượt)(?![\p{L}])|\sđạt(?=\s*(?:[,;:.()]|$))/u.exec(s);
  const piece = stop ? s.slice(0, stop.index) : s;
  return tidy(words(piece).slice(0, 10), LEADING_RIGHT, TRAILING_RIGHT);
}

/** Words of a label, folded to lower case, for similarity. */
function syllables(label: string): string[] {
  return label
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Similarity of two labels: Jaccard index of their syllable bigrams. Vietnamese words are
 * syllable pairs, so bigrams tell "tổ chức cơ sở đảng" from "đảng viên" where single syllables
 * would not.
 */
export function labelSimilarity(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  const grams = (l: string): Set<string> => {
    const w = syllables(l);
    const out = new Set<string>();
    for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
    if (w.length === 1 && w[0] !== undefined) out.add(w[0]);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let inter = 0;
  for (const g of x) if (y.has(g)) inter++;
  return inter / (x.size + y.size - inter);
}

/** True when a label names a rate or a share ("tỷ lệ …", "độ che phủ", "tỷ trọng", "tốc độ"). */
export function isRateLabel(label: string | null): boolean {
  return label !== null && /(?:^|\s)(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|độ che phủ|tốc độ|tỷ suất|chỉ số)(?:\s|$)/iu.test(label);
}

/** True when a label names people ("công chức cấp huyện", "viên chức"): their counts are in "người". */
export function isPeopleLabel(label: string | null): boolean {
  return (
    label !== null &&
    /(?:^|\s)(?:cán bộ|công chức|viên chức|lao động|người lao động|học sinh|giáo viên|đảng viên|hội viên|đoàn viên|nhân viên|người)(?:\s|$|,)/iu.test(
      label,
    )
  );
}
