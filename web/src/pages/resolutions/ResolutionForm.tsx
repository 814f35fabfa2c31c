import { type FormEvent, useState } from 'react';
import { DEFAULT_SETTINGS } from '../../../../src/core/resolutions.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { foldForSearch } from '../../../../src/core/text.ts';
import { NumberInput } from '../../components/NumberInput.tsx';
import { ErrorNote, Modal, SaveCancel } from '../../components/ui.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { post, put } from '../../lib/api.ts';
import { periodText } from '../../lib/labels.ts';
import type { EvaluationSettings, ResolutionScope, ResolutionView } from '../../lib/types.ts';

export function scopeText(locale: string, s: ResolutionScope): string {
  return s.kind === 'term' ? periodText(locale, `${s.startYear}-${s.endYear}`) : periodText(locale, String(s.year));
}

/** An id from the number: "05-NQ/HU" → "05-nq-hu" (ids have no spaces; docs/workspace-format.md). */
export function idFrom(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `nq-${Date.now()}`;
}

interface Props {
  initial?: ResolutionView;
  onClose(): void;
  onSaved(r: ResolutionView): void;
}

export function ResolutionForm({ initial, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [id, setId] = useState(initial?.id ?? '');
  const [number, setNumber] = useState(initial?.number ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [issuerId, setIssuerId] = useState<string | null>(initial?.issuerId ?? null);
  const [issuerTree, setIssuerTree] = useState<'state' | 'party'>('party');
  const [issuedOn, setIssuedOn] = useState(initial?.issuedOn ?? '');
  const [scope, setScope] = useState<ResolutionScope>(initial?.scope ?? { kind: 'year', year: thisYear });
  const [settings, setSettings] = useState<EvaluationSettings>(initial?.settings ?? DEFAULT_SETTINGS);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pickerDate = issuedOn || (scope.kind === 'term' ? `${scope.startYear}-12-31` : `${scope.year}-01-01`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!issuerId) {
      setError(new Error(t('res.needIssuer')));
      return;
    }
    const body: ResolutionView = {
      id: initial?.id ?? (id.trim() || idFrom(number)),
      number: number.trim(),
      title: title.trim(),
      issuerId,
      issuedOn: issuedOn || null,
      scope,
      settings,
      targets: [],
    };
    setBusy(true);
    setError(null);
    try {
      // An edit leaves the targets out: the server keeps them (docs/api.md; a list would replace them).
      const { id: _id, targets: _targets, ...update } = body;
      const saved = initial ? await put<unknown>(`/api/resolutions/${encodeURIComponent(initial.id)}`, update) : await post<unknown>('/api/resolutions', body);
      onSaved(pickResolution(saved) ?? body);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const years = (v: number, set: (y: number) => void, label: string) => (
    <select value={v} onChange={(e) => set(Number(e.target.value))} aria-label={label}>
      {Array.from({ length: 30 }, (_, i) => thisYear + 5 - i).map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );

  return (
    <Modal
      title={initial ? t('res.edit') : t('res.new')}
      onClose={onClose}
      wide
      footer={<SaveCancel form="resolution-form" busy={busy} testId="resolution-save" onCancel={onClose} />}
    >
      <form id="resolution-form" className="form-grid" onSubmit={submit}>
        <label className="field">
          <span>{t('res.number')}</span>
          <input required value={number} onChange={(e) => setNumber(e.target.value)} placeholder="05-NQ/HU" name="number" />
        </label>
        {!initial && (
          <label className="field">
            <span>{t('res.id')}</span>
            <input value={id} onChange={(e) => setId(e.target.value.replace(/\s+/g, '-'))} placeholder={number ? idFrom(number) : t('res.idAuto')} name="id" />
          </label>
        )}
        <label className="field span2">
          <span>{t('res.title')}</span>
          <textarea required rows={2} value={title} onChange={(e) => setTitle(e.target.value)} name="title" />
        </label>
        <div className="field">
          <span>{t('res.issuer')}</span>
          <UnitPicker value={issuerId} at={pickerDate} tree={issuerTree} onTreeChange={setIssuerTree} onChange={(u) => setIssuerId(u.id)} />
        </div>
        <label className="field">
          <span>{t('res.issuedOn')}</span>
          <DateInput value={issuedOn || null} onChange={(d) => setIssuedOn(d ?? '')} name="issuedOn" />
        </label>
        <fieldset className="field span2">
          <legend>{t('res.scope')}</legend>
          <div className="inline">
            <label className="check">
              <input type="radio" checked={scope.kind === 'year'} onChange={() => setScope({ kind: 'year', year: scope.kind === 'term' ? scope.endYear : scope.year })} /> {t('res.scopeYear')}
            </label>
            <label className="check">
              <input type="radio" checked={scope.kind === 'term'} onChange={() => setScope({ kind: 'term', startYear: 2020, endYear: 2025 })} /> {t('res.scopeTerm')}
            </label>
            {scope.kind === 'year' ? (
              years(scope.year, (y) => setScope({ kind: 'year', year: y }), t('period.year'))
            ) : (
              <>
                {years(scope.startYear, (y) => setScope({ ...scope, startYear: y }), t('period.termStart'))} –{' '}
                {years(scope.endYear, (y) => setScope({ ...scope, endYear: y }), t('period.termEnd'))}
              </>
            )}
          </div>
        </fieldset>
        <fieldset className="field span2 settings">
          <legend>{t('res.settings')}</legend>
          <label className="field">
            <span>{t('res.tolerance')}</span>
            <select value={settings.tolerance} onChange={(e) => setSettings({ ...settings, tolerance: e.target.value as EvaluationSettings['tolerance'] })}>
              <option value="stated_precision">{t('res.tolerance.stated_precision')}</option>
              <option value="exact">{t('res.tolerance.exact')}</option>
            </select>
          </label>
          <div className="field">
            <span>{t('res.exceed')}</span>
            <div className="inline">
              <label className="check">
                <input type="radio" checked={settings.exceed === 'beyond_plan'} onChange={() => setSettings({ ...settings, exceed: 'beyond_plan' })} /> {t('res.exceed.beyond')}
              </label>
              <label className="check">
                <input type="radio" checked={settings.exceed !== 'beyond_plan'} onChange={() => setSettings({ ...settings, exceed: 105 })} /> {t('res.exceed.threshold')}
              </label>
              {settings.exceed !== 'beyond_plan' && (
                <>
                  <NumberInput value={settings.exceed} optional={false} onChange={(v) => v !== null && setSettings({ ...settings, exceed: v })} aria-label={t('res.exceed.threshold')} /> %
                </>
              )}
            </div>
          </div>
          <div className="field">
            <span>{t('res.basicallyMet')}</span>
            <div className="inline">
              <label className="check">
                <input
                  type="checkbox"
                  checked={settings.basicallyMetPercent !== null}
                  onChange={(e) => setSettings({ ...settings, basicallyMetPercent: e.target.checked ? 90 : null })}
                />{' '}
                {t('res.basicallyMet.on')}
              </label>
              {settings.basicallyMetPercent !== null && (
                <>
                  <NumberInput value={settings.basicallyMetPercent} optional={false} onChange={(v) => v !== null && setSettings({ ...settings, basicallyMetPercent: v })} aria-label={t('res.basicallyMet')} /> %
                </>
              )}
            </div>
          </div>
          <label className="field">
            <span>{t('res.recurring')}</span>
            <select value={settings.recurringTermRule} onChange={(e) => setSettings({ ...settings, recurringTermRule: e.target.value as EvaluationSettings['recurringTermRule'] })}>
              <option value="all_years">{t('res.recurring.all_years')}</option>
              <option value="average">{t('res.recurring.average')}</option>
            </select>
          </label>
        </fieldset>
      </form>
      <ErrorNote error={error} />
    </Modal>
  );
}

/** The saved resolution, answered bare or as `{ resolution }`. */
export function pickResolution(body: unknown): ResolutionView | null {
  if (!body || typeof body !== 'object') return null;
  const o = body as Record<string, unknown>;
  if (typeof o.id === 'string') return o as unknown as ResolutionView;
  if (o.resolution && typeof o.resolution === 'object') return o.resolution as ResolutionView;
  return null;
}
