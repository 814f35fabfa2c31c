/**
 * Đơn vị: the state and party trees at a date, each unit with its history (validity, parents over
 * time, predecessors and successors); the official 2025 mapping (quản trị); a merged commune's
 * rebuilt yearly figures.
 */
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { matchesSearch } from '../../../src/core/text.ts';
import { UNIT_KINDS } from '../../../src/core/units.ts';
import { Icon } from '../components/Icon.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { NumberInput } from '../components/NumberInput.tsx';
import { Empty, ErrorNote, Modal, PageHeader, SaveCancel } from '../components/ui.tsx';
import { type MsgKey, useI18n } from '../i18n/index.tsx';
import { get, listOf, post, put, withQuery } from '../lib/api.ts';
import { can, useUser } from '../lib/auth.tsx';
import { fmtDate, fmtNumber, todayIso } from '../lib/format.ts';
import { flagLabel } from '../lib/labels.ts';
import { setQuery, useRoute } from '../lib/router.ts';
import type { EntryIndicator, ParentLinkView, SuccessionView, UnitDetail, UnitKind, UnitView } from '../lib/types.ts';
import { UnitName } from '../lib/unit-names.tsx';
import { ancestorsOf, buildTree, clearUnitCache, fetchUnits } from '../lib/units.ts';
import { useLoad } from '../lib/useLoad.ts';

export default function UnitsPage() {
  const { t } = useI18n();
  const user = useUser();
  const route = useRoute();
  const at = route.query.get('at') ?? todayIso();
  const tree = route.query.get('tree') === 'party' ? 'party' : 'state';
  const selected = route.query.get('unit');
  const [search, setSearch] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [tick, setTick] = useState(0);
  const units = useLoad(() => fetchUnits(at, tree), [at, tree, tick]);
  const ut = useMemo(() => (units.data ? buildTree(units.data) : null), [units.data]);

  const rows = useMemo(() => {
    if (!ut) return [];
    const out: { u: UnitView; depth: number; kids: number }[] = [];
    let visible: Set<string> | null = null;
    if (search.trim()) {
      visible = new Set();
      for (const u of ut.byId.values())
        if (matchesSearch(`${u.displayName} ${u.code ?? ''}`, search)) {
          visible.add(u.id);
          for (const a of ancestorsOf(ut, u.id)) visible.add(a.id);
        }
    }
    const walk = (list: UnitView[], depth: number) => {
      for (const u of list) {
        if (visible && !visible.has(u.id)) continue;
        const kids = ut.children.get(u.id) ?? [];
        out.push({ u, depth, kids: kids.length });
        if (visible || !collapsed.has(u.id)) walk(kids, depth + 1);
      }
    };
    walk(ut.roots, 0);
    return out;
  }, [ut, search, collapsed]);

  const refresh = () => {
    clearUnitCache();
    setTick((n) => n + 1);
  };

  return (
    <div className="page units">
      <PageHeader title={t('nav.units')}>
        {can(user.role, 'editUnits') && (
          <button type="button" className="btn" onClick={() => setCreating(true)}>
            <Icon name="plus" /> {t('units.new')}
          </button>
        )}
      </PageHeader>
      <div className="split">
        <section className="card tree-card">
          <div className="inline wrap">
            <div className="seg" role="group" aria-label={t('units.tree')}>
              {(['state', 'party'] as const).map((k) => (
                <button key={k} type="button" className={tree === k ? 'on' : ''} onClick={() => setQuery(route, { tree: k })}>
                  {t(`units.tree.${k}` as MsgKey)}
                </button>
              ))}
            </div>
            <label className="inline small">
              {t('units.at')}
              <DateInput value={at} onChange={(d) => d && setQuery(route, { at: d })} aria-label={t('units.at')} />
            </label>
          </div>
          <div className="search-box full">
            <Icon name="search" size={14} />
            <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('unitPicker.search')} aria-label={t('unitPicker.search')} data-testid="units-search" />
          </div>
          <ErrorNote error={units.error} />
          <ul className="tree-list static" role="tree" data-testid="units-tree">
            {rows.map(({ u, depth, kids }) => (
              <li key={u.id} role="treeitem" aria-selected={u.id === selected} className={u.id === selected ? 'selected' : ''} style={{ paddingLeft: 6 + depth * 16 }}>
                {kids > 0 && !search ? (
                  <button
                    type="button"
                    className="caret"
                    onClick={() =>
                      setCollapsed((s) => {
                        const n = new Set(s);
                        if (n.has(u.id)) n.delete(u.id);
                        else n.add(u.id);
                        return n;
                      })
                    }
                    aria-label={collapsed.has(u.id) ? t('common.expand') : t('common.collapse')}
                  >
                    <Icon name={collapsed.has(u.id) ? 'right' : 'down'} size={12} />
                  </button>
                ) : (
                  <span className="caret" />
                )}
                <button type="button" className="tree-name" onClick={() => setQuery(route, { unit: u.id })}>
                  {u.displayName}
                  {u.code && <span className="muted small"> · {u.code}</span>}
                  {u.validTo && <span className="muted small"> · {t('units.until', { d: fmtDate(u.validTo) })}</span>}
                </button>
              </li>
            ))}
            {units.data && rows.length === 0 && <li className="muted empty">{t('common.noResults')}</li>}
          </ul>
        </section>
        <div className="detail-col">
          {selected ? <UnitInfo id={selected} at={at} onChanged={refresh} /> : <Empty>{t('units.pick')}</Empty>}
          {can(user.role, 'applyDvhcvn') && <DvhcvnCard onApplied={refresh} />}
        </div>
      </div>
      {creating && (
        <UnitForm
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            refresh();
            setQuery(route, { unit: id });
          }}
          tree={tree}
        />
      )}
    </div>
  );
}

