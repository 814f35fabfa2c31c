/**
 * Number scanning: finds the numbers of a Vietnamese text and drops those that are not figures
 * (document numbers, dates, ordinals, codes, file names). Whether a remaining number is a fact is
 * decided later, with its unit and its words (extract.ts).
 */
import { parseViNumber } from '../core/numbers.ts';

/** A number as written. */
export interface NumberPart {
  start: number;
  end: number;
  value: number;
  decimals: number;
  /** Integer of 4 digits between 1900 and 2100, written without separators: maybe a year. */
  yearLike: boolean;
}

/** A scanned number, or two numbers joined by "/" with no space ("147/120", "95/90%"). */
export type NumberToken =
  | { type: 'number'; part: NumberPart }
  | { type: 'ratio'; num: NumberPart; den: NumberPart };

// Digits with "." or "," between digit groups, then "/"-joined repeats. No nested quantifier
// can match the same character two ways, so the scan stays linear on any input.
const CHAIN = /\d+(?:[.,]\d+)*(?:\/\d+(?:[.,]\d+)*)*/gu;

const FILE_OR_URL = /\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|pdf|docx?|xlsx?|pptx?|html?|php|aspx?)(?![\p{L}\p{N}])|:\/\/|www\./iu;

/**
 * Words after which a number is a name, an ordinal or a reference, never a figure:
 * "lần thứ 19", "Điều 30", "Chỉ thị số 05", "Nghị quyết Trung ương 4", "tháng 8", "Quốc lộ 3",
 * "thôn 5", "Chương trình 135", "cánh đồng 100 triệu đồng/ha". "kế hoạch" and "chỉ tiêu" are not
 * here: "chỉ tiêu 120 đảng viên" states a plan.
 */
const NAME_BEFORE = new RegExp(
  '(?:^|[^\\p{L}\\p{N}])(?:' +
    [
      'thứ',
      'lần',
      'nghị quyết',
      'chỉ thị',
      'quyết định',
      'kết luận',
      'nghị định',
      'thông tư',
      'quy định',
      'hướng dẫn',
      'thông báo',
      'công văn',
      'tờ trình',
      'điều',
      'khoản',
      'chương',
      'mục',
      'phụ lục',
      'biểu',
      'mẫu',
      'hội nghị',
      'kỳ họp',
      'khóa',
      'khoá',
      'quốc lộ',
      'tỉnh lộ',
      'đường tỉnh',
      'ql',
      'tổ',
      'thôn',
      'xóm',
      'khu',
      'tiểu khu',
      'ấp',
      'phường',
      'quận',
      'cánh đồng',
      'chương trình',
      'đề án',
      'tháng',
      'ngày',
      'quý',
      'tuần',
      'lớp',
      'nhóm',
      'top',
      'số',
    ].join('|') +
    ')(?:\\s+(?:số|trung ương|tw))?\\s*$',
  'iu',
);

/** "tổng số 354", "với số 12 hộ": "số" is a count there, not "number". */
const COUNTING_SO = /(?:tổng|với|có|là|được|các|toàn bộ|trong)\s+số\s*$/iu;

const EXPONENT_UNITS = new Set(['m', 'km', 'cm', 'dm', 'mm']);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}
function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Lu}/u.test(ch);
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function toPart(text: string, start: number, end: number): NumberPart | null {
  const raw = text.slice(start, end);
  const r = parseViNumber(raw);
  if (!r.ok) return null;
  return {
    start,
    end,
    value: r.value,
    decimals: r.decimals,
    yearLike: /^\d{4}$/.test(raw) && r.value >= 1900 && r.value <= 2100,
  };
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

/** The run of non-space characters around [start, end), at most 120 characters each way. */
function wordRun(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && start - s < 120 && !isSpace(text[s - 1])) s--;
  let e = end;
  while (e < text.length && e - end < 120 && !isSpace(text[e])) e++;
  return text.slice(s, e);
}

/** Letters immediately before `pos` (at most 30). */
function lettersBefore(text: string, pos: number): string {
  let s = pos;
  while (s > 0 && pos - s < 30 && isLetter(text[s - 1])) s--;
  return text.slice(s, pos);
}

/**
 * Why the number written at [start, end) is not a figure, judged from the characters glued to it
 * and the words before it; null when it may be one.
 */
