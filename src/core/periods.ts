/**
 * Reporting periods (kỳ báo cáo) and their Vietnamese labels, both ways (domain-rules §1).
 *
 * A period is a span of whole months inside one year, or a term (nhiệm kỳ). Every period has a
 * canonical code used in storage and in the workspace file:
 *
 * | kind    | code          | label                          |
 * |---------|---------------|--------------------------------|
 * | month   | 2025-M05      | tháng 5/2025                   |
 * | quarter | 2025-Q1       | quý I/2025                     |
 * | ytd     | 2024-YTD06    | 6 tháng đầu năm 2024           |
 * | ytd     | 2020-YTD09    | 9 tháng năm 2020               |
 * | ytd     | 2023-YTD08    | 8 tháng đầu năm 2023           |
 * | half    | 2024-H2       | 6 tháng cuối năm 2024          |
 * | year    | 2024          | năm 2024                       |
 * | term    | 2020-2025     | nhiệm kỳ 2020 – 2025           |
 *
 * "6 tháng đầu năm" is year-to-date through June, so it is `ytd` 6, and "9 tháng" is `ytd` 9: the
 * same span as quarters I–III. A term 2020–2025 has base year 2020 and plan years 2021–2025
 * (the congress sits in 2020; the five-year plan is 2021–2025).
 */
import { foldForSearch } from './text.ts';

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'ytd'; year: number; months: number }
  | { kind: 'half'; year: number; half: 2 }
  | { kind: 'year'; year: number }
  | { kind: 'term'; startYear: number; endYear: number };

/** A span of months, as absolute month numbers: year * 12 + (month - 1). Inclusive both ends. */
export interface MonthSpan {
  from: number;
  to: number;
}

export const monthIndex = (year: number, month: number): number => year * 12 + (month - 1);
export const yearOfIndex = (i: number): number => Math.floor(i / 12);
export const monthOfIndex = (i: number): number => (i % 12) + 1;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export class PeriodError extends Error {
  override readonly name = 'PeriodError';
}

/** The months a period covers. A term covers its plan years (startYear+1 … endYear). */
export function monthSpan(p: Period): MonthSpan {
  switch (p.kind) {
    case 'month':
      return { from: monthIndex(p.year, p.month), to: monthIndex(p.year, p.month) };
    case 'quarter':
      return { from: monthIndex(p.year, p.quarter * 3 - 2), to: monthIndex(p.year, p.quarter * 3) };
    case 'ytd':
      return { from: monthIndex(p.year, 1), to: monthIndex(p.year, p.months) };
    case 'half':
      return { from: monthIndex(p.year, 7), to: monthIndex(p.year, 12) };
    case 'year':
      return { from: monthIndex(p.year, 1), to: monthIndex(p.year, 12) };
    case 'term':
      return { from: monthIndex(p.startYear + 1, 1), to: monthIndex(p.endYear, 12) };
  }
}

/** Canonical code, e.g. "2025-Q1". Stable: stored in the database and the workspace file. */
export function periodCode(p: Period): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (p.kind) {
    case 'month':
      return `${p.year}-M${pad(p.month)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'ytd':
      return p.months === 12 ? String(p.year) : `${p.year}-YTD${pad(p.months)}`;
    case 'half':
      return `${p.year}-H2`;
    case 'year':
      return String(p.year);
    case 'term':
      return `${p.startYear}-${p.endYear}`;
  }
}

/** Vietnamese label as reports write it: "quý I/2025", "6 tháng đầu năm 2024", "nhiệm kỳ 2020 – 2025". */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `tháng ${p.month}/${p.year}`;
    case 'quarter':
      return `quý ${ROMAN[p.quarter - 1]}/${p.year}`;
    case 'ytd':
      if (p.months === 9) return `9 tháng năm ${p.year}`;
      if (p.months === 12) return `năm ${p.year}`;
      return `${p.months} tháng đầu năm ${p.year}`;
    case 'half':
      return `6 tháng cuối năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
    case 'term':
      return `nhiệm kỳ ${p.startYear} – ${p.endYear}`;
  }
}

