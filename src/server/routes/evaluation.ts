/** The dashboard: evaluation, one target's history and breakdown, the table as XLSX. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { IdParam, PeriodParam } from '../schemas.ts';
import { evaluate, evaluationXlsx, targetHistory } from '../services/evaluation.ts';
import { attachment } from '../download.ts';

const Query = z.object({ unitId: IdParam, period: PeriodParam, resolutionId: IdParam.optional().describe('Mặc định: Nghị quyết đang áp dụng cho kỳ') });

export const evaluationRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app) => {
  app.get(
    '/api/evaluation',
    { config: { access: 'read' }, schema: { tags: ['dashboard'], summary: 'Đánh giá chỉ tiêu (như evaluate --json, docs/evaluate-json.md)', querystring: Query } },
    async (req) => evaluate(authOf(req), req.query),
  );

  app.get(
    '/api/evaluation/target',
    {
      config: { access: 'read' },
      schema: { tags: ['dashboard'], summary: 'Một chỉ tiêu qua các năm và theo đơn vị trực thuộc', querystring: Query.extend({ resolutionId: IdParam, targetId: IdParam }) },
    },
    async (req) => targetHistory(authOf(req), req.query),
  );

  app.get(
    '/api/evaluation.xlsx',
    { config: { access: 'read' }, schema: { tags: ['dashboard'], summary: 'Bảng đánh giá dạng XLSX', querystring: Query } },
    async (req, reply) => {
      const file = await evaluationXlsx(authOf(req), req.query);
      return attachment(reply, file);
    },
  );
};
