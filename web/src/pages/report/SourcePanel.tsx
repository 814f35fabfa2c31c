/** "Where does this number come from": the stored values behind a traced number, with their provenance. */
import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNote } from '../../components/ui.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { get, withQuery } from '../../lib/api.ts';
import { fmtDateTime, fmtMeasure } from '../../lib/format.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { Picked } from './Preview.tsx';
import type { SourceValue } from './types.ts';

export function SourcePanel({ picked, onClose }: { picked: Picked; onClose(): void }) {
  const { t } = useI18n();
  const ids = picked.number.sources.join(',');
  const closeRef = useRef<HTMLButtonElement>(null);
  const values = useLoad(
    (signal) => get<{ values: SourceValue[] }>(withQuery('/api/report/sources', { ids }), { signal }).then((b) => b.values),
    [ids],
    ids.length > 0,
  );
  useEffect(() => closeRef.current?.focus(), [picked]);

  return (
    <aside
      className="card report-sources"
      aria-label={t('report.sourceOf', { n: picked.number.text })}
      data-testid="source-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="panel-head">
        <h2>{t('report.sourceOf', { n: picked.number.text })}</h2>
        <button ref={closeRef} type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
          <Icon name="close" />
        </button>
      </div>
      <p className="muted small quote">{picked.sentence}</p>
      {ids.length === 0 ? (
        <p>{t('report.sourceNone')}</p>
      ) : values.error ? (
        <ErrorNote error={values.error} />
      ) : !values.data ? (
        <div className="loading">{t('common.loading')}</div>
      ) : (
        <ul className="source-list">
          {values.data.map((v) => (
            <li key={v.id} data-value-id={v.id}>
              <div className="bold">
                {v.indicatorName}
                {v.optionLabel ? ` — ${v.optionLabel}` : ''}
              </div>
              <dl>
                <dt>{t('report.src.unit')}</dt>
                <dd data-testid="source-unit">{v.unitName}</dd>
                <dt>{t('report.src.period')}</dt>
                <dd>{v.periodLabel}</dd>
                <dt>{t('report.src.value')}</dt>
                <dd className="num">{fmtMeasure(v.value, v.measureUnit)}</dd>
                <dt>{t('report.src.status')}</dt>
                <dd>{t(`valueStatus.${v.status}` as MsgKey)}</dd>
                {v.source.document && (
                  <>
                    <dt>{t('report.src.document')}</dt>
                    <dd>{v.source.document}</dd>
                  </>
                )}
                {v.source.place && (
                  <>
                    <dt>{t('report.src.place')}</dt>
                    <dd>{v.source.place}</dd>
                  </>
                )}
                {v.source.person && (
                  <>
                    <dt>{t('report.src.person')}</dt>
                    <dd>{v.source.person}</dd>
                  </>
                )}
                {(v.source.note || v.note) && (
                  <>
                    <dt>{t('report.src.note')}</dt>
                    <dd>{[v.source.note, v.note].filter(Boolean).join(' · ')}</dd>
                  </>
                )}
                <dt>{t('report.src.updated')}</dt>
                <dd>
                  {fmtDateTime(v.updatedAt)}
                  {v.updatedBy ? ` · ${v.updatedBy}` : ''}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
