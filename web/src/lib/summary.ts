import type { StatusCounts } from '../../../src/core/evaluate.ts';
import { summarySentence } from '../../../src/core/phrases.ts';

/** The report's sentence ("Có 24/30 chỉ tiêu đạt và vượt…"); in English, the same counts in words. */
export function summaryText(locale: string, c: StatusCounts): string {
  if (locale !== 'en') return summarySentence(c);
  const reached = c.exceeded + c.met;
  let s = `${reached}/${c.total} targets met or exceeded`;
  if (reached > 0) s += ` (${c.exceeded} exceeded, ${c.met} met)`;
  const rest: string[] = [];
  if (c.basicallyMet) rest.push(`${c.basicallyMet} basically met`);
  if (c.notMet) rest.push(`${c.notMet} not met`);
  if (c.inProgress) rest.push(`${c.inProgress} in progress (period not over)`);
  if (c.noData) rest.push(`${c.noData} without data`);
  return `${s}${rest.length ? `; ${rest.join('; ')}` : ''}.`;
}
