/**
 * The app shell: sign-in page, then a top bar (unit, user, role, language, sign out) and the left
 * navigation. Every page is its own chunk (React.lazy), so the first page loads only React, the shell
 * and the sign-in form.
 */
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Icon, type IconName } from './components/Icon.tsx';
import { type MsgKey, useI18n } from './i18n/index.tsx';
import { get } from './lib/api.ts';
import { type Action, can, useAuth, useUser } from './lib/auth.tsx';
import { href, navigate, useRoute } from './lib/router.ts';
import type { UnitDetail } from './lib/types.ts';
import { LoginPage } from './pages/LoginPage.tsx';

const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const EntryPage = lazy(() => import('./pages/EntryPage.tsx'));
const ResolutionsPage = lazy(() => import('./pages/ResolutionsPage.tsx'));
const UnitsPage = lazy(() => import('./pages/UnitsPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage.tsx'));
const ReportPage = lazy(() => import('./pages/report/ReportPage.tsx'));
const ReadingPage = lazy(() => import('./pages/reading/ReadingPage.tsx'));

interface NavItem {
  path: string;
  label: MsgKey;
  icon: IconName;
  needs?: Action;
  page: () => ReactNode;
}

const NAV: NavItem[] = [
  { path: 'dashboard', label: 'nav.dashboard', icon: 'dashboard', page: () => <DashboardPage /> },
  { path: 'entry', label: 'nav.entry', icon: 'grid', page: () => <EntryPage /> },
  { path: 'resolutions', label: 'nav.resolutions', icon: 'doc', page: () => <ResolutionsPage /> },
  { path: 'units', label: 'nav.units', icon: 'tree', page: () => <UnitsPage /> },
  { path: 'report', label: 'nav.report', icon: 'doc', page: () => <ReportPage /> },
  { path: 'reading', label: 'nav.reading', icon: 'search', page: () => <ReadingPage /> },
  { path: 'audit', label: 'nav.audit', icon: 'log', needs: 'readAudit', page: () => <AuditPage /> },
  { path: 'accounts', label: 'nav.accounts', icon: 'user', needs: 'manageUsers', page: () => <AccountsPage /> },
];

export function App() {
  const { state } = useAuth();
  const { t } = useI18n();
  if (state.kind === 'loading') return <div className="boot">{t('common.loading')}</div>;
  if (state.kind === 'signed-out') return <LoginPage expired={state.expired} />;
  return <Shell />;
}

function Shell() {
  const user = useUser();
  const { t } = useI18n();
  const route = useRoute();
  const [navOpen, setNavOpen] = useState(false);
  const items = NAV.filter((n) => !n.needs || can(user.role, n.needs));
  const current = items.find((n) => n.path === route.segments[0]);

  useEffect(() => {
    if (!current) navigate(items[0]!.path, {}, true);
  }, [current, items]);
  useEffect(() => {
    document.title = current ? `${t(current.label)} · ${t('app.title')}` : t('app.title');
    setNavOpen(false);
  }, [current, t]);

  return (
    <div className={`shell${navOpen ? ' nav-open' : ''}`}>
      <TopBar onToggleNav={() => setNavOpen((o) => !o)} />
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {items.map((n) => (
            <li key={n.path}>
              <a href={href(n.path)} className={n === current ? 'active' : undefined} aria-current={n === current ? 'page' : undefined} title={t(n.label)}>
                <Icon name={n.icon} />
                <span>{t(n.label)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main">
        <ErrorBoundary key={current?.path}>
          <Suspense fallback={<div className="loading">{t('common.loading')}</div>}>{current?.page()}</Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}

function TopBar({ onToggleNav }: { onToggleNav: () => void }) {
  const user = useUser();
  const { logout } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const unitNames = useUnitNames(user.unitIds);
  return (
    <header className="topbar">
      <button type="button" className="icon-btn nav-toggle" onClick={onToggleNav} aria-label={t('nav.toggle')}>
        <Icon name="menu" />
      </button>
      <div className="brand">
        <span className="emblem" aria-hidden="true">★</span>
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <div className="topbar-unit" title={t('top.unit')} data-testid="top-unit">
        {unitNames.join('; ')}
      </div>
      <div className="topbar-right">
        <span className="topbar-user" data-testid="top-user">
          <Icon name="user" />
          <strong>{user.displayName}</strong>
          <span className="role-tag">{t(`role.${user.role}` as MsgKey)}</span>
        </span>
        <label className="lang-switch">
          <span className="sr-only">{t('top.language')}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'vi')} aria-label={t('top.language')}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
          {t('top.signOut')}
        </button>
      </div>
    </header>
  );
}

function useUnitNames(ids: string[]): string[] {
  const [names, setNames] = useState<string[]>(ids);
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(
      ids.map((id) =>
        get<UnitDetail>(`/api/units/${encodeURIComponent(id)}`).then(
          (d) => d.unit.displayName || d.unit.name,
          () => id,
        ),
      ),
    ).then((n) => live && setNames(n));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids' text
  }, [key]);
  return names;
}