/** English label, for the second locale. */
export function periodLabelEn(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${new Date(Date.UTC(p.year, p.month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${p.year}`;
    case 'quarter':
      return `Q${p.quarter} ${p.year}`;
    case 'ytd':
      return p.months === 12 ? String(p.year) : `first ${p.months} months of ${p.year}`;
    case 'half':
      return `second half of ${p.year}`;
    case 'year':
      return String(p.year);
    case 'term':
      return `term ${p.startYear}–${p.endYear}`;
  }
}

function checkYear(y: number, input: string): number {
  if (!Number.isInteger(y) || y < 1945 || y > 2200) throw new PeriodError(`Năm ${y} không hợp lệ trong kỳ "${input}"`);
  return y;
}

function romanOrDigit(s: string): 1 | 2 | 3 | 4 | null {
  const up = s.toUpperCase();
  const i = ROMAN.indexOf(up as (typeof ROMAN)[number]);
  if (i >= 0) return (i + 1) as 1 | 2 | 3 | 4;
  const n = Number(s);
  return n >= 1 && n <= 4 && Number.isInteger(n) ? (n as 1 | 2 | 3 | 4) : null;
}

/**
 * Parses a period code or a Vietnamese label. Accepts what people type and what reports write:
 * "2024", "năm 2024", "quý I/2025", "Quý 1 năm 2025", "2025-Q1", "tháng 5/2025", "6 tháng đầu năm 2024",
 * "6 tháng năm 2024", "9 tháng năm 2020", "9 tháng đầu năm 2020", "8 tháng đầu năm 2023",
 * "6 tháng cuối năm 2024", "nhiệm kỳ 2020 – 2025", "2020-2025", "giai đoạn 2021 - 2025" (the plan
 * years of term 2020–2025).
 * @throws PeriodError with a Vietnamese message when the text is not a period.
 */
export function parsePeriod(input: string): Period {
  const fast = parseCode(input);
  if (fast) return fast;
  const raw = input.normalize('NFC').trim();
  const s = foldForSearch(raw.replace(/[–—−]/g, '-')).replace(/\s*-\s*/g, '-').replace(/\s*\/\s*/g, '/');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(?:nam )?(\d{4})$/))) return { kind: 'year', year: checkYear(Number(m[1]), raw) };
  if ((m = s.match(/^(\d{4})-q([1-4])$/))) return { kind: 'quarter', year: checkYear(Number(m[1]), raw), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  if ((m = s.match(/^(\d{4})-m(\d{1,2})$/))) return month(Number(m[1]), Number(m[2]), raw);
  if ((m = s.match(/^(\d{4})-ytd(\d{1,2})$/))) return ytd(Number(m[1]), Number(m[2]), raw);
  if ((m = s.match(/^(\d{4})-h([12])$/))) return m[2] === '1' ? ytd(Number(m[1]), 6, raw) : { kind: 'half', year: checkYear(Number(m[1]), raw), half: 2 };
  if ((m = s.match(/^quy ([ivx]+|\d)(?:\/| nam )(\d{4})$/))) {
    const q = romanOrDigit(m[1] ?? '');
    if (!q) throw new PeriodError(`Quý "${m[1]}" không hợp lệ trong "${raw}" (quý I đến IV)`);
    return { kind: 'quarter', year: checkYear(Number(m[2]), raw), quarter: q };
  }
  if ((m = s.match(/^thang (\d{1,2})(?:\/| nam )(\d{4})$/))) return month(Number(m[2]), Number(m[1]), raw);
  if ((m = s.match(/^(\d{1,2}) thang cuoi nam (\d{4})$/))) {
    if (m[1] !== '6') throw new PeriodError(`Chỉ hỗ trợ "6 tháng cuối năm", không phải "${raw}"`);
    return { kind: 'half', year: checkYear(Number(m[2]), raw), half: 2 };
  }
  if ((m = s.match(/^(\d{1,2}) thang (?:dau nam |nam )?(\d{4})$/))) return ytd(Number(m[2]), Number(m[1]), raw);
  if ((m = s.match(/^(?:nhiem ky )?(\d{4})-(\d{4})$/))) return term(Number(m[1]), Number(m[2]), raw);
  if ((m = s.match(/^(?:giai doan|ke hoach 5 nam) (\d{4})-(\d{4})$/))) return term(Number(m[1]) - 1, Number(m[2]), raw);
  throw new PeriodError(
    `Không hiểu kỳ báo cáo "${raw}". Ví dụ hợp lệ: "2024", "quý I/2025", "tháng 5/2025", "6 tháng đầu năm 2024", "9 tháng năm 2020", "nhiệm kỳ 2020 – 2025"`,
  );
}

const CODE = /^(\d{4})(?:-(?:Q([1-4])|M(0[1-9]|1[0-2])|YTD(0[1-9]|1[01])|(H2)))?$/;

/** Canonical codes ("2024", "2025-Q1", "2023-YTD08") without the folding a label needs: imports parse millions. */
function parseCode(s: string): Period | null {
  const m = CODE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1945 || year > 2200) return null;
  if (m[2]) return { kind: 'quarter', year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  if (m[3]) return { kind: 'month', year, month: Number(m[3]) };
  if (m[4]) return { kind: 'ytd', year, months: Number(m[4]) };
  if (m[5]) return { kind: 'half', year, half: 2 };
  return { kind: 'year', year };
}

function month(year: number, m: number, raw: string): Period {
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new PeriodError(`Tháng ${m} không hợp lệ trong "${raw}"`);
  return { kind: 'month', year: checkYear(year, raw), month: m };
}
function ytd(year: number, months: number, raw: string): Period {
  if (!Number.isInteger(months) || months < 1 || months > 12) throw new PeriodError(`Số tháng ${months} không hợp lệ trong "${raw}"`);
  if (months === 12) return { kind: 'year', year: checkYear(year, raw) };
  return { kind: 'ytd', year: checkYear(year, raw), months };
}
function term(startYear: number, endYear: number, raw: string): Period {
  checkYear(startYear, raw);
  checkYear(endYear, raw);
  if (endYear <= startYear || endYear - startYear > 10)
    throw new PeriodError(`Nhiệm kỳ "${raw}" không hợp lệ: năm cuối phải sau năm đầu và không quá 10 năm`);
  return { kind: 'term', startYear, endYear };
}

/** The same period one year earlier (cùng kỳ). A term has none. */
export function samePeriodLastYear(p: Period): Period | null {
  if (p.kind === 'term') return null;
  return { ...p, year: p.year - 1 } as Period;
}

/** The calendar year a non-term period falls in. */
export function yearOf(p: Period): number | null {
  return p.kind === 'term' ? null : p.year;
}

/** Every month span of the standard sub-periods that make up `p`, coarsest first, for lookups. */
export function periodFromSpan(span: MonthSpan): Period | null {
  const y = yearOfIndex(span.from);
  const fm = monthOfIndex(span.from);
  const tm = monthOfIndex(span.to);
  if (yearOfIndex(span.to) !== y) {
    if (fm === 1 && tm === 12) return { kind: 'term', startYear: y - 1, endYear: yearOfIndex(span.to) };
    return null;
  }
  if (fm === tm) return { kind: 'month', year: y, month: fm };
  if (fm === 1) return tm === 12 ? { kind: 'year', year: y } : { kind: 'ytd', year: y, months: tm };
  if (fm === 7 && tm === 12) return { kind: 'half', year: y, half: 2 };
  if ((fm - 1) % 3 === 0 && tm === fm + 2) return { kind: 'quarter', year: y, quarter: ((fm + 2) / 3) as 1 | 2 | 3 | 4 };
  return null;
}

/** True when the period is a whole calendar year. */
export const isFullYear = (p: Period): boolean => p.kind === 'year';

/** Number of months in a period. */
export const monthCount = (p: Period): number => {
  const s = monthSpan(p);
  return s.to - s.from + 1;
};

/** Plan years of a term: 2020–2025 → [2021 … 2025]. */
export function termYears(t: { startYear: number; endYear: number }): number[] {
  const out: number[] = [];
  for (let y = t.startYear + 1; y <= t.endYear; y++) out.push(y);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Data cut-off windows ("thời gian chốt số liệu")

/**
 * How a reporting regime maps a period to dates. Party and statistical reports use calendar months;
 * NĐ 09/2019/NĐ-CP (Art. 12) has state agencies count from the 15th of the previous month to the 14th.
 */
export type CutoffRule = { kind: 'calendar' } | { kind: 'day_of_month'; startDay: number };

export const CALENDAR: CutoffRule = { kind: 'calendar' };
export const ND_09_2019: CutoffRule = { kind: 'day_of_month', startDay: 15 };

export interface DateWindow {
  /** ISO dates, inclusive. */
  start: string;
  end: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The window of dates whose events count in the period under a cut-off rule. */
export function dateWindow(p: Period, rule: CutoffRule = CALENDAR): DateWindow {
  const span = monthSpan(p);
  const fy = yearOfIndex(span.from);
  const fm = monthOfIndex(span.from);
  const ty = yearOfIndex(span.to);
  const tm = monthOfIndex(span.to);
  if (rule.kind === 'calendar') return { start: iso(fy, fm, 1), end: iso(ty, tm + 1, 0) };
  // 15/(M-1) → 14/M: the window starts in the month before the period's first month.
  return { start: iso(fy, fm - 1, rule.startDay), end: iso(ty, tm, rule.startDay - 1) };
}

/** The ISO date range of a period's calendar span: used to match units valid in the period. */
export function calendarRange(p: Period): DateWindow {
  return dateWindow(p, CALENDAR);
}
