/**
 * Tổng quan: one unit, one period, one resolution (the governing one by default). The summary
 * sentence, counts by field, every target with its status, and a target's history on demand.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Status } from '../../../src/core/evaluate.ts';
import type { Flag } from '../../../src/core/measure.ts';
import { FIELD_ORDER } from '../../../src/core/indicators.ts';
import { matchesSearch } from '../../../src/core/text.ts';
import { Icon } from '../components/Icon.tsx';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { Empty, ErrorNote, PageHeader, StatusBadge } from '../components/ui.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { NoAccess, openOnOwnUnit, ResolutionSelect } from '../components/ScopeToolbar.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ApiError, download, get, listOf, withQuery } from '../lib/api.ts';
import { useUser } from '../lib/auth.tsx';
import { fmtMeasure, fmtPercent } from '../lib/format.ts';
import { defaultPeriod, periodRange } from '../lib/period-defaults.ts';
import { planText, samePeriodText, statusValueText } from '../lib/target-text.ts';
import { fieldLabel, flagLabel, periodText, STATUSES, statusLabel } from '../lib/labels.ts';
import { setQuery, useRoute } from '../lib/router.ts';
import { summaryText } from '../lib/summary.ts';
import type { EvaluationResult, ResolutionView } from '../lib/types.ts';
import { useLoad } from '../lib/useLoad.ts';

const TargetDetail = lazy(() => import('./TargetDetail.tsx'));

export default function DashboardPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const route = useRoute();
  const period = route.query.get('period') ?? defaultPeriod();
  const unitId = route.query.get('unit') ?? user.unitIds[0] ?? null;
  const resolutionId = route.query.get('resolution') ?? '';
  const tree = route.query.get('tree') === 'party' ? 'party' : 'state';
  const openTarget = route.query.get('target');
  const at = periodRange(period);

  const [statusFilter, setStatusFilter] = useState<Set<Status>>(new Set());
  const [search, setSearch] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);

  const resolutions = useLoad(
    (signal) => get<unknown>(withQuery('/api/resolutions', { unitId }), { signal }).then((b) => listOf<ResolutionView>(b, 'resolutions')),
    [unitId],
    !!unitId,
  );
  const evaluation = useLoad(
    (signal) => get<EvaluationResult>(withQuery('/api/evaluation', { unitId, period, resolutionId }), { signal }),
    [unitId, period, resolutionId],
    !!unitId,
  );
  const ev = evaluation.data && !evaluation.error ? evaluation.data : null;

  const rows = useMemo(() => {
    if (!ev) return [];
    return ev.targets.filter(
      (tr) => (statusFilter.size === 0 || statusFilter.has(tr.status)) && (!search.trim() || matchesSearch(`${tr.code} ${tr.name} ${tr.wording}`, search)),
    );
  }, [ev, statusFilter, search]);

  const groups = useMemo(() => {
    const fields = [...FIELD_ORDER, ...new Set(rows.map((r) => r.field).filter((f) => !FIELD_ORDER.includes(f)))];
    return fields.map((f) => ({ field: f, rows: rows.filter((r) => r.field === f) })).filter((g) => g.rows.length > 0);
  }, [rows]);

  // The by-field table lists only the statuses that occur, so it stays narrow.
  const shownStatuses = ev ? STATUSES.filter((s) => countOf(ev, s) > 0) : [];
  const forbidden = evaluation.error instanceof ApiError && evaluation.error.status === 403;
  const selectedTarget = ev?.targets.find((x) => x.targetId === openTarget) ?? null;

  async function exportXlsx() {
    setExportError(null);
    try {
      await download(withQuery('/api/evaluation.xlsx', { unitId, period, resolutionId }), `danh-gia-${unitId}-${period}.xlsx`);
    } catch (e) {
      setExportError(e);
    }
  }

  const toggleStatus = (s: Status) =>
    setStatusFilter((prev) => {
      const n = new Set(prev);
      if (n.has(s)) n.delete(s);
      else n.add(s);
      return n;
    });

  return (
    <div className="page dashboard">
      <PageHeader title={t('nav.dashboard')}>
        <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={!ev} data-testid="export-xlsx">
          <Icon name="download" /> {t('dash.export')}
        </button>
      </PageHeader>

      <div className="toolbar">
        <UnitPicker
          label={t('common.unit')}
          id="dash-unit"
          value={unitId}
          at={at}
          tree={tree}
          onUnits={openOnOwnUnit(route, user.unitIds, unitId)}
          onTreeChange={(tr) => setQuery(route, { tree: tr, unit: null })}
          onChange={(u) => setQuery(route, { unit: u.id, resolution: null, target: null })}
        />
        <PeriodPicker label={t('common.period')} id="dash-period" value={period} onChange={(p) => setQuery(route, { period: p, target: null })} />
        <ResolutionSelect id="dash-resolution" value={resolutionId} resolutions={resolutions.data ?? []} onChange={(id) => setQuery(route, { resolution: id, target: null })} />
      </div>
      <ErrorNote error={exportError} />

      {forbidden ? (
        <NoAccess />
      ) : evaluation.error ? (
        <ErrorNote error={evaluation.error} />
      ) : !ev ? (
        <div className="loading">{t('common.loading')}</div>
      ) : (
        <>
          <section className={`card summary${evaluation.loading ? ' stale' : ''}`} aria-live="polite">
            <div className="summary-main">
              <div className="muted small">
                {ev.unit.name} · {periodText(locale, ev.period.code)} · {ev.resolution.number}
              </div>
              <p className="summary-sentence" data-testid="summary-sentence">
                {summaryText(locale, ev.summary)}
              </p>
              <div className="chips" role="group" aria-label={t('dash.filterStatus')}>
              {STATUSES.map((s) => {
                const n = countOf(ev, s);
                if (!n && !statusFilter.has(s)) return null;
                return (
                  <button key={s} type="button" className={`chip chip-${s}${statusFilter.has(s) ? ' on' : ''}`} aria-pressed={statusFilter.has(s)} onClick={() => toggleStatus(s)}>
                    <span className="dot" /> {statusLabel(t, s)} <strong>{n}</strong>
                  </button>
                );
              })}
              {statusFilter.size > 0 && (
                <button type="button" className="link-btn" onClick={() => setStatusFilter(new Set())}>
                  {t('common.clearFilter')}
                </button>
              )}
              </div>
            </div>
            <table className="table compact by-field">
              <thead>
                <tr>
                  <th>{t('dash.field')}</th>
                  <th className="num">{t('dash.total')}</th>
                  {shownStatuses.map((s) => (
                    <th key={s} className="num">
                      {statusLabel(t, s)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Object.entries(ev.summary.byField).map(([f, c]) =>
                  c ? (
                    <tr key={f}>
                      <td>{fieldLabel(t, f)}</td>
                      <td className="num">{c.total}</td>
                      {shownStatuses.map((s) => (
                        <td key={s} className="num">
                          {countKey(c, s) || ''}
                        </td>
                      ))}
                    </tr>
                  ) : null,
                )}
              </tbody>
            </table>
          </section>

          <section className="card">
            <div className="card-head">
              <h2>{t('dash.targets', { n: ev.targets.length })}</h2>
              <div className="search-box">
                <Icon name="search" size={14} />
                <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('dash.searchTargets')} aria-label={t('dash.searchTargets')} />
              </div>
            </div>
            {rows.length === 0 ? (
              <Empty>{t('common.noResults')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table targets" data-testid="targets-table">
                  <thead>
                    <tr>
                      <th>{t('dash.code')}</th>
                      <th>{t('dash.target')}</th>
                      <th className="num">{t('dash.plan')}</th>
                      <th className="num">{t('dash.actual')}</th>
                      <th className="num">{t('dash.percentOfPlan')}</th>
                      <th>{t('dash.status')}</th>
                      <th className="num">{t('dash.samePeriod')}</th>
                      <th className="num">{t('dash.vsSamePeriod')}</th>
                      <th>{t('dash.flags')}</th>
                    </tr>
                  </thead>
                  {groups.map((g) => (
                    <tbody key={g.field}>
                      <tr className="group-row">
                        <th colSpan={9}>{fieldLabel(t, g.field)}</th>
                      </tr>
                      {g.rows.map((tr) => (
                        <tr
                          key={tr.targetId}
                          className={`clickable${tr.targetId === openTarget ? ' selected' : ''}`}
                          data-target={tr.targetId}
                          data-status={tr.status}
                          tabIndex={0}
                          onClick={() => setQuery(route, { target: tr.targetId }, false)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') setQuery(route, { target: tr.targetId }, false);
                          }}
                        >
                          <td className="code">{tr.code}</td>
                          <td>
                            <div className="t-name">{tr.name}</div>
                            <div className="t-wording muted">{tr.wording}</div>
                          </td>
                          <td className="num">{planText(t, tr)}</td>
                          <td className="num strong">{tr.rule.op === 'status' ? statusValueText(t, tr) : fmtMeasure(tr.actual, tr.actualUnit)}</td>
                          <td className="num">{fmtPercent(tr.percentOfPlan)}</td>
                          <td>
                            <StatusBadge status={tr.status} />
                          </td>
                          <td className="num">{fmtMeasure(tr.samePeriodValue, tr.measureUnit)}</td>
                          <td className="num">{samePeriodText(t, tr)}</td>
                          <td>
                            {tr.flags.map((f, i) => (
                              <span key={i} className={`flag flag-${f.code}`} title={flagTitle(f)}>
                                {flagLabel(t, f.code)}
                              </span>
                            ))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  ))}
                </table>
              </div>
            )}
          </section>
        </>
      )}

      {selectedTarget && ev && unitId && (
        <Suspense fallback={null}>
          <TargetDetail
            target={selectedTarget}
            unitId={unitId}
            period={ev.period.code}
            resolutionId={ev.resolution.id}
            onClose={() => setQuery(route, { target: null })}
          />
        </Suspense>
      )}
    </div>
  );
}

function countOf(ev: EvaluationResult, s: Status): number {
  return countKey(ev.summary, s);
}

function countKey(c: EvaluationResult['summary'] | NonNullable<EvaluationResult['summary']['byField'][keyof EvaluationResult['summary']['byField']]>, s: Status): number {
  switch (s) {
    case 'vuot':
      return c.exceeded;
    case 'dat':
      return c.met;
    case 'co_ban_dat':
      return c.basicallyMet;
    case 'khong_dat':
      return c.notMet;
    case 'chua_co_so_lieu':
      return c.noData;
    case 'dang_thuc_hien':
      return c.inProgress;
  }
}

function flagTitle(f: Flag): string {
  const extra = Object.entries(f as unknown as Record<string, unknown>)
    .filter(([k]) => k !== 'code')
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  return extra.join('\n');
}

