import { useState } from 'react';
import { matchesSearch } from '../../../../src/core/text.ts';
import { Icon } from '../../components/Icon.tsx';
import { Empty, ErrorNote } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { get, listOf } from '../../lib/api.ts';
import { can, useUser } from '../../lib/auth.tsx';
import { fmtDate } from '../../lib/format.ts';
import { href, navigate } from '../../lib/router.ts';
import type { ResolutionView } from '../../lib/types.ts';
import { UnitName } from '../../lib/unit-names.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { ResolutionForm, scopeText } from './ResolutionForm.tsx';

export function ResolutionList() {
  const { t, locale } = useI18n();
  const user = useUser();
  const list = useLoad((signal) => get<unknown>('/api/resolutions', { signal }).then((b) => listOf<ResolutionView>(b, 'resolutions')), []);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const rows = (list.data ?? []).filter((r) => !search.trim() || matchesSearch(`${r.number} ${r.title}`, search));
  return (
    <section className="card">
      <div className="card-head">
        <div className="search-box">
          <Icon name="search" size={14} />
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('res.search')} aria-label={t('res.search')} />
        </div>
        {can(user.role, 'editCatalogue') && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-resolution">
            <Icon name="plus" /> {t('res.new')}
          </button>
        )}
      </div>
      <ErrorNote error={list.error} />
      {list.loading && !list.data && <div className="loading">{t('common.loading')}</div>}
      {list.data && rows.length === 0 && <Empty>{t('common.noResults')}</Empty>}
      {rows.length > 0 && (
        <table className="table" data-testid="resolutions-table">
          <thead>
            <tr>
              <th>{t('res.number')}</th>
              <th>{t('res.title')}</th>
              <th>{t('res.issuer')}</th>
              <th>{t('res.issuedOn')}</th>
              <th>{t('res.scope')}</th>
              <th className="num">{t('res.targets')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="clickable" onClick={() => navigate(`resolutions/${encodeURIComponent(r.id)}`)}>
                <td className="nowrap">
                  <a href={href(`resolutions/${encodeURIComponent(r.id)}`)}>{r.number}</a>
                </td>
                <td>{r.title}</td>
                <td>
                  <UnitName id={r.issuerId} />
                </td>
                <td className="nowrap">{fmtDate(r.issuedOn)}</td>
                <td className="nowrap">{scopeText(locale, r.scope)}</td>
                <td className="num">{r.targets?.length ?? r.targetCount ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <ResolutionForm
          onClose={() => setCreating(false)}
          onSaved={(r) => {
            setCreating(false);
            navigate(`resolutions/${encodeURIComponent(r.id)}`);
          }}
        />
      )}
    </section>
  );
}
