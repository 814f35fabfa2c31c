/**
 * Báo cáo: one unit, one period, one resolution (the governing one by default). The report as it will
 * be printed, every traced number clickable to the values behind it; the parts people write, saved
 * apart from the figures (văn phòng, quản trị); DOCX, XLSX and PDF built by the server with them.
 */
import { useEffect, useMemo, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { PeriodPicker } from '../../components/PeriodPicker.tsx';
import { ErrorNote, PageHeader } from '../../components/ui.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { NoAccess, openOnOwnUnit, ResolutionSelect } from '../../components/ScopeToolbar.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { ApiError, download, get, listOf, put, withQuery } from '../../lib/api.ts';
import { can, useUser } from '../../lib/auth.tsx';
import { fmtDateTime } from '../../lib/format.ts';
import { defaultPeriod, periodRange } from '../../lib/period-defaults.ts';
import { setQuery, useRoute } from '../../lib/router.ts';
import type { ResolutionView } from '../../lib/types.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { type Picked, Preview } from './Preview.tsx';
import { SourcePanel } from './SourcePanel.tsx';
import { FREE_TEXT_KEYS, type FreeText, type ReportView } from './types.ts';
import './report.css';

const FORMATS = ['docx', 'xlsx', 'pdf'] as const;

export default function ReportPage() {
  const { t } = useI18n();
  const user = useUser();
  const route = useRoute();
  const period = route.query.get('period') ?? defaultPeriod();
  const unitId = route.query.get('unit') ?? user.unitIds[0] ?? null;
  const resolutionId = route.query.get('resolution') ?? '';
  const tree = route.query.get('tree') === 'party' ? 'party' : 'state';
  const at = periodRange(period);
  const mayEdit = can(user.role, 'editCatalogue');

  const resolutions = useLoad(
    (signal) => get<unknown>(withQuery('/api/resolutions', { unitId }), { signal }).then((b) => listOf<ResolutionView>(b, 'resolutions')),
    [unitId],
    !!unitId,
  );
  const report = useLoad((signal) => get<ReportView>(withQuery('/api/report', { unitId, period, resolutionId }), { signal }), [unitId, period, resolutionId], !!unitId);
  const rv = report.data && !report.error ? report.data : null;

  const [picked, setPicked] = useState<Picked | null>(null);
  const [draft, setDraft] = useState<FreeText>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);

  // A new report (other unit, period, resolution, or saved text reloaded): the editor starts from what is stored.
  const storedKey = rv ? `${rv.unit.id}|${rv.period.code}|${rv.resolution.id}|${rv.notesUpdatedAt ?? ''}` : '';
  useEffect(() => {
    if (rv) setDraft(rv.freeText);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the stored notes
  }, [storedKey]);
  useEffect(() => setPicked(null), [unitId, period, resolutionId]);

  const dirty = useMemo(() => !!rv && FREE_TEXT_KEYS.some((k) => (draft[k] ?? '') !== (rv.freeText[k] ?? '')), [draft, rv]);
  const forbidden = report.error instanceof ApiError && report.error.status === 403;

  async function save() {
    if (!rv) return;
    setSaving(true);
    setSaveError(null);
    setSaved(false);
    try {
      await put('/api/report/notes', { unitId: rv.unit.id, period: rv.period.code, resolutionId: rv.resolution.id, freeText: draft });
      setSaved(true);
      report.reload();
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  }

  async function file(format: (typeof FORMATS)[number]) {
    if (!rv) return;
    setFileError(null);
    setBusy(format);
    try {
      await download(withQuery('/api/report/file', { unitId: rv.unit.id, period: rv.period.code, resolutionId: rv.resolution.id, format }), `bao-cao-${rv.unit.id}-${rv.period.code}.${format}`);
    } catch (e) {
      setFileError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page report-page">
      <PageHeader title={t('nav.report')}>
        {FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="btn"
            onClick={() => void file(f)}
            disabled={!rv || busy !== null}
            data-testid={`download-${f}`}
            title={dirty ? t('report.unsaved') : undefined}
          >
            <Icon name="download" /> {busy === f ? t('report.downloading') : t('report.download', { format: f.toUpperCase() })}
          </button>
        ))}
      </PageHeader>

      <div className="toolbar">
        <UnitPicker
          label={t('common.unit')}
          id="report-unit"
          value={unitId}
          at={at}
          tree={tree}
          onUnits={openOnOwnUnit(route, user.unitIds, unitId)}
          onTreeChange={(tr) => setQuery(route, { tree: tr, unit: null })}
          onChange={(u) => setQuery(route, { unit: u.id, resolution: null })}
        />
        <PeriodPicker label={t('common.period')} id="report-period" value={period} onChange={(p) => setQuery(route, { period: p })} />
        <ResolutionSelect id="report-resolution" value={resolutionId} resolutions={resolutions.data ?? []} onChange={(id) => setQuery(route, { resolution: id })} />
      </div>
      <ErrorNote error={fileError} />

      {forbidden ? (
        <NoAccess />
      ) : report.error ? (
        <ErrorNote error={report.error} />
      ) : !rv ? (
        <div className="loading">{t('common.loading')}</div>
      ) : (
        <div className={`report-layout${picked ? ' with-panel' : ''}`}>
          <div className="report-main">
            <p className="muted small">{t('report.numberHint')}</p>
            <div className={report.loading ? 'stale' : undefined}>
              <Preview report={rv} onPick={setPicked} picked={picked?.number ?? null} />
            </div>

            <section className="card report-notes" aria-labelledby="report-notes-title">
              <h2 id="report-notes-title">{t('report.freeText')}</h2>
              <p className="muted small">{mayEdit ? t('report.freeTextHint') : t('report.readOnly')}</p>
              {FREE_TEXT_KEYS.map((k) => (
                <div key={k} className="field">
                  <label htmlFor={`fi-${k}`}>{t(`report.fi.${k}` as MsgKey)}</label>
                  <textarea
                    id={`fi-${k}`}
                    name={k}
                    rows={k === 'intro' ? 2 : 4}
                    value={draft[k] ?? ''}
                    readOnly={!mayEdit}
                    maxLength={20000}
                    onChange={(e) => {
                      setSaved(false);
                      setDraft((d) => ({ ...d, [k]: e.target.value }));
                    }}
                  />
                </div>
              ))}
              <ErrorNote error={saveError} />
              <div className="notes-actions">
                {mayEdit && (
                  <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={saving || !dirty} data-testid="save-notes">
                    {t('common.save')}
                  </button>
                )}
                <span className="muted small" role="status" data-testid="notes-status">
                  {saved && !dirty ? t('report.saved') : dirty ? t('report.unsaved') : ''}
                  {rv.notesUpdatedAt && !dirty && (
                    <>
                      {' '}
                      {t('report.savedBy', { by: rv.notesUpdatedBy ?? '—', at: fmtDateTime(rv.notesUpdatedAt) })}
                    </>
                  )}
                </span>
              </div>
            </section>
          </div>
          {picked && <SourcePanel picked={picked} onClose={() => setPicked(null)} />}
        </div>
      )}
    </div>
  );
}
