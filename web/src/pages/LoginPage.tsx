import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';

export function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('login.throttled'));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 400 || err.status === 403)) setError(err.message && err.status !== 401 ? err.message : t('login.wrong'));
      else setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-head">
          <span className="emblem big" aria-hidden="true">★</span>
          <div>
            <h1 id="login-title">{t('app.title')}</h1>
            <p className="muted">{t('login.subtitle')}</p>
          </div>
        </div>
        {expired && <div className="alert alert-warn">{t('login.expired')}</div>}
        <label className="field">
          <span>{t('login.username')}</span>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.signIn')}
        </button>
        <div className="login-foot">
          <button type="button" className="link-btn" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {locale === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
        </div>
      </form>
    </div>
  );
}
