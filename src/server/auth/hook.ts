/**
 * The auth hook, on every /api request before its body is read: finds the session, answers 401 to a
 * route that needs one, 403 when a request that changes something lacks the CSRF token bound to the
 * session, and 403 when the role lacks the route's permission. The unit scope is checked by each
 * route, on every unit it reads or writes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { AuthContext } from './context.ts';
import { can } from './permissions.ts';
import { SESSION_COOKIE, sameToken } from './sessions.ts';
import { readGenerations } from '../../store/generations.ts';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authHook(deps: ServerDeps) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // not an API route (static files, docs)
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      // The generations first: whatever is cached is then at least as new as what they say.
      const generations = await readGenerations(deps.db);
      const found = await deps.sessions.resolve(deps.db, cookie, deps.now(), generations);
      req.auth = found ? new AuthContext(deps, found.user, found.session, generations) : null;
    }
    if (access === 'public') return;
    const auth = req.auth;
    if (!auth) throw new ApiError('unauthenticated');
    if (!SAFE_METHODS.has(req.method)) {
      const token = req.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !sameToken(token, auth.session.csrfToken))
        throw new ApiError('forbidden', {
          vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang',
          en: 'Missing or wrong CSRF token; reload the page',
        });
    }
    if (access !== 'signed_in' && !can(auth.user.role, access)) throw new ApiError('forbidden');
  };
}

/** The caller of a route that is not public (the hook has made sure there is one). */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new ApiError('unauthenticated');
  return req.auth;
}
