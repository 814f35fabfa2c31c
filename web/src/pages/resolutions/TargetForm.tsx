/**
 * A target of any form: basis (level, change in % or points up or down, cumulative, end of term,
 * average by mean / CAGR / points per year, ratio to a base, maintain) × rule (min, max, strict or
 * not, range, yes/no) × recurrence (once, each year), with the resolution's own wording.
 */
import { type FormEvent, useMemo, useState } from 'react';
import type { Basis, Rule, Target } from '../../../../src/core/resolutions.ts';
import { termYears } from '../../../../src/core/periods.ts';
import { matchesSearch } from '../../../../src/core/text.ts';
import { NumberInput } from '../../components/NumberInput.tsx';
import { ErrorNote, Modal, SaveCancel } from '../../components/ui.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { post, put } from '../../lib/api.ts';
import { fieldLabel } from '../../lib/labels.ts';
import type { EntryIndicator, ResolutionView } from '../../lib/types.ts';
import { idFrom } from './ResolutionForm.tsx';

const BASIS_KINDS: Basis['kind'][] = ['level', 'change', 'cumulative', 'end_of_term', 'average', 'ratio_to_base', 'maintain'];
const RULE_OPS: Rule['op'][] = ['min', 'max', 'range', 'status'];
const FIELDS = ['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_dang'];

function defaultBasis(kind: Basis['kind'], indicators: EntryIndicator[]): Basis {
  switch (kind) {
    case 'change':
      return { kind, unit: 'pct', sense: 'increase' };
    case 'average':
      return { kind, method: 'mean' };
    case 'ratio_to_base':
      return { kind, baseIndicator: indicators[0]?.code ?? '' };
    default:
      return { kind } as Basis;
  }
}

function defaultRule(op: Rule['op'], prev: Rule): Rule {
  const v = prev.op === 'min' || prev.op === 'max' ? prev.value : prev.op === 'range' ? prev.low : 0;
  switch (op) {
    case 'min':
    case 'max':
      return { op, value: v };
    case 'range':
      return { op, low: v, high: v };
    case 'status':
      return { op };
  }
}

interface Props {
  resolution: ResolutionView;
  initial?: Target;
  indicators: EntryIndicator[];
  onClose(): void;
  onSaved(): void;
}

