/** Add or edit an account (POST /api/users, PUT /api/users/:id); the server's field problems are shown under each field. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorNote, Modal, SaveCancel } from '../../components/ui.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { ApiError, post, put } from '../../lib/api.ts';
import type { Role } from '../../lib/types.ts';
import { type Account, PASSWORD_MAX, PASSWORD_MIN, ROLES } from './types.ts';
import { UnitsField } from './UnitsField.tsx';

interface Props {
  initial?: Account;
  /** The signed-in administrator: may not change their own role or disable themself (server rule). */
  selfId: string;
  onClose(): void;
  onSaved(a: Account): void;
}

/** "unitIds[0]" → "unitIds": the field a server problem belongs to. */
const fieldOf = (path: string) => path.split(/[.[]/)[0] ?? '';

export function AccountForm({ initial, selfId, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState(initial?.username ?? '');
  const [displayName, setDisplayName] = useState(initial?.displayName ?? '');
  const [role, setRole] = useState<Role>(initial?.role ?? 'nhap_lieu');
  const [unitIds, setUnitIds] = useState<string[]>(initial?.unitIds ?? []);
  const [tree, setTree] = useState<'state' | 'party'>('state');
  const [locale, setLocale] = useState<string>(initial?.locale ?? '');
  const [active, setActive] = useState(initial?.active ?? true);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const self = initial?.id === selfId;

  const problems: Record<string, string[]> = {};
  for (const [k, m] of Object.entries(local)) (problems[k] ??= []).push(m);
  if (error instanceof ApiError) {
    for (const f of error.fields) (problems[fieldOf(f.path)] ??= []).push(f.message);
    if (!initial && error.code === 'conflict') (problems.username ??= []).push(error.message);
  }
  const shown = new Set(['username', 'displayName', 'role', 'unitIds', 'password', 'locale', 'active']);
  const other = error instanceof ApiError ? new ApiError(error.status, error.code, error.message, error.fields.filter((f) => !shown.has(fieldOf(f.path)))) : error;
  const showOther = !!other && !(!initial && error instanceof ApiError && error.code === 'conflict');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const l: Record<string, string> = {};
    if (unitIds.length === 0) l.unitIds = t('accounts.needUnit');
    if ((!initial || password) && password.length < PASSWORD_MIN) l.password = t('accounts.passwordMin', { n: PASSWORD_MIN });
    setLocal(l);
    if (Object.keys(l).length) return;
    setBusy(true);
    setError(null);
    try {
      const body = initial
        ? { displayName, role, unitIds, locale: locale || null, active, ...(password ? { password } : {}) }
        : { username, displayName, role, unitIds, locale: locale || null, active, password };
      const r = initial ? await put<{ user: Account }>(`/api/users/${encodeURIComponent(initial.id)}`, body) : await post<{ user: Account }>('/api/users', body);
      onSaved(r.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, control: ReactNode, span2 = false, asDiv = false) => {
    const Tag = asDiv ? 'div' : 'label';
    return (
      <Tag className={`field${span2 ? ' span2' : ''}`} data-field={name}>
        <span>{label}</span>
        {control}
        {problems[name]?.map((m, i) => (
          <span key={i} className="field-error" role="alert" data-testid={`error-${name}`}>
            {m}
          </span>
        ))}
      </Tag>
    );
  };

  return (
    <Modal
      title={initial ? t('accounts.edit', { name: initial.username }) : t('accounts.new')}
      onClose={onClose}
      wide
      footer={<SaveCancel form="account-form" busy={busy} testId="account-save" onCancel={onClose} />}
    >
      <form id="account-form" className="form-grid" onSubmit={submit} noValidate={false}>
        {field(
          'username',
          t('accounts.username'),
          initial ? (
            <input value={username} disabled name="username" />
          ) : (
            <input required value={username} onChange={(e) => setUsername(e.target.value)} name="username" autoComplete="off" placeholder="xa.tenxa" />
          ),
        )}
        {field('displayName', t('accounts.displayName'), <input required maxLength={200} value={displayName} onChange={(e) => setDisplayName(e.target.value)} name="displayName" />)}
        {field(
          'role',
          t('accounts.role'),
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} name="role" disabled={self} title={self ? t('accounts.selfNote') : undefined}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}` as MsgKey)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'locale',
          t('accounts.locale'),
          <select value={locale} onChange={(e) => setLocale(e.target.value)} name="locale">
            <option value="">{t('accounts.localeDefault')}</option>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>,
        )}
        {field('unitIds', t('accounts.units'), <UnitsField value={unitIds} onChange={setUnitIds} tree={tree} onTreeChange={setTree} />, true, true)}
        {field(
          'password',
          initial ? t('accounts.resetPassword') : t('accounts.password'),
          <input
            type="password"
            required={!initial}
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            name="password"
            autoComplete="new-password"
            placeholder={initial ? t('accounts.passwordKeep') : t('accounts.passwordMin', { n: PASSWORD_MIN })}
          />,
        )}
        {initial &&
          field(
            'active',
            t('accounts.active'),
            <span className="check">
              <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} name="active" disabled={self} /> {t('accounts.activeOn')}
            </span>,
          )}
      </form>
      {showOther ? <ErrorNote error={other} /> : null}
    </Modal>
  );
}
