/**
 * Sign-in, sign-out, who am I. Sign-in failures are counted per username and IP: the sixth within
 * 15 minutes is refused with 429 before the password is even checked.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteExpiredSessions, deleteSession } from '../../store/sessions.ts';
import { authOf } from '../auth/hook.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { ServerDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { COMMON_ERRORS, ErrorSchema, UserViewSchema } from '../schemas.ts';
import { checkCredentials, userView } from '../services/accounts.ts';

export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

const LoginBody = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });
const MeResponse = z.object({ user: UserViewSchema, csrfToken: z.string() });

export const authRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps; secureCookie: boolean | 'auto' }> = async (app, { deps, secureCookie }) => {
  const failures = app.createRateLimit({
    max: SIGN_IN_MAX_FAILURES,
    timeWindow: SIGN_IN_WINDOW_MS,
    keyGenerator: (req) => `${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase()}|${req.ip}`,
  });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: LoginBody, response: { 200: MeResponse, 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema } },
    },
    async (req, reply) => {
      const seen = await failures(req, { increment: false });
      if (!seen.isAllowed && seen.remaining === 0) throw new ApiError('rate_limited');
      const user = await checkCredentials(deps.db, req.body.username, req.body.password);
      if (!user) {
        await failures(req);
        throw new ApiError('unauthenticated', { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' });
      }
      await deleteExpiredSessions(deps.db, deps.now());
      const { cookie, session } = await createSession(deps.db, user.id, deps.now());
      reply.setCookie(SESSION_COOKIE, cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie === 'auto' ? req.protocol === 'https' : secureCookie,
      });
      return { user: userView(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Đăng xuất (204)' } },
    async (req, reply) => {
      await deleteSession(deps.db, authOf(req).session.idHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Tài khoản đang đăng nhập và mã CSRF', response: { 200: MeResponse, ...COMMON_ERRORS } },
    },
    async (req) => {
      const auth = authOf(req);
      return { user: userView(auth.user), csrfToken: auth.session.csrfToken };
    },
  );
};