export function TargetForm({ resolution, initial, indicators, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState(initial?.code ?? '');
  const [indicator, setIndicator] = useState(initial?.indicator ?? '');
  const [indSearch, setIndSearch] = useState('');
  const [wording, setWording] = useState(initial?.wording ?? '');
  const [basis, setBasis] = useState<Basis>(initial?.basis ?? { kind: 'level' });
  const [rule, setRule] = useState<Rule>(initial?.rule ?? { op: 'min', value: 0 });
  const [recurrence, setRecurrence] = useState<Target['recurrence']>(initial?.recurrence ?? 'once');
  const [precision, setPrecision] = useState<number | null>(initial?.precision ?? null);
  const [field, setField] = useState<string>(initial?.field ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [yearPlans, setYearPlans] = useState<Record<string, number>>(initial?.yearPlans ?? {});
  const [valid, setValid] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isTerm = resolution.scope.kind === 'term';
  const years = resolution.scope.kind === 'term' ? termYears(resolution.scope) : [];

  const shownIndicators = useMemo(
    () => indicators.filter((i) => i.code === indicator || !indSearch.trim() || matchesSearch(`${i.code} ${i.name}`, indSearch)),
    [indicators, indSearch, indicator],
  );
  const validity = (k: string) => (ok: boolean) => setValid((v) => ({ ...v, [k]: ok }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (Object.values(valid).some((ok) => !ok)) {
      setError(new Error(t('common.fixErrors')));
      return;
    }
    const plans = Object.fromEntries(Object.entries(yearPlans).filter(([, v]) => Number.isFinite(v)));
    const body: Target = {
      id: initial?.id ?? `${resolution.id}-${idFrom(code)}`,
      code: code.trim(),
      indicator,
      wording: wording.trim(),
      basis,
      rule,
      recurrence,
      precision,
      field: (field || null) as Target['field'],
      yearPlans: Object.keys(plans).length ? plans : null,
      note: note.trim() || null,
    };
    setBusy(true);
    setError(null);
    try {
      const base = `/api/resolutions/${encodeURIComponent(resolution.id)}/targets`;
      const { id: _id, ...update } = body;
      if (initial) await put(`${base}/${encodeURIComponent(initial.id)}`, update);
      else await post(base, body);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={initial ? t('res.editTarget', { code: initial.code }) : t('res.newTarget')}
      onClose={onClose}
      wide
      footer={<SaveCancel form="target-form" busy={busy} testId="target-save" onCancel={onClose} />}
    >
      <form id="target-form" className="form-grid" onSubmit={submit}>
        <label className="field">
          <span>{t('dash.code')}</span>
          <input required value={code} onChange={(e) => setCode(e.target.value)} placeholder="KT01" name="code" />
        </label>
        <div className="field">
          <span>{t('res.indicator')}</span>
          <div className="stack">
            <input value={indSearch} onChange={(e) => setIndSearch(e.target.value)} placeholder={t('res.findIndicator')} aria-label={t('res.findIndicator')} />
            <select required value={indicator} onChange={(e) => setIndicator(e.target.value)} name="indicator" aria-label={t('res.indicator')}>
              <option value="">—</option>
              {shownIndicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name} ({i.measureUnit || '—'}) · {i.code}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="field span2">
          <span>{t('res.wording')}</span>
          <textarea required rows={2} value={wording} onChange={(e) => setWording(e.target.value)} placeholder={t('res.wordingHint')} name="wording" />
        </label>

        <fieldset className="field span2">
          <legend>{t('target.basis')}</legend>
          <div className="inline wrap">
            <select value={basis.kind} onChange={(e) => setBasis(defaultBasis(e.target.value as Basis['kind'], indicators))} aria-label={t('target.basis')} name="basis">
              {BASIS_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`basis.${k}` as MsgKey)}
                </option>
              ))}
            </select>
            {basis.kind === 'change' && (
              <>
                <select value={basis.unit} onChange={(e) => setBasis({ ...basis, unit: e.target.value as 'pct' | 'pp' })} aria-label={t('basis.unitLabel')}>
                  <option value="pct">{t('basis.unit.pct')}</option>
                  <option value="pp">{t('basis.unit.pp')}</option>
                </select>
                <select value={basis.sense} onChange={(e) => setBasis({ ...basis, sense: e.target.value as 'increase' | 'decrease' })} aria-label={t('basis.senseLabel')}>
                  <option value="increase">{t('basis.sense.increase')}</option>
                  <option value="decrease">{t('basis.sense.decrease')}</option>
                </select>
              </>
            )}
            {basis.kind === 'average' && (
              <select value={basis.method} onChange={(e) => setBasis({ ...basis, method: e.target.value as 'mean' | 'cagr' | 'pp_per_year' })} aria-label={t('basis.methodLabel')}>
                <option value="mean">{t('basis.method.mean')}</option>
                <option value="cagr">{t('basis.method.cagr')}</option>
                <option value="pp_per_year">{t('basis.method.pp_per_year')}</option>
              </select>
            )}
            {basis.kind === 'ratio_to_base' && (
              <select value={basis.baseIndicator} onChange={(e) => setBasis({ ...basis, baseIndicator: e.target.value })} aria-label={t('basis.baseIndicator')}>
                {indicators.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name} · {i.code}
                  </option>
                ))}
              </select>
            )}
          </div>
          <p className="hint muted small">{t(`basis.hint.${basis.kind}` as MsgKey)}</p>
        </fieldset>

        <fieldset className="field span2">
          <legend>{t('target.rule')}</legend>
          <div className="inline wrap">
            <select value={rule.op} onChange={(e) => setRule(defaultRule(e.target.value as Rule['op'], rule))} aria-label={t('target.rule')} name="rule">
              {RULE_OPS.map((op) => (
                <option key={op} value={op}>
                  {t(`rule.${op}` as MsgKey)}
                </option>
              ))}
            </select>
            {(rule.op === 'min' || rule.op === 'max') && (
              <>
                <NumberInput value={rule.value} optional={false} onValidity={validity('value')} onChange={(v) => v !== null && setRule({ ...rule, value: v })} aria-label={t('rule.value')} />
                <label className="check">
                  <input type="checkbox" checked={!!rule.strict} onChange={(e) => setRule({ ...rule, strict: e.target.checked })} /> {t('rule.strict')}
                </label>
              </>
            )}
            {rule.op === 'range' && (
              <>
                <NumberInput value={rule.low} optional={false} onValidity={validity('low')} onChange={(v) => v !== null && setRule({ ...rule, low: v })} aria-label={t('rule.low')} />
                <span>–</span>
                <NumberInput value={rule.high} optional={false} onValidity={validity('high')} onChange={(v) => v !== null && setRule({ ...rule, high: v })} aria-label={t('rule.high')} />
              </>
            )}
          </div>
        </fieldset>

        <label className="field">
          <span>{t('target.recurrence')}</span>
          <select value={recurrence} onChange={(e) => setRecurrence(e.target.value as Target['recurrence'])} name="recurrence">
            <option value="once">{t('recurrence.once')}</option>
            <option value="each_year" disabled={!isTerm}>
              {t('recurrence.each_year')}
            </option>
          </select>
        </label>
        <label className="field">
          <span>{t('target.precision')}</span>
          <NumberInput value={precision} onValidity={validity('precision')} onChange={setPrecision} placeholder={t('target.precisionAuto')} aria-label={t('target.precision')} />
        </label>
        <label className="field">
          <span>{t('dash.field')}</span>
          <select value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t('target.fieldFromIndicator')}</option>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(t, f)}
              </option>
            ))}
          </select>
        </label>
        {isTerm && (basis.kind === 'cumulative' || recurrence === 'each_year') && (
          <fieldset className="field span2">
            <legend>{t('target.yearPlans')}</legend>
            <div className="inline wrap">
              {years.map((y) => (
                <label key={y} className="field small-field">
                  <span>{y}</span>
                  <NumberInput
                    value={yearPlans[String(y)] ?? null}
                    onValidity={validity(`y${y}`)}
                    onChange={(v) =>
                      setYearPlans((p) => {
                        const n = { ...p };
                        if (v === null) delete n[String(y)];
                        else n[String(y)] = v;
                        return n;
                      })
                    }
                    aria-label={`${t('target.yearPlans')} ${y}`}
                  />
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <label className="field span2">
          <span>{t('entry.note')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </form>
      <ErrorNote error={error} />
    </Modal>
  );
}
