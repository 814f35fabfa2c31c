/** The signed-in user, the CSRF token, sign in and sign out. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, get, onUnauthenticated, post, setCsrfToken } from './api.ts';
import type { Me, Role, User } from './types.ts';

type AuthState = { kind: 'loading' } | { kind: 'signed-out'; expired: boolean } | { kind: 'signed-in'; user: User };

interface Auth {
  state: AuthState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const Ctx = createContext<Auth | null>(null);

async function loadMe(): Promise<User> {
  const me = await get<Me>('/api/auth/me', { quiet401: true });
  setCsrfToken(me.csrfToken);
  return me.user;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    loadMe().then(
      (user) => live && setState({ kind: 'signed-in', user }),
      (e: unknown) => {
        if (!live) return;
        // 401 is the normal "not signed in"; anything else is shown on the sign-in page as expired=false too.
        if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
        setState({ kind: 'signed-out', expired: false });
      },
    );
    const off = onUnauthenticated(() => {
      setCsrfToken(null);
      setState({ kind: 'signed-out', expired: true });
    });
    return () => {
      live = false;
      off();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    await post('/api/auth/login', { username, password }, { quiet401: true });
    const user = await loadMe();
    setState({ kind: 'signed-in', user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await post('/api/auth/logout', {}, { quiet401: true });
    } finally {
      setCsrfToken(null);
      setState({ kind: 'signed-out', expired: false });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user; only for components rendered inside the app shell. */
export function useUser(): User {
  const { state } = useAuth();
  if (state.kind !== 'signed-in') throw new Error('useUser while signed out');
  return state.user;
}

/**
 * What each role may do (docs/api.md, Roles and scope). The UI hides what a role cannot do; the
 * server enforces it anyway.
 */
const CAN = {
  editCatalogue: ['quan_tri', 'van_phong'],
  enterFigures: ['quan_tri', 'nhap_lieu'],
  submit: ['quan_tri', 'nhap_lieu'],
  approve: ['quan_tri', 'van_phong'],
  readAudit: ['quan_tri', 'van_phong', 'kiem_tra'],
  editUnits: ['quan_tri', 'van_phong'],
  applyDvhcvn: ['quan_tri'],
  importWorkspace: ['quan_tri', 'van_phong'],
  manageUsers: ['quan_tri'],
} satisfies Record<string, Role[]>;

export type Action = keyof typeof CAN;

export function can(role: Role, action: Action): boolean {
  return (CAN[action] as Role[]).includes(role);
}
