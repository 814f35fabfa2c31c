/**
 * The web server as a Fastify instance, without listening (tests call it in-process with inject()).
 * docs/server.md; the API contract is docs/api.md.
 *
 * Request path: auth hook (session → 401, CSRF → 403, role → 403) → zod validation of params, query
 * and body (400) → the route checks the unit scope of every unit it touches (403) → a service or
 * store function → the response. Errors of every layer go through one handler (toApiError).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type HTTPMethods } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/db.ts';
import { resolveDvhcvnDir } from '../dvhcvn/data-dir.ts';
import { authHook } from './auth/hook.ts';
import { CatalogueCache, ModelCache } from './catalogue.ts';
import { DEFAULT_SCRYPT, type ScryptParams } from './auth/passwords.ts';
import { SessionCache } from './auth/sessions.ts';
import type { Access } from './auth/permissions.ts';
import type { ServerDeps } from './deps.ts';
import { ApiError, toApiError } from './errors.ts';
import { firstStart } from './first-start.ts';
import { localeOf } from './i18n.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { entryRoutes } from './routes/entry.ts';
import { evaluationRoutes } from './routes/evaluation.ts';
import { excelRoutes } from './routes/excel.ts';
import { reportRoutes } from './routes/report.ts';
import { unitRoutes } from './routes/units.ts';
import { userRoutes } from './routes/users.ts';
import { workspaceRoutes } from './routes/workspace.ts';
import { readingRoutes } from './routes/reading.ts';

export interface CreateAppOptions {
  store: Store;
  /** On a store without accounts: load the demo district (empty store) and create its accounts (first-start.ts). */
  demo?: boolean;
  /** Fastify's logger option (default: off). */
  logger?: FastifyServerOptions['logger'];
  /** The clock (tests). */
  now?: () => Date;
  /** Cost of new password hashes (tests lower it; default N = 2^15). */
  scrypt?: ScryptParams;
  /** The built web UI (default dist-web/ at the repository root). */
  webDir?: string;
  /** Secure cookie flag: true, false, or 'auto' (when the request came over HTTPS; the default). */
  secureCookie?: boolean | 'auto';
  /** Trust X-Forwarded-* from a reverse proxy (Fastify's trustProxy). */
  trustProxy?: boolean;
  /** Directory of the official 2025 unit list (default ../shared/data/dvhcvn-20250701 or DVHCVN_DIR). */
  dvhcvnDir?: string;
}

/** A registered route, as the route-coverage test sees it. */
export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}

export type App = FastifyInstance & { apiRoutes: RouteInfo[] };

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist-web/', import.meta.url));

/** Bodies above this are refused (413) except where a route raises it (workspace import). */
const BODY_LIMIT = 2 * 1024 * 1024;

export async function createApp(opts: CreateAppOptions): Promise<App> {
  if (opts.demo) await firstStart(opts.store, { demo: true, ...(opts.scrypt ? { scrypt: opts.scrypt } : {}), ...(opts.now ? { now: opts.now() } : {}) });
  const deps: ServerDeps = {
    db: opts.store.db,
    now: opts.now ?? (() => new Date()),
    scrypt: opts.scrypt ?? DEFAULT_SCRYPT,
    dvhcvnDir: opts.dvhcvnDir ?? resolveDvhcvnDir(undefined),
    catalogue: new CatalogueCache(),
    models: new ModelCache(),
    sessions: new SessionCache(),
  };
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT, trustProxy: opts.trustProxy ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('auth', null);

  // Every API route must say who may call it: a route without `access` is a bug caught at start-up.
  const apiRoutes: RouteInfo[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api') || r.url.startsWith('/api/docs')) return;
    const access = r.config?.access;
    if (access === undefined) throw new Error(`Route ${String(r.method)} ${r.url} has no config.access`);
    for (const m of ([] as HTTPMethods[]).concat(r.method)) apiRoutes.push({ method: m, url: r.url, access });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ECharts and React set style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind HTTPS, which a reverse proxy terminates (docs/server.md).
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'chitieu API', description: 'Theo dõi chỉ tiêu Nghị quyết (docs/api.md)', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'chitieu_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } as Record<string, unknown> });

  app.addHook('onRequest', authHook(deps));

  app.setErrorHandler((err, req, reply) => {
    const locale = localeOf(req.headers['accept-language']);
    const api = toApiError(err, locale);
    if (!api) {
      req.log.error({ err }, 'lỗi không mong đợi');
      if (!opts.logger) process.stderr.write(`Lỗi ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      return reply.code(500).send(new ApiError('internal').body(locale));
    }
    return reply.code(api.status).send(api.body(locale));
  });

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Máy chủ còn chạy' } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes, { deps, secureCookie: opts.secureCookie ?? 'auto' });
  await app.register(unitRoutes, { deps });
  await app.register(catalogueRoutes, { deps });
  await app.register(evaluationRoutes, { deps });
  await app.register(entryRoutes, { deps });
  await app.register(excelRoutes, { deps });
  await app.register(workspaceRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(readingRoutes, { deps });
  await app.register(reportRoutes, { deps });

  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      setHeaders: (res, path) => {
        // Vite names assets by content hash: they never change. index.html must always be fresh.
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });

  app.setNotFoundHandler((req, reply) => {
    const locale = localeOf(req.headers['accept-language']);
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api');
    if (!isPage) return reply.code(404).send(new ApiError('not_found').body(locale));
    // The single-page app routes itself: every other path gets index.html.
    if (hasWeb) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply
      .code(503)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>chitieu</title>' +
          '<p>Giao diện web chưa được dựng. Hãy chạy <code>npm run build:web</code> (hoặc <code>npm start</code>, lệnh này tự dựng) rồi tải lại trang.</p>' +
          '<p>API vẫn chạy: <a href="/api/docs">/api/docs</a>.</p></html>',
      );
  });

  await app.ready();
  return app as unknown as App;
}
