/**
 * A target's history: actual against plan over the term, and the same target for each unit below in
 * the period (GET /api/evaluation/target). The charts load ECharts on demand; the numbers are also in
 * tables under them.
 */
import { useMemo } from 'react';
import type { TargetResult } from '../../../src/core/evaluate.ts';
import { EChart } from '../components/EChart.tsx';
import { ErrorNote, Modal, StatusBadge } from '../components/ui.tsx';
import { type MsgKey, useI18n } from '../i18n/index.tsx';
import { get, withQuery } from '../lib/api.ts';
import { fmtMeasure, fmtNumber, fmtPercent } from '../lib/format.ts';
import { fieldLabel, flagLabel, periodText, statusLabel } from '../lib/labels.ts';
import { STATUS_COLOR } from '../lib/status-colors.ts';
import type { TargetHistory } from '../lib/types.ts';
import { useLoad } from '../lib/useLoad.ts';
import { planText, samePeriodText } from '../lib/target-text.ts';

interface Props {
  target: TargetResult;
  unitId: string;
  period: string;
  resolutionId: string;
  onClose(): void;
}

const axisLabel = { formatter: (v: number) => fmtNumber(v, 2) };

export default function TargetDetail({ target: tr, unitId, period, resolutionId, onClose }: Props) {
  const { t, locale } = useI18n();
  const hist = useLoad(
    (signal) => get<TargetHistory>(withQuery('/api/evaluation/target', { unitId, resolutionId, targetId: tr.targetId, period }), { signal }),
    [unitId, resolutionId, tr.targetId, period],
  );
  const h = hist.data;
  const unit = tr.actualUnit;

  const yearsOption = useMemo(() => {
    if (!h) return null;
    return {
      animation: false,
      grid: { left: 64, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, data: [t('dash.actual'), t('dash.plan')] },
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => (typeof v === 'number' ? fmtMeasure(v, unit) : '—') },
      xAxis: { type: 'category' as const, data: h.years.map((y) => String(y.year)) },
      yAxis: { type: 'value' as const, axisLabel },
      series: [
        {
          name: t('dash.actual'),
          type: 'bar' as const,
          barMaxWidth: 36,
          itemStyle: { color: '#4a515b' },
          data: h.years.map((y) => ({ value: y.actual ?? '-', itemStyle: { color: STATUS_COLOR[y.status] } })),
        },
        { name: t('dash.plan'), type: 'line' as const, data: h.years.map((y) => y.plan ?? '-'), itemStyle: { color: '#5b6472' }, lineStyle: { type: 'dashed' as const } },
      ],
    };
  }, [h, t, unit]);

  const childrenOption = useMemo(() => {
    if (!h || h.children.length === 0) return null;
    return {
      animation: false,
      grid: { left: 64, right: 16, top: 36, bottom: 64 },
      legend: { top: 0, data: [t('dash.actual'), t('dash.plan')] },
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => (typeof v === 'number' ? fmtMeasure(v, unit) : '—') },
      xAxis: { type: 'category' as const, data: h.children.map((c) => c.name), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value' as const, axisLabel },
      series: [
        {
          name: t('dash.actual'),
          type: 'bar' as const,
          barMaxWidth: 28,
          itemStyle: { color: '#4a515b' },
          data: h.children.map((c) => ({ value: c.actual ?? '-', itemStyle: { color: STATUS_COLOR[c.status] } })),
        },
        { name: t('dash.plan'), type: 'line' as const, data: h.children.map((c) => c.plan ?? '-'), itemStyle: { color: '#5b6472' }, lineStyle: { opacity: 0 }, symbol: 'diamond', symbolSize: 10 },
      ],
    };
  }, [h, t, unit]);

  return (
    <Modal title={`${tr.code} · ${tr.name}`} onClose={onClose} wide>
      <div className="target-detail" data-testid="target-detail">
        <p className="wording">“{tr.wording}”</p>
        <dl className="facts">
          <div>
            <dt>{t('dash.field')}</dt>
            <dd>{fieldLabel(t, tr.field)}</dd>
          </div>
          <div>
            <dt>{t('dash.period')}</dt>
            <dd>{periodText(locale, period)}</dd>
          </div>
          <div>
            <dt>{t('dash.plan')}</dt>
            <dd>{planText(t, tr)}</dd>
          </div>
          <div>
            <dt>{t('dash.actual')}</dt>
            <dd className="strong">{fmtMeasure(tr.actual, unit)}</dd>
          </div>
          <div>
            <dt>{t('dash.percentOfPlan')}</dt>
            <dd>{fmtPercent(tr.percentOfPlan)}</dd>
          </div>
          <div>
            <dt>{t('dash.samePeriod')}</dt>
            <dd>
              {fmtMeasure(tr.samePeriodValue, tr.measureUnit)} ({samePeriodText(t, tr)})
            </dd>
          </div>
          <div>
            <dt>{t('dash.status')}</dt>
            <dd>
              <StatusBadge status={tr.status} />
            </dd>
          </div>
          <div>
            <dt>{t('target.basis')}</dt>
            <dd>{t(`basis.${tr.basis.kind}` as MsgKey)}</dd>
          </div>
        </dl>
        {tr.flags.length > 0 && (
          <ul className="flag-list">
            {tr.flags.map((f, i) => (
              <li key={i}>
                <span className={`flag flag-${f.code}`}>{flagLabel(t, f.code)}</span> {f.detail ?? ''}
              </li>
            ))}
          </ul>
        )}
        <ErrorNote error={hist.error} />
        {hist.loading && !h && <div className="loading">{t('common.loading')}</div>}
        {h && (
          <div className="detail-grid">
            <section>
              <h3>{t('detail.overTerm')}</h3>
              {yearsOption && h.years.length > 0 ? <EChart option={yearsOption} label={t('detail.overTerm')} /> : <p className="muted">{t('common.noData')}</p>}
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{t('detail.year')}</th>
                    <th className="num">{t('dash.plan')}</th>
                    <th className="num">{t('dash.actual')}</th>
                    <th>{t('dash.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.years.map((y) => (
                    <tr key={y.year}>
                      <td>{y.year}</td>
                      <td className="num">{fmtMeasure(y.plan, unit)}</td>
                      <td className="num">{fmtMeasure(y.actual, unit)}</td>
                      <td>
                        <StatusBadge status={y.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section>
              <h3>{t('detail.byUnit')}</h3>
              {childrenOption ? <EChart option={childrenOption} label={t('detail.byUnit')} /> : <p className="muted">{t('detail.noChildren')}</p>}
              {h.children.length > 0 && (
                <table className="table compact">
                  <thead>
                    <tr>
                      <th>{t('common.unit')}</th>
                      <th className="num">{t('dash.plan')}</th>
                      <th className="num">{t('dash.actual')}</th>
                      <th className="num">{t('dash.percentOfPlan')}</th>
                      <th>{t('dash.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.children.map((c) => (
                      <tr key={c.unitId}>
                        <td>{c.name}</td>
                        <td className="num">{fmtMeasure(c.plan, unit)}</td>
                        <td className="num">{fmtMeasure(c.actual, unit)}</td>
                        <td className="num">{fmtPercent(c.percentOfPlan)}</td>
                        <td>
                          <span className={`status status-${c.status}`}>{statusLabel(t, c.status)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        )}
      </div>
    </Modal>
  );
}
