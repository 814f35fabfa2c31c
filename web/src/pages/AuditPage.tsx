/** Nhật ký: who did what, when, to which record; filterable; readable by quản trị, văn phòng, kiểm tra. */
import { type FormEvent, Fragment, useState } from 'react';
import { DateInput } from '../components/DateInput.tsx';
import { Empty, ErrorNote, PageHeader } from '../components/ui.tsx';
import { type MsgKey, useI18n } from '../i18n/index.tsx';
import { get, withQuery } from '../lib/api.ts';
import { fmtDateTime } from '../lib/format.ts';
import { setQuery, useRoute } from '../lib/router.ts';
import type { AuditEntry } from '../lib/types.ts';
import { UnitName } from '../lib/unit-names.tsx';
import { useLoad } from '../lib/useLoad.ts';

const FILTERS = ['from', 'to', 'actor', 'action', 'entity', 'unitId'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE_SIZE_DEFAULT = 50;
/** Actions and entities the server records (src/server/services). */
const ACTIONS = ['save', 'submit', 'approve', 'return', 'reopen', 'create', 'update', 'delete', 'import', 'apply_dvhcvn'] as const;
const ENTITIES = ['value', 'unit_period', 'resolution', 'target', 'indicator', 'unit', 'user', 'workspace'] as const;
const known = (list: readonly string[], v: string) => list.includes(v);

export default function AuditPage() {
  const { t } = useI18n();
  const route = useRoute();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, route.query.get(k) ?? ''])) as Filters;
  const page = Math.max(1, Number(route.query.get('page') ?? '1') || 1);
  const [form, setForm] = useState<Filters>(applied);
  const [open, setOpen] = useState<string | null>(null);
  const key = FILTERS.map((k) => applied[k]).join('|');
  const data = useLoad((signal) => get<{ entries: AuditEntry[]; total: number; pageSize?: number }>(withQuery('/api/audit', { ...applied, page }), { signal }), [key, page]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setQuery(route, { ...form, page: null });
  }

  const entries = data.data?.entries ?? [];
  const total = data.data?.total ?? 0;
  const pageSize = data.data?.pageSize ?? PAGE_SIZE_DEFAULT;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="page audit">
      <PageHeader title={t('nav.audit')} />
      <form className="toolbar filters" onSubmit={submit}>
        <label className="picker">
          <span className="picker-label">{t('audit.from')}</span>
          <DateInput value={form.from || null} onChange={(d) => setForm({ ...form, from: d ?? '' })} />
        </label>
        <label className="picker">
          <span className="picker-label">{t('audit.to')}</span>
          <DateInput value={form.to || null} onChange={(d) => setForm({ ...form, to: d ?? '' })} />
        </label>
        <label className="picker">
          <span className="picker-label">{t('audit.actor')}</span>
          <input value={form.actor} onChange={(e) => setForm({ ...form, actor: e.target.value })} placeholder={t('audit.actorHint')} />
        </label>
        <label className="picker">
          <span className="picker-label">{t('audit.action')}</span>
          <select value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.action.${a}` as MsgKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="picker">
          <span className="picker-label">{t('audit.entity')}</span>
          <select value={form.entity} onChange={(e) => setForm({ ...form, entity: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {ENTITIES.map((a) => (
              <option key={a} value={a}>
                {t(`audit.entity.${a}` as MsgKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="picker">
          <span className="picker-label">{t('audit.unit')}</span>
          <input value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })} placeholder="id" />
        </label>
        <div className="picker">
          <span className="picker-label">&nbsp;</span>
          <div className="btn-row">
            <button type="submit" className="btn btn-primary" data-testid="audit-filter">
              {t('audit.filter')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                const empty = Object.fromEntries(FILTERS.map((k) => [k, ''])) as Filters;
                setForm(empty);
                setQuery(route, { ...Object.fromEntries(FILTERS.map((k) => [k, null])), page: null });
              }}
            >
              {t('common.clearFilter')}
            </button>
          </div>
        </div>
      </form>
      <ErrorNote error={data.error} />
      <section className="card">
        <div className="card-head">
          <h2>{t('audit.count', { n: total })}</h2>
          <Pager page={page} pages={pages} onPage={(p) => setQuery(route, { page: String(p) })} />
        </div>
        {data.loading && !data.data && <div className="loading">{t('common.loading')}</div>}
        {data.data && entries.length === 0 && <Empty>{t('common.noResults')}</Empty>}
        {entries.length > 0 && (
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('audit.at')}</th>
                <th>{t('audit.actor')}</th>
                <th>{t('audit.action')}</th>
                <th>{t('audit.entity')}</th>
                <th>{t('audit.unit')}</th>
                <th>{t('audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <Fragment key={e.id}>
                  <tr className="clickable" onClick={() => setOpen(open === e.id ? null : e.id)} aria-expanded={open === e.id}>
                    <td className="nowrap">{fmtDateTime(e.at)}</td>
                    <td>{e.actor ?? '—'}</td>
                    <td>{known(ACTIONS, e.action) ? t(`audit.action.${e.action}` as MsgKey) : <code>{e.action}</code>}</td>
                    <td>
                      {known(ENTITIES, e.entity) ? t(`audit.entity.${e.entity}` as MsgKey) : e.entity}
                      {e.entityId && <span className="muted small"> #{e.entityId}</span>}
                    </td>
                    <td>{e.unitId ? <UnitName id={e.unitId} /> : '—'}</td>
                    <td>{e.reason ?? ''}</td>
                  </tr>
                  {open === e.id && (
                    <tr className="detail-row">
                      <td colSpan={6}>
                        <div className="two-col">
                          <div>
                            <div className="muted small">{t('audit.before')}</div>
                            <pre>{e.before === null || e.before === undefined ? '—' : JSON.stringify(e.before, null, 2)}</pre>
                          </div>
                          <div>
                            <div className="muted small">{t('audit.after')}</div>
                            <pre>{e.after === null || e.after === undefined ? '—' : JSON.stringify(e.after, null, 2)}</pre>
                          </div>
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(p: number): void }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <div className="pager">
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ {t('audit.prev')}
      </button>
      <span className="muted small">{t('audit.page', { page, pages })}</span>
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('audit.next')} ›
      </button>
    </div>
  );
}
