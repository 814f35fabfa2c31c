/** What the server adds to Fastify's types: the auth context on requests and the access of routes. */
import 'fastify';
import '@fastify/cookie';
import '@fastify/rate-limit';
import type { AuthContext } from './auth/context.ts';
import type { Access } from './auth/permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook; null when no valid session came with the request. */
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route (required on every /api route; checked at registration). */
    access?: Access;
  }
}
