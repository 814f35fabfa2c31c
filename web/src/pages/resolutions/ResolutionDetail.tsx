import { useState } from 'react';
import type { Basis, Rule, Target } from '../../../../src/core/resolutions.ts';
import { Icon } from '../../components/Icon.tsx';
import { Empty, ErrorNote } from '../../components/ui.tsx';
import { type I18n, type MsgKey, useI18n } from '../../i18n/index.tsx';
import { del, get, listOf } from '../../lib/api.ts';
import { can, useUser } from '../../lib/auth.tsx';
import { fmtDate, fmtMeasure, fmtNumber } from '../../lib/format.ts';
import { fieldLabel } from '../../lib/labels.ts';
import { href } from '../../lib/router.ts';
import type { EntryIndicator } from '../../lib/types.ts';
import { UnitName } from '../../lib/unit-names.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { pickResolution, ResolutionForm, scopeText } from './ResolutionForm.tsx';
import { TargetForm } from './TargetForm.tsx';

type T = I18n['t'];

export function basisText(t: T, b: Basis): string {
  switch (b.kind) {
    case 'change':
      return `${t('basis.change')} (${t(`basis.unit.${b.unit}` as MsgKey)}, ${t(`basis.sense.${b.sense}` as MsgKey)})`;
    case 'average':
      return `${t('basis.average')} (${t(`basis.method.${b.method}` as MsgKey)})`;
    case 'ratio_to_base':
      return `${t('basis.ratio_to_base')} (${b.baseIndicator})`;
    default:
      return t(`basis.${b.kind}` as MsgKey);
  }
}

export function ruleText(t: T, r: Rule, unit = ''): string {
  switch (r.op) {
    case 'min':
      return `${r.strict ? '>' : '≥'} ${fmtMeasure(r.value, unit)}`;
    case 'max':
      return `${r.strict ? '<' : '≤'} ${fmtMeasure(r.value, unit)}`;
    case 'range':
      return `${fmtNumber(r.low)} – ${fmtMeasure(r.high, unit)}`;
    case 'status':
      return t('rule.status');
  }
}

export function ResolutionDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const editable = can(user.role, 'editCatalogue');
  const res = useLoad((signal) => get<unknown>(`/api/resolutions/${encodeURIComponent(id)}`, { signal }).then(pickResolution), [id]);
  const indicators = useLoad((signal) => get<unknown>('/api/indicators', { signal }).then((b) => listOf<EntryIndicator>(b, 'indicators')), []);
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState<Target | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const r = res.data;
  const indByCode = new Map((indicators.data ?? []).map((i) => [i.code, i]));

  async function remove(tg: Target) {
    if (!r || !confirm(t('res.confirmDeleteTarget', { code: tg.code }))) return;
    setError(null);
    try {
      await del(`/api/resolutions/${encodeURIComponent(r.id)}/targets/${encodeURIComponent(tg.id)}`);
      res.reload();
    } catch (e) {
      setError(e);
    }
  }

  if (res.error) return <ErrorNote error={res.error} />;
  if (!r) return <div className="loading">{t('common.loading')}</div>;
  const targets = r.targets ?? [];
  return (
    <div className="res-detail">
      <div className="crumbs">
        <a href={href('resolutions')}>← {t('res.backToList')}</a>
      </div>
      <section className="card">
        <div className="card-head">
          <div>
            <h2 data-testid="resolution-number">{r.number}</h2>
            <p className="lead">{r.title}</p>
          </div>
          <div className="btn-row">
            <a className="btn" href={href('dashboard', { resolution: r.id, period: r.scope.kind === 'year' ? String(r.scope.year) : `${r.scope.startYear}-${r.scope.endYear}` })}>
              {t('res.seeEvaluation')}
            </a>
            {editable && (
              <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="edit-resolution">
                <Icon name="edit" /> {t('common.edit')}
              </button>
            )}
          </div>
        </div>
        <dl className="facts">
          <div>
            <dt>{t('res.issuer')}</dt>
            <dd>
              <UnitName id={r.issuerId} />
            </dd>
          </div>
          <div>
            <dt>{t('res.issuedOn')}</dt>
            <dd>{fmtDate(r.issuedOn)}</dd>
          </div>
          <div>
            <dt>{t('res.scope')}</dt>
            <dd>{scopeText(locale, r.scope)}</dd>
          </div>
          <div>
            <dt>{t('res.tolerance')}</dt>
            <dd>{t(`res.tolerance.${r.settings.tolerance}` as MsgKey)}</dd>
          </div>
          <div>
            <dt>{t('res.exceed')}</dt>
            <dd>{r.settings.exceed === 'beyond_plan' ? t('res.exceed.beyond') : `≥ ${fmtNumber(r.settings.exceed)}% ${t('res.ofPlan')}`}</dd>
          </div>
          <div>
            <dt>{t('res.basicallyMet')}</dt>
            <dd>{r.settings.basicallyMetPercent === null ? t('res.none') : `≥ ${fmtNumber(r.settings.basicallyMetPercent)}% ${t('res.ofPlan')}`}</dd>
          </div>
          <div>
            <dt>{t('res.recurring')}</dt>
            <dd>{t(`res.recurring.${r.settings.recurringTermRule}` as MsgKey)}</dd>
          </div>
        </dl>
      </section>

      <section className="card">
        <div className="card-head">
          <h2>{t('res.targetsN', { n: targets.length })}</h2>
          {editable && (
            <button type="button" className="btn btn-primary" onClick={() => setTarget('new')} data-testid="new-target">
              <Icon name="plus" /> {t('res.newTarget')}
            </button>
          )}
        </div>
        <ErrorNote error={error} />
        {targets.length === 0 ? (
          <Empty>{t('res.noTargets')}</Empty>
        ) : (
          <table className="table" data-testid="targets-def-table">
            <thead>
              <tr>
                <th>{t('dash.code')}</th>
                <th>{t('res.wording')}</th>
                <th>{t('res.indicator')}</th>
                <th>{t('target.basis')}</th>
                <th>{t('target.rule')}</th>
                <th>{t('target.recurrence')}</th>
                <th>{t('dash.field')}</th>
                {editable && <th />}
              </tr>
            </thead>
            <tbody>
              {targets.map((tg) => {
                const ind = indByCode.get(tg.indicator);
                return (
                  <tr key={tg.id}>
                    <td className="code">{tg.code}</td>
                    <td>{tg.wording}</td>
                    <td>
                      {ind?.name ?? tg.indicator}
                      <div className="muted small">{tg.indicator}</div>
                    </td>
                    <td>{basisText(t, tg.basis)}</td>
                    <td className="nowrap">{ruleText(t, tg.rule, tg.basis.kind === 'change' ? (tg.basis.unit === 'pct' ? '%' : t('dash.pp')) : (ind?.measureUnit ?? ''))}</td>
                    <td>{t(`recurrence.${tg.recurrence}` as MsgKey)}</td>
                    <td>{fieldLabel(t, tg.field ?? ind?.field ?? '')}</td>
                    {editable && (
                      <td className="nowrap">
                        <button type="button" className="btn btn-small" onClick={() => setTarget(tg)}>
                          {t('common.edit')}
                        </button>{' '}
                        <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(tg)}>
                          {t('common.delete')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {editing && (
        <ResolutionForm
          initial={r}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            res.reload();
          }}
        />
      )}
      {target && (
        <TargetForm
          resolution={r}
          initial={target === 'new' ? undefined : target}
          indicators={indicators.data ?? []}
          onClose={() => setTarget(null)}
          onSaved={() => {
            setTarget(null);
            res.reload();
          }}
        />
      )}
    </div>
  );
}
