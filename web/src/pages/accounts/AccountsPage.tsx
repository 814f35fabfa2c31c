/** Tài khoản (quản trị): the accounts in the administrator's scope, add and edit (GET/POST/PUT /api/users). */
import { useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { Empty, ErrorNote, PageHeader } from '../../components/ui.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { get } from '../../lib/api.ts';
import { useUser } from '../../lib/auth.tsx';
import { UnitName } from '../../lib/unit-names.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { AccountForm } from './AccountForm.tsx';
import type { Account } from './types.ts';

export default function AccountsPage() {
  const { t } = useI18n();
  const me = useUser();
  const data = useLoad((signal) => get<{ users: Account[] }>('/api/users', { signal }), []);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = [...(data.data?.users ?? [])].sort((a, b) => a.username.localeCompare(b.username));

  return (
    <div className="page accounts">
      <PageHeader title={t('nav.accounts')}>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} data-testid="account-new">
          <Icon name="plus" size={14} /> {t('accounts.new')}
        </button>
      </PageHeader>
      {notice && (
        <div className="alert alert-ok" role="status" data-testid="account-notice">
          {notice}
        </div>
      )}
      <ErrorNote error={data.error} />
      <section className="card">
        <div className="card-head">
          <h2>{t('accounts.count', { n: users.length })}</h2>
        </div>
        {data.loading && !data.data && <div className="loading">{t('common.loading')}</div>}
        {data.data && users.length === 0 && <Empty>{t('common.noResults')}</Empty>}
        {users.length > 0 && (
          <table className="table" data-testid="accounts-table">
            <thead>
              <tr>
                <th>{t('accounts.username')}</th>
                <th>{t('accounts.displayName')}</th>
                <th>{t('accounts.role')}</th>
                <th>{t('accounts.units')}</th>
                <th>{t('accounts.active')}</th>
                <th>{t('accounts.locale')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-username={u.username} className={u.active ? undefined : 'muted'}>
                  <td>
                    <code>{u.username}</code>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{t(`role.${u.role}` as MsgKey)}</td>
                  <td>
                    {u.unitIds.map((id, i) => (
                      <span key={id}>
                        {i > 0 && '; '}
                        <UnitName id={id} />
                      </span>
                    ))}
                  </td>
                  <td>{u.active ? t('accounts.yes') : t('accounts.disabled')}</td>
                  <td>{u.locale === 'en' ? 'English' : u.locale === 'vi' ? 'Tiếng Việt' : '—'}</td>
                  <td>
                    <button type="button" className="btn btn-small" onClick={() => setEditing(u)} data-testid="account-edit">
                      <Icon name="edit" size={14} /> {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editing && (
        <AccountForm
          initial={editing === 'new' ? undefined : editing}
          selfId={me.id}
          onClose={() => setEditing(null)}
          onSaved={(a) => {
            setNotice(editing === 'new' ? t('accounts.created', { name: a.username }) : t('accounts.saved', { name: a.username }));
            setEditing(null);
            data.reload();
          }}
        />
      )}
    </div>
  );
}
