/**
 * Vietnamese number parsing and formatting, in one place (domain-rules §4.1).
 *
 * Thousands separator ".", decimal separator ",": 1.440 ha; 32,88 ha; 12.327 con; 7,3%.
 * A dot is never a decimal point here: "1.5" is rejected rather than guessed, because in a
 * Vietnamese report it can only be a typo, and a silently altered figure is worse than an error.
 */

export type ParseNumberResult =
  | { ok: true; value: number; decimals: number; percent: boolean }
  | { ok: false; error: string };

const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN = /^\d+(?:,\d+)?$/;
const MACHINE = /^\d+(?:\.\d+)?$/; // "1440.5" as typed into a spreadsheet cell in English locale

/**
 * Parses a number written the Vietnamese way.
 * @example parseViNumber('1.440,5') → { ok: true, value: 1440.5, decimals: 1, percent: false }
 * @example parseViNumber('7,3%')    → { ok: true, value: 7.3, decimals: 1, percent: true }
 */
export function parseViNumber(input: string, opts: { allowMachineDecimal?: boolean } = {}): ParseNumberResult {
  let s = input.normalize('NFC').trim().replace(/[\u00a0\u202f ]/g, '');
  if (s === '') return { ok: false, error: 'Ô trống, không phải là số' };
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  let intPart: string;
  let frac = '';
  if (GROUPED.test(s) || PLAIN.test(s)) {
    const [i, f] = s.split(',');
    intPart = (i ?? '').replace(/\./g, '');
    frac = f ?? '';
  } else if (opts.allowMachineDecimal && MACHINE.test(s)) {
    const [i, f] = s.split('.');
    intPart = i ?? '';
    frac = f ?? '';
  } else {
    return {
      ok: false,
      error: `"${input.trim()}" không phải là số viết theo kiểu Việt Nam (dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân, ví dụ 1.440,5)`,
    };
  }
  const value = sign * Number(frac ? `${intPart}.${frac}` : intPart);
  if (!Number.isFinite(value)) return { ok: false, error: `"${input.trim()}" quá lớn` };
  return { ok: true, value: value === 0 ? 0 : value, decimals: frac.length, percent };
}

/** Like {@link parseViNumber} but throws a plain Error with the Vietnamese message. */
export function parseViNumberOrThrow(input: string): number {
  const r = parseViNumber(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    formatters.set(key, f);
  }
  return f;
}

export interface FormatOptions {
  /** Maximum digits after the comma (trailing zeros are dropped unless `minDecimals` says otherwise). */
  maxDecimals?: number;
  minDecimals?: number;
}

/**
 * Formats the Vietnamese way. Grouping starts at 1.000 (reports write "1.440 ha", "12.327 con").
 * @example formatViNumber(1440) === '1.440'; formatViNumber(32.88) === '32,88'
 */
export function formatViNumber(n: number, opts: FormatOptions = {}): string {
  const max = opts.maxDecimals ?? 2;
  const min = Math.min(opts.minDecimals ?? 0, max);
  // Intl would print "-0" for tiny negatives rounded to zero.
  const rounded = roundHalfAway(n, max);
  return formatter(min, max).format(rounded === 0 ? 0 : rounded).replace(/\u00a0/g, ' ');
}

/** "7,3%": no space before the sign (domain-rules §4.1). */
export function formatViPercent(n: number, opts: FormatOptions = {}): string {
  return `${formatViNumber(n, { maxDecimals: 1, ...opts })}%`;
}

/** A count the way reports write it: two digits from one to nine ("09 vượt", "06 hộ"); zero is "0". */
export function formatCount(n: number): string {
  return n > 0 && n < 10 && Number.isInteger(n) ? `0${n}` : formatViNumber(n, { maxDecimals: 0 });
}

/** Rounds half away from zero at `decimals` digits, the way people round in reports. */
export function roundHalfAway(n: number, decimals: number): number {
  const f = 10 ** decimals;
  // toPrecision guards against 1.005*100 = 100.49999…
  const scaled = Number((Math.abs(n) * f).toPrecision(15));
  return (Math.sign(n) * Math.round(scaled)) / f;
}

/** Truncates toward zero at `decimals` digits ("105,56" written as "105,5"). */
export function truncate(n: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(n) * f).toPrecision(15));
  return (Math.sign(n) * Math.floor(scaled)) / f;
}

/** Number of digits after the decimal point in the shortest representation of `n`. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const s = String(n);
  const e = s.indexOf('e-');
  if (e >= 0) return Number(s.slice(e + 2)) + (s.slice(0, e).split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}
