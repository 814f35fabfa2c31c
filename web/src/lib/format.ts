/**
 * Display helpers the Vietnamese way (domain-rules §4.1): 1.440 ha; 32,88; 7,3%; 15/12/2024.
 * Numbers come from src/core/numbers.ts so the web, the CLI and the reports write them alike.
 */
import { formatViNumber, formatViPercent } from '../../../src/core/numbers.ts';

export { formatViNumber, formatViPercent };

export function fmtNumber(n: number | null | undefined, maxDecimals = 2): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : formatViNumber(n, { maxDecimals });
}

export function fmtPercent(n: number | null | undefined, maxDecimals = 1): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : formatViPercent(n, { maxDecimals });
}

/** "1.440 ha", "7,3%", "32,88". */
export function fmtMeasure(n: number | null | undefined, unit: string | null | undefined, maxDecimals = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (!unit) return formatViNumber(n, { maxDecimals });
  if (unit === '%' || unit.startsWith('%/')) return `${formatViPercent(n, { maxDecimals })}${unit.slice(1)}`;
  return `${formatViNumber(n, { maxDecimals })} ${unit}`;
}

/** A number as it is typed back into an input: "1440,5" (no grouping, so it re-parses exactly). */
export function numberForInput(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return String(n).replace('.', ',');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2024-12-15" or an ISO instant → "15/12/2024". */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** An instant in local time: "15/12/2024 08:05". */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