function otherSide(s: SuccessionView, side: 'from' | 'to'): string {
  return (side === 'from' ? (s.fromId ?? s.from) : (s.toId ?? s.to)) ?? s.unit?.id ?? '';
}

function UnitInfo({ id, at, onChanged }: { id: string; at: string; onChanged(): void }) {
  const { t } = useI18n();
  const user = useUser();
  const route = useRoute();
  const d = useLoad((signal) => get<UnitDetail>(withQuery(`/api/units/${encodeURIComponent(id)}`, { at }), { signal }), [id, at]);
  const [editing, setEditing] = useState(false);
  if (d.error) return <ErrorNote error={d.error} />;
  if (!d.data) return <div className="loading">{t('common.loading')}</div>;
  const { unit, parents, predecessors, successors, children } = d.data;
  const goto = (uid: string) => setQuery(route, { unit: uid });
  const unitLink = (uid: string, label?: string) => (
    <button type="button" className="link-btn" onClick={() => goto(uid)}>
      {label ?? <UnitName id={uid} />}
    </button>
  );
  return (
    <>
      <section className="card" data-testid="unit-detail">
        <div className="card-head">
          <div>
            <h2>{unit.displayName}</h2>
            <div className="muted small">
              {t(`kind.${unit.kind}` as MsgKey)} · {t('units.code')}: {unit.code ?? '—'} · id: {unit.id}
            </div>
          </div>
          {can(user.role, 'editUnits') && (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              <Icon name="edit" /> {t('common.edit')}
            </button>
          )}
        </div>
        <dl className="facts">
          <div>
            <dt>{t('units.validity')}</dt>
            <dd>
              {fmtDate(unit.validFrom) === '—' ? t('units.always') : fmtDate(unit.validFrom)} → {unit.validTo ? fmtDate(unit.validTo) : t('units.now')}
            </dd>
          </div>
          <div>
            <dt>{t('units.counterpart')}</dt>
            <dd>{unit.counterpartId ? unitLink(unit.counterpartId) : '—'}</dd>
          </div>
        </dl>
        <h3>{t('units.parents')}</h3>
        {parents.length === 0 ? (
          <p className="muted">{t('units.noParent')}</p>
        ) : (
          <table className="table compact">
            <thead>
              <tr>
                <th>{t('units.parent')}</th>
                <th>{t('units.from')}</th>
                <th>{t('units.to')}</th>
              </tr>
            </thead>
            <tbody>
              {parents.map((p: ParentLinkView, i) => (
                <tr key={i}>
                  <td>{unitLink(p.parentId, p.displayName ?? p.name)}</td>
                  <td>{fmtDate(p.from)}</td>
                  <td>{fmtDate(p.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="two-col">
          <div>
            <h3>{t('units.predecessors')}</h3>
            <SuccessionTable list={predecessors} side="from" link={unitLink} />
          </div>
          <div>
            <h3>{t('units.successors')}</h3>
            <SuccessionTable list={successors} side="to" link={unitLink} />
          </div>
        </div>
        <h3>{t('units.children', { n: children.length })}</h3>
        {children.length === 0 ? (
          <p className="muted">—</p>
        ) : (
          <ul className="chip-list">
            {children.map((c) => (
              <li key={c.id}>{unitLink(c.id, c.displayName)}</li>
            ))}
          </ul>
        )}
      </section>
      <UnitHistory id={id} hasPredecessors={predecessors.length > 0} />
      {editing && (
        <UnitForm
          initial={{ ...unit, parents: unit.parents ?? parents.map((p) => ({ parentId: p.parentId, from: p.from, to: p.to })) }}
          tree={unit.tree}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            d.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}

function SuccessionTable({ list, side, link }: { list: SuccessionView[]; side: 'from' | 'to'; link: (id: string, label?: string) => ReactNode }) {
  const { t } = useI18n();
  if (list.length === 0) return <p className="muted">—</p>;
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th>{t('common.unit')}</th>
          <th>{t('units.succKind')}</th>
          <th>{t('units.date')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((s, i) => (
          <tr key={i} title={s.legalBasis ?? undefined}>
            <td>{link(otherSide(s, side), s.unit?.displayName ?? s.displayName)}</td>
            <td>
              {t(`succ.${s.kind}` as MsgKey)}
              {s.share !== null && s.share !== undefined ? ` (${fmtNumber(s.share * 100, 1)}%)` : ''}
            </td>
            <td>{fmtDate(s.effectiveDate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}


interface HistoryRow {
  year: number;
  value: number | null;
  flags: (string | { code: string; detail?: string })[];
  [k: string]: unknown;
}

function UnitHistory({ id, hasPredecessors }: { id: string; hasPredecessors: boolean }) {
  const { t } = useI18n();
  const indicators = useLoad((signal) => get<unknown>('/api/indicators', { signal }).then((b) => listOf<EntryIndicator>(b, 'indicators')), []);
  const [indicator, setIndicator] = useState('');
  const [from, setFrom] = useState<number | null>(2020);
  const [to, setTo] = useState<number | null>(new Date().getFullYear());
  const [run, setRun] = useState<{ indicator: string; from: number | null; to: number | null } | null>(null);
  const hist = useLoad(
    (signal) => get<unknown>(withQuery(`/api/units/${encodeURIComponent(id)}/history`, { indicator: run!.indicator, from: run!.from, to: run!.to }), { signal }).then((b) => listOf<HistoryRow>(b, 'years')),
    [id, run],
    !!run,
  );
  const ind = indicators.data?.find((i) => i.code === (run?.indicator ?? indicator));
  return (
    <section className="card" data-testid="unit-history">
      <h3>{t('units.history')}</h3>
      <p className="muted small">{hasPredecessors ? t('units.historyRebuilt') : t('units.historyHelp')}</p>
      <form
        className="inline wrap"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (indicator) setRun({ indicator, from, to });
        }}
      >
        <select value={indicator} onChange={(e) => setIndicator(e.target.value)} aria-label={t('res.indicator')} required>
          <option value="">{t('res.indicator')}…</option>
          {(indicators.data ?? []).map((i) => (
            <option key={i.code} value={i.code}>
              {i.name} ({i.measureUnit || '—'})
            </option>
          ))}
        </select>
        <label className="inline small">
          {t('units.fromYear')} <NumberInput value={from} onChange={setFrom} aria-label={t('units.fromYear')} />
        </label>
        <label className="inline small">
          {t('units.toYear')} <NumberInput value={to} onChange={setTo} aria-label={t('units.toYear')} />
        </label>
        <button type="submit" className="btn">
          {t('units.showHistory')}
        </button>
      </form>
      <ErrorNote error={hist.error} />
      {run && hist.data && (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('detail.year')}</th>
              <th className="num">
                {t('units.value')} {ind?.measureUnit ? `(${ind.measureUnit})` : ''}
              </th>
              <th>{t('dash.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {hist.data.map((r, i) => (
              <tr key={i}>
                <td>{r.year ?? String(r.period ?? '')}</td>
                <td className="num">{fmtNumber(r.value ?? null, 2)}</td>
                <td>
                  {(r.flags ?? []).map((f, j) => {
                    const code = typeof f === 'string' ? f : f.code;
                    return (
                      <span key={j} className={`flag flag-${code}`} title={typeof f === 'string' ? undefined : f.detail}>
                        {flagLabel(t, code)}
                      </span>
                    );
                  })}
                </td>
              </tr>
            ))}
            {hist.data.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {t('common.noData')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface UnitBody {
  id: string;
  code: string | null;
  name: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
  parents: { parentId: string; from: string | null; to: string | null }[];
  counterpartId: string | null;
  note: string | null;
}

function UnitForm({ initial, tree, onClose, onSaved }: { initial?: UnitView & { parents?: ParentLinkView[]; note?: string | null }; tree: 'state' | 'party'; onClose(): void; onSaved(id: string): void }) {
  const { t } = useI18n();
  const [u, setU] = useState<UnitBody>({
    id: initial?.id ?? '',
    code: initial?.code ?? null,
    name: initial?.name ?? '',
    kind: initial?.kind ?? (tree === 'party' ? 'dang_bo_xa' : 'xa'),
    validFrom: initial?.validFrom ?? null,
    validTo: initial?.validTo ?? null,
    parents: (initial?.parents ?? []).map((p) => ({ parentId: p.parentId, from: p.from, to: p.to })),
    counterpartId: initial?.counterpartId ?? null,
    note: initial?.note ?? null,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof UnitBody>(k: K, v: UnitBody[K]) => setU((p) => ({ ...p, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = { ...u, code: u.code?.trim() || null, parents: u.parents.filter((p) => p.parentId.trim()) };
    try {
      const { id: _id, ...update } = body;
      if (initial) await put(`/api/units/${encodeURIComponent(initial.id)}`, update);
      else await post('/api/units', body);
      onSaved(body.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={initial ? t('units.edit') : t('units.new')}
      onClose={onClose}
      wide
      footer={<SaveCancel form="unit-form" busy={busy} onCancel={onClose} />}
    >
      <form id="unit-form" className="form-grid" onSubmit={submit}>
        <label className="field">
          <span>id</span>
          <input required value={u.id} disabled={!!initial} onChange={(e) => set('id', e.target.value.replace(/\s+/g, '-'))} />
        </label>
        <label className="field">
          <span>{t('units.code')}</span>
          <input value={u.code ?? ''} onChange={(e) => set('code', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('units.kind')}</span>
          <select value={u.kind} onChange={(e) => set('kind', e.target.value as UnitKind)}>
            {(Object.keys(UNIT_KINDS) as UnitKind[]).map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}` as MsgKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('units.name')}</span>
          <input required value={u.name} onChange={(e) => set('name', e.target.value)} placeholder="Ngân Sơn" />
        </label>
        <label className="field">
          <span>{t('units.validFrom')}</span>
          <DateInput value={u.validFrom} onChange={(d) => set('validFrom', d)} />
        </label>
        <label className="field">
          <span>{t('units.validTo')}</span>
          <DateInput value={u.validTo} onChange={(d) => set('validTo', d)} />
        </label>
        <fieldset className="field span2">
          <legend>{t('units.parents')}</legend>
          {u.parents.map((p, i) => (
            <div key={i} className="inline wrap">
              <input value={p.parentId} onChange={(e) => set('parents', u.parents.map((q, j) => (j === i ? { ...q, parentId: e.target.value } : q)))} placeholder={t('units.parentId')} aria-label={t('units.parentId')} />
              <DateInput value={p.from} onChange={(d) => set('parents', u.parents.map((q, j) => (j === i ? { ...q, from: d } : q)))} aria-label={t('units.from')} />
              <DateInput value={p.to} onChange={(d) => set('parents', u.parents.map((q, j) => (j === i ? { ...q, to: d } : q)))} aria-label={t('units.to')} />
              <button type="button" className="btn btn-small" onClick={() => set('parents', u.parents.filter((_, j) => j !== i))}>
                {t('common.delete')}
              </button>
            </div>
          ))}
          <button type="button" className="btn btn-small" onClick={() => set('parents', [...u.parents, { parentId: '', from: null, to: null }])}>
            <Icon name="plus" /> {t('units.addParent')}
          </button>
        </fieldset>
        <label className="field">
          <span>{t('units.counterpart')} (id)</span>
          <input value={u.counterpartId ?? ''} onChange={(e) => set('counterpartId', e.target.value.trim() || null)} />
        </label>
        <label className="field">
          <span>{t('entry.note')}</span>
          <input value={u.note ?? ''} onChange={(e) => set('note', e.target.value || null)} />
        </label>
      </form>
      <ErrorNote error={error} />
    </Modal>
  );
}

function DvhcvnCard({ onApplied }: { onApplied(): void }) {
  const { t } = useI18n();
  const [province, setProvince] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  async function apply() {
    if (!confirm(t('dvhcvn.confirm'))) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const res = await post<unknown>('/api/units/dvhcvn', province.trim() ? { province: province.trim() } : {});
      const counts =
        res && typeof res === 'object'
          ? Object.entries(res as Record<string, unknown>)
              .filter(([, v]) => typeof v === 'number')
              .map(([k, v]) => `${k}: ${String(v)}`)
              .join(', ')
          : '';
      setDone(t('dvhcvn.done') + (counts ? ` (${counts})` : ''));
      onApplied();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card">
      <h3>{t('dvhcvn.title')}</h3>
      <p className="muted small">{t('dvhcvn.help')}</p>
      <div className="inline wrap">
        <input value={province} onChange={(e) => setProvince(e.target.value)} placeholder={t('dvhcvn.province')} aria-label={t('dvhcvn.province')} />
        <button type="button" className="btn btn-primary" onClick={() => void apply()} disabled={busy}>
          {t('dvhcvn.apply')}
        </button>
      </div>
      {done && <div className="alert alert-ok">{done}</div>}
      <ErrorNote error={error} />
    </section>
  );
}