function distractorReason(text: string, start: number, end: number): string | null {
  const run = wordRun(text, start, end);
  if (run.length > end - start + 2 && FILE_OR_URL.test(run)) return 'tên tệp';
  const before = text[start - 1];
  const after = text[end];
  if (isLetter(before)) {
    const letters = lettersBefore(text, start);
    // "UY0.jpg", "F0", "COVID19": a code. "có12.327" (a missing space after a word) is not.
    if (/\p{Lu}/u.test(letters)) return 'mã';
    if (EXPONENT_UNITS.has(letters.toLowerCase())) return 'số mũ của đơn vị';
  }
  if ((before === '-' || before === '–') && (isLetter(text[start - 2]) || isDigit(text[start - 2]))) {
    // "Covid-19" is a name; "2020-2025", "2024-12", "12-13%" are handled as chains by the caller.
    if (isLetter(text[start - 2])) return 'mã';
  }
  if (before === '/' && isUpper(text[start - 2])) return 'mã hoặc kỳ'; // "quý I/2025", "NQ/2020"
  if ((after === '-' || after === '/') && isUpper(text[end + 1])) return 'số văn bản'; // 35-CT/TW, 123/BC-UBND
  if (after === '-' && text[end + 1] === 'Đ') return 'số văn bản';
  const left = text.slice(Math.max(0, start - 40), start);
  if (NAME_BEFORE.test(left)) {
    if (/số\s*$/iu.test(left) && COUNTING_SO.test(left)) return null;
    return 'tên, số thứ tự hoặc số hiệu';
  }
  return null;
}

/** True when d/m is a possible calendar day and month. */
function isDayMonth(d: NumberPart, m: NumberPart): boolean {
  return (
    d.decimals === 0 &&
    m.decimals === 0 &&
    Number.isInteger(d.value) &&
    Number.isInteger(m.value) &&
    d.value >= 1 &&
    d.value <= 31 &&
    m.value >= 1 &&
    m.value <= 12
  );
}

/** Words before a d/m pair that make it a date ("ngày 15/9", "trước 30/10", "Quốc khánh 2/9"). */
const DATE_BEFORE = /(?:ngày|hôm|trước|sau|từ|đến|tới|vào|đêm|sáng|chiều|tối|quốc khánh|lễ|tết|mùng|mồng)\s*$/iu;

/**
 * Scans the numbers of `text` and drops the ones that cannot be figures. What remains still
 * includes years and durations, which need the following word to be told apart.
 *
 * @example scanNumbers('Chỉ thị số 35-CT/TW ngày 14/6/2024, có 147/120 đảng viên')
 *   → one ratio token 147/120
 */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  const yearAt = new Set<number>(); // starts of tokens dropped as years in a hyphen chain
  CHAIN.lastIndex = 0;
  for (let m = CHAIN.exec(text); m !== null; m = CHAIN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const pieces = m[0].split('/');
    if (distractorReason(text, start, end) !== null) continue;
    // The last piece carries what is glued after the chain.
    if (pieces.length >= 3) continue; // 14/6/2024, 09/2019/NĐ-CP: a date or a document number
    // Hyphen chains without spaces: "2020-2025" (a term), "2024-12" (a date); "12-13" is a range.
    if (yearAt.has(start - 1)) continue;
    if (pieces.length === 1) {
      const part = toPart(text, start, end);
      if (!part) continue;
      if ((text[end] === '-' || text[end] === '–') && part.yearLike && isDigit(text[end + 1])) {
        yearAt.add(end);
        continue;
      }
      out.push({ type: 'number', part });
      continue;
    }
    const [a, b] = pieces as [string, string];
    const num = toPart(text, start, start + a.length);
    const den = toPart(text, start + a.length + 1, end);
    if (!num || !den) continue;
    // "tháng 5/2025" or a bare "5/2025": month and year.
    if (den.yearLike && num.decimals === 0 && num.value >= 1 && num.value <= 12) continue;
    if (den.yearLike && b.length === 4 && num.value < 100) continue;
    if (isDayMonth(num, den)) {
      const left = text.slice(Math.max(0, start - 20), start);
      // A possible day/month is a date unless a count noun or "%" follows ("02/05 sản phẩm").
      if (DATE_BEFORE.test(left) || !followedByUnitLike(text, end)) continue;
    }
    out.push({ type: 'ratio', num, den });
  }
  return out;
}

/** True when a letter word or "%" follows `pos` (after at most one space) and it is not a date word. */
function followedByUnitLike(text: string, pos: number): boolean {
  let i = pos;
  if (text[i] === ' ') i++;
  const ch = text[i];
  if (ch === '%') return true;
  if (!isLetter(ch)) return false;
  const word = /^\p{L}+/u.exec(text.slice(i, i + 20))?.[0] ?? '';
  return !/^(?:năm|và|hoặc|đến|tới|của|tại|ngày|tháng)$/iu.test(word);
}
