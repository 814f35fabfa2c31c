/** The workspace file (docs/workspace-format.md): export of the caller's scope, import. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { exportScoped, importScoped } from '../services/workspace.ts';

export const workspaceRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  app.get(
    '/api/workspace',
    { config: { access: 'workspace.read' }, schema: { tags: ['workspace'], summary: 'Xuất tệp dữ liệu (trong phạm vi tài khoản, số liệu đã duyệt)' } },
    async (req, reply) => {
      const ws = await exportScoped(deps.db, authOf(req));
      return reply.header('content-disposition', 'attachment; filename="chitieu-workspace.json"').send(ws);
    },
  );

  app.post(
    '/api/workspace',
    {
      config: { access: 'workspace.write' },
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags: ['workspace'],
        summary: 'Nhập tệp dữ liệu: kiểm tra toàn bộ, ghi tất cả hoặc không',
        querystring: z.object({ replace: z.enum(['true', 'false']).default('false').describe('Ghi đè dữ liệu đã có') }),
        body: z.unknown().describe('Tệp dữ liệu JSON (docs/workspace-format.md)'),
      },
    },
    async (req) => importScoped(deps.db, authOf(req), req.body, { replace: req.query.replace === 'true', now: deps.now() }),
  );
};
