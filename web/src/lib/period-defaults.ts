import { calendarRange, parsePeriod } from '../../../src/core/periods.ts';

export function defaultPeriod(): string {
  return String(new Date().getFullYear() - 1);
}

/** The first and last day of a period, for the unit trees of the pages. */
export function periodRange(code: string): { start: string; end: string } {
  try {
    return calendarRange(parsePeriod(code));
  } catch {
    const y = new Date().getFullYear();
    return { start: `${y}-01-01`, end: `${y}-12-31` };
  }
}
