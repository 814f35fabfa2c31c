/** Indicators (chỉ số): what is measured, in which unit, how it adds up over time and across units. */
import { type FormEvent, useState } from 'react';
import type { Indicator } from '../../../../src/core/indicators.ts';
import { matchesSearch } from '../../../../src/core/text.ts';
import { Icon } from '../../components/Icon.tsx';
import { NumberInput } from '../../components/NumberInput.tsx';
import { Empty, ErrorNote, Modal, SaveCancel } from '../../components/ui.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { get, listOf, post, put } from '../../lib/api.ts';
import { can, useUser } from '../../lib/auth.tsx';
import { fieldLabel } from '../../lib/labels.ts';
import { useLoad } from '../../lib/useLoad.ts';

const FIELDS = ['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_dang'] as const;

const EMPTY: Indicator = {
  code: '',
  name: '',
  aliases: [],
  measureUnit: '',
  field: 'kinh_te',
  direction: 'higher',
  valueType: 'number',
  timeAggregation: 'sum',
  unitAggregation: 'sum',
  ratio: null,
  precision: 0,
  disaggregation: null,
  tree: 'state',
  priceBasis: null,
  description: null,
};

export function IndicatorsTab() {
  const { t } = useI18n();
  const user = useUser();
  const list = useLoad((signal) => get<unknown>('/api/indicators', { signal }).then((b) => listOf<Indicator>(b, 'indicators')), []);
  const [search, setSearch] = useState('');
  const [field, setField] = useState('');
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const rows = (list.data ?? []).filter((i) => (!field || i.field === field) && (!search.trim() || matchesSearch(`${i.code} ${i.name} ${(i.aliases ?? []).join(' ')}`, search)));
  const editable = can(user.role, 'editCatalogue');
  return (
    <section className="card">
      <div className="card-head">
        <div className="inline">
          <div className="search-box">
            <Icon name="search" size={14} />
            <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('ind.search')} aria-label={t('ind.search')} />
          </div>
          <select value={field} onChange={(e) => setField(e.target.value)} aria-label={t('dash.field')}>
            <option value="">{t('common.all')}</option>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(t, f)}
              </option>
            ))}
          </select>
          <span className="muted small">{t('ind.count', { n: rows.length })}</span>
        </div>
        {editable && (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            <Icon name="plus" /> {t('ind.new')}
          </button>
        )}
      </div>
      <ErrorNote error={list.error} />
      {list.data && rows.length === 0 && <Empty>{t('common.noResults')}</Empty>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="indicators-table">
            <thead>
              <tr>
                <th>{t('ind.code')}</th>
                <th>{t('ind.name')}</th>
                <th>{t('ind.unit')}</th>
                <th>{t('dash.field')}</th>
                <th>{t('ind.direction')}</th>
                <th>{t('ind.time')}</th>
                <th>{t('ind.units')}</th>
                <th>{t('ind.tree')}</th>
                {editable && <th />}
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.code}>
                  <td className="code">{i.code}</td>
                  <td>
                    {i.name}
                    {i.ratio && (
                      <div className="muted small">
                        = {i.ratio.numerator} / {i.ratio.denominator} × {i.ratio.scale}
                      </div>
                    )}
                  </td>
                  <td>{i.measureUnit}</td>
                  <td>{fieldLabel(t, i.field)}</td>
                  <td>{t(`ind.direction.${i.direction}` as MsgKey)}</td>
                  <td>{t(`ind.time.${i.timeAggregation}` as MsgKey)}</td>
                  <td>{t(`ind.units.${i.unitAggregation}` as MsgKey)}</td>
                  <td>{t(`units.tree.${i.tree}` as MsgKey)}</td>
                  {editable && (
                    <td>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(i)}>
                        {t('common.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <IndicatorForm
          initial={editing === 'new' ? undefined : editing}
          all={list.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function IndicatorForm({ initial, all, onClose, onSaved }: { initial?: Indicator; all: Indicator[]; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [ind, setInd] = useState<Indicator>({ ...EMPTY, ...initial });
  const [aliases, setAliases] = useState((initial?.aliases ?? []).join('; '));
  const [options, setOptions] = useState((initial?.disaggregation?.options ?? []).map((o) => `${o.code}: ${o.label}`).join('\n'));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Indicator>(k: K, v: Indicator[K]) => setInd((p) => ({ ...p, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const opts = options
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [code = '', ...rest] = l.split(':');
        return { code: code.trim(), label: rest.join(':').trim() || code.trim() };
      });
    const body: Indicator = {
      ...ind,
      code: ind.code.trim(),
      name: ind.name.trim(),
      aliases: aliases
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean),
      ratio: ind.unitAggregation === 'ratio' ? (ind.ratio ?? { numerator: '', denominator: '', scale: 100 }) : null,
      disaggregation: opts.length ? { label: ind.disaggregation?.label || t('ind.options'), options: opts } : null,
      priceBasis: ind.priceBasis?.trim() || null,
      description: ind.description?.trim() || null,
    };
    setBusy(true);
    setError(null);
    try {
      // The code is in the address of an edit, not in its body (the server refuses unknown keys).
      const { code: _code, ...update } = body;
      if (initial) await put(`/api/indicators/${encodeURIComponent(initial.code)}`, update);
      else await post('/api/indicators', body);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const sel = <K extends keyof Indicator>(k: K, values: readonly string[], prefix: string) => (
    <select value={String(ind[k])} onChange={(e) => set(k, e.target.value as Indicator[K])}>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${prefix}.${v}` as MsgKey)}
        </option>
      ))}
    </select>
  );

  return (
    <Modal
      title={initial ? t('ind.edit', { code: initial.code }) : t('ind.new')}
      onClose={onClose}
      wide
      footer={<SaveCancel form="indicator-form" busy={busy} onCancel={onClose} />}
    >
      <form id="indicator-form" className="form-grid" onSubmit={submit}>
        <label className="field">
          <span>{t('ind.code')}</span>
          <input required value={ind.code} disabled={!!initial} onChange={(e) => set('code', e.target.value.replace(/\s+/g, '_'))} />
        </label>
        <label className="field">
          <span>{t('ind.unit')}</span>
          <input value={ind.measureUnit} onChange={(e) => set('measureUnit', e.target.value)} placeholder="ha, %, tỷ đồng" />
        </label>
        <label className="field span2">
          <span>{t('ind.name')}</span>
          <input required value={ind.name} onChange={(e) => set('name', e.target.value)} />
        </label>
        <label className="field span2">
          <span>{t('ind.aliases')}</span>
          <input value={aliases} onChange={(e) => setAliases(e.target.value)} placeholder="trồng rừng; trồng rừng mới" />
        </label>
        <label className="field">
          <span>{t('dash.field')}</span>
          <select value={ind.field} onChange={(e) => set('field', e.target.value as Indicator['field'])}>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(t, f)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ind.direction')}</span>
          {sel('direction', ['higher', 'lower', 'none'], 'ind.direction')}
        </label>
        <label className="field">
          <span>{t('ind.valueType')}</span>
          {sel('valueType', ['number', 'integer', 'percent', 'boolean'], 'ind.valueType')}
        </label>
        <label className="field">
          <span>{t('ind.precision')}</span>
          <NumberInput value={ind.precision} optional={false} onChange={(v) => v !== null && set('precision', v)} aria-label={t('ind.precision')} />
        </label>
        <label className="field">
          <span>{t('ind.time')}</span>
          {sel('timeAggregation', ['sum', 'last', 'average'], 'ind.time')}
        </label>
        <label className="field">
          <span>{t('ind.units')}</span>
          {sel('unitAggregation', ['sum', 'ratio', 'none'], 'ind.units')}
        </label>
        {ind.unitAggregation === 'ratio' && (
          <fieldset className="field span2">
            <legend>{t('ind.ratio')}</legend>
            <div className="inline wrap">
              {(['numerator', 'denominator'] as const).map((k) => (
                <select
                  key={k}
                  value={ind.ratio?.[k] ?? ''}
                  aria-label={t(`ind.${k}` as MsgKey)}
                  onChange={(e) => set('ratio', { numerator: '', denominator: '', scale: 100, ...ind.ratio, [k]: e.target.value })}
                >
                  <option value="">{t(`ind.${k}` as MsgKey)}…</option>
                  {all.map((a) => (
                    <option key={a.code} value={a.code}>
                      {a.name} · {a.code}
                    </option>
                  ))}
                </select>
              ))}
              × <NumberInput value={ind.ratio?.scale ?? 100} optional={false} onChange={(v) => v !== null && set('ratio', { numerator: '', denominator: '', ...ind.ratio, scale: v })} aria-label={t('ind.scale')} />
            </div>
          </fieldset>
        )}
        <label className="field">
          <span>{t('ind.tree')}</span>
          {sel('tree', ['state', 'party'], 'units.tree')}
        </label>
        <label className="field">
          <span>{t('ind.priceBasis')}</span>
          <input value={ind.priceBasis ?? ''} onChange={(e) => set('priceBasis', e.target.value)} placeholder="giá so sánh 2010" />
        </label>
        <label className="field span2">
          <span>{t('ind.options')}</span>
          <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} placeholder={'khien_trach: Khiển trách\ncanh_cao: Cảnh cáo'} />
        </label>
        <label className="field span2">
          <span>{t('ind.description')}</span>
          <textarea rows={2} value={ind.description ?? ''} onChange={(e) => set('description', e.target.value)} />
        </label>
      </form>
      <ErrorNote error={error} />
    </Modal>
  );
}
