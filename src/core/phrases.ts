/**
 * Vietnamese phrases built from evaluation results, shared by the CLI table, the web and the report.
 * Counts are written as reports write them ("09 vượt"); numbers the Vietnamese way.
 */
import type { StatusCounts, TargetResult } from './evaluate.ts';
import { STATUS_LABEL } from './evaluate.ts';
import { formatCount, formatViNumber, formatViPercent } from './numbers.ts';

/**
 * "Có 24/30 chỉ tiêu đạt và vượt, trong đó có 09 chỉ tiêu vượt, 15 chỉ tiêu đạt; 06 chỉ tiêu không đạt."
 * Every count of the summary appears, so the sentence always adds up to the total.
 */
export function summarySentence(c: StatusCounts): string {
  const reached = c.exceeded + c.met;
  // A zero part is left out ("trong đó có 01 chỉ tiêu vượt"), never written "0 chỉ tiêu đạt".
  const parts = [c.exceeded ? `${formatCount(c.exceeded)} chỉ tiêu vượt` : '', c.met ? `${formatCount(c.met)} chỉ tiêu đạt` : ''].filter(Boolean);
  let s =
    reached > 0
      ? `Có ${formatCount(reached)}/${formatCount(c.total)} chỉ tiêu đạt và vượt, trong đó có ${parts.join(', ')}`
      : `Trong ${formatCount(c.total)} chỉ tiêu, chưa có chỉ tiêu nào được đánh giá đạt hoặc vượt`;
  const rest: string[] = [];
  if (c.basicallyMet) rest.push(`${formatCount(c.basicallyMet)} chỉ tiêu cơ bản đạt`);
  if (c.notMet) rest.push(`${formatCount(c.notMet)} chỉ tiêu không đạt`);
  if (c.inProgress) rest.push(`${formatCount(c.inProgress)} chỉ tiêu đang thực hiện (chưa hết kỳ)`);
  if (c.noData) rest.push(`${formatCount(c.noData)} chỉ tiêu chưa có số liệu`);
  return `${s}${rest.length ? `; ${rest.join('; ')}` : ''}.`;
}

/** A figure with its unit of measure: "1.440 ha", "7,3%", "7 tỷ đồng". */
export function formatMeasure(value: number | null, unit: string, maxDecimals = 2): string {
  if (value === null) return '—';
  if (unit === '%' || unit.startsWith('%/')) return `${formatViPercent(value, { maxDecimals })}${unit.slice(1)}`;
  return unit ? `${formatViNumber(value, { maxDecimals })} ${unit}` : formatViNumber(value, { maxDecimals });
}

/** The plan as written: "≥ 450 ha", "< 1%", "3,5 – 4 điểm %/năm", "đạt". */
export function formatPlan(t: Pick<TargetResult, 'plan' | 'planHigh' | 'actualUnit'> & { rule?: { op: string; strict?: boolean } }): string {
  if (t.plan === null) return t.rule?.op === 'status' ? 'đạt' : '—';
  if (t.planHigh !== null) return `${formatViNumber(t.plan)} – ${formatMeasure(t.planHigh, t.actualUnit)}`;
  return formatMeasure(t.plan, t.actualUnit);
}

export function statusLabel(t: Pick<TargetResult, 'status'>): string {
  return STATUS_LABEL[t.status];
}

/** "bằng 135% cùng kỳ" with the change: "tăng 35%", "giảm 19,98 điểm %". */
export function samePeriodPhrase(t: Pick<TargetResult, 'samePeriodPercent' | 'samePeriodChange'>): string | null {
  const ch = t.samePeriodChange;
  if (!ch) return null;
  const dir = ch.value > 0 ? 'tăng' : ch.value < 0 ? 'giảm' : 'bằng';
  const mag = Math.abs(ch.value);
  if (ch.unit === 'pp') return dir === 'bằng' ? 'bằng cùng kỳ' : `${dir} ${formatViNumber(mag)} điểm % so với cùng kỳ`;
  const pct = t.samePeriodPercent !== null ? `bằng ${formatViPercent(t.samePeriodPercent)} cùng kỳ` : '';
  return dir === 'bằng' ? pct : `${pct} (${dir} ${formatViPercent(mag)})`;
}
