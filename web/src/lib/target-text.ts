/** How a target's plan and its comparison with the same period read in tables. */
import type { TargetResult } from '../../../src/core/evaluate.ts';
import type { I18n } from '../i18n/index.tsx';
import { fmtMeasure, fmtPercent } from './format.ts';

type T = I18n['t'];

/** "≥ 450 ha", "< 1%", "10 – 12%", "đạt". */
export function planText(t: T, tr: Pick<TargetResult, 'plan' | 'planHigh' | 'actualUnit' | 'rule'>): string {
  if (tr.rule.op === 'status') return t('dash.planStatus');
  if (tr.plan === null) return '—';
  if (tr.planHigh !== null) return `${fmtMeasure(tr.plan, '')} – ${fmtMeasure(tr.planHigh, tr.actualUnit)}`;
  const sign = tr.rule.op === 'min' ? (tr.rule.strict ? '> ' : '≥ ') : tr.rule.op === 'max' ? (tr.rule.strict ? '< ' : '≤ ') : '';
  return `${sign}${fmtMeasure(tr.plan, tr.actualUnit)}`;
}

export function statusValueText(t: T, tr: TargetResult): string {
  if (tr.actual === null) return '—';
  return tr.actual ? t('dash.yes') : t('dash.no');
}

/** "111,2% (tăng 11,2%)", "giảm 2,1 điểm %". */
export function samePeriodText(t: T, tr: Pick<TargetResult, 'samePeriodPercent' | 'samePeriodChange'>): string {
  const ch = tr.samePeriodChange;
  if (!ch) return tr.samePeriodPercent !== null ? fmtPercent(tr.samePeriodPercent) : '—';
  const dir = ch.value > 0 ? t('dash.up') : ch.value < 0 ? t('dash.down') : t('dash.flat');
  const mag = ch.unit === 'pp' ? `${fmtMeasure(Math.abs(ch.value), '')} ${t('dash.pp')}` : fmtPercent(Math.abs(ch.value));
  const pct = tr.samePeriodPercent !== null && ch.unit !== 'pp' ? `${fmtPercent(tr.samePeriodPercent)} · ` : '';
  return ch.value === 0 ? `${pct}${dir}` : `${pct}${dir} ${mag}`;
}
