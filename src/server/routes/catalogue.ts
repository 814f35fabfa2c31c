/** The catalogue: indicators, resolutions and their targets (bodies use the workspace schemas). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IndicatorSchema, ResolutionSchema, TargetSchema } from '../../workspace/schema.ts';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { IdParam } from '../schemas.ts';
import { changeTarget, createResolution, getResolutionInScope, listResolutionsInScope, saveIndicator, updateResolution } from '../services/catalogue.ts';

const ResolutionUpdate = ResolutionSchema.omit({ id: true, targets: true }).extend({
  targets: z.array(TargetSchema).optional().describe('Khi có: thay toàn bộ danh sách chỉ tiêu; khi không: giữ nguyên'),
});
const ResolutionId = z.object({ id: IdParam });
const TargetParams = z.object({ id: IdParam, targetId: IdParam });

export const catalogueRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  app.get('/api/indicators', { config: { access: 'read' }, schema: { tags: ['catalogue'], summary: 'Danh mục chỉ số' } }, async (req) => ({
    indicators: (await authOf(req).catalogue()).indicators,
  }));

  app.post(
    '/api/indicators',
    { config: { access: 'catalogue.write' }, schema: { tags: ['catalogue'], summary: 'Thêm chỉ số', body: IndicatorSchema } },
    async (req, reply) => reply.code(201).send({ indicator: await saveIndicator(deps.db, authOf(req), req.body, 'create', deps.now()) }),
  );

  app.put(
    '/api/indicators/:code',
    {
      config: { access: 'catalogue.write' },
      schema: { tags: ['catalogue'], summary: 'Sửa chỉ số', params: z.object({ code: IdParam }), body: IndicatorSchema.omit({ code: true }) },
    },
    async (req) => ({ indicator: await saveIndicator(deps.db, authOf(req), { ...req.body, code: req.params.code }, 'update', deps.now()) }),
  );

  app.get(
    '/api/resolutions',
    {
      config: { access: 'read' },
      schema: { tags: ['catalogue'], summary: 'Nghị quyết trong phạm vi (của một đơn vị khi có unitId)', querystring: z.object({ unitId: IdParam.optional() }) },
    },
    async (req) => {
      const list = await listResolutionsInScope(authOf(req), req.query.unitId);
      return { resolutions: list.map(({ targets, ...r }) => ({ ...r, targetCount: targets.length })) };
    },
  );

  app.get(
    '/api/resolutions/:id',
    { config: { access: 'read' }, schema: { tags: ['catalogue'], summary: 'Nghị quyết và các chỉ tiêu', params: ResolutionId } },
    async (req) => ({ resolution: await getResolutionInScope(authOf(req), req.params.id) }),
  );

  app.post(
    '/api/resolutions',
    { config: { access: 'catalogue.write' }, schema: { tags: ['catalogue'], summary: 'Thêm Nghị quyết', body: ResolutionSchema } },
    async (req, reply) => {
      const auth = authOf(req);
      return reply.code(201).send({ resolution: await createResolution(deps.db, auth, await auth.scope(), req.body, deps.now()) });
    },
  );

  app.put(
    '/api/resolutions/:id',
    {
      config: { access: 'catalogue.write' },
      schema: { tags: ['catalogue'], summary: 'Sửa Nghị quyết (kể cả cách đánh giá)', params: ResolutionId, body: ResolutionUpdate },
    },
    async (req) => {
      const auth = authOf(req);
      return { resolution: await updateResolution(deps.db, auth, await auth.scope(), req.params.id, req.body, deps.now()) };
    },
  );

  app.post(
    '/api/resolutions/:id/targets',
    { config: { access: 'catalogue.write' }, schema: { tags: ['catalogue'], summary: 'Thêm chỉ tiêu', params: ResolutionId, body: TargetSchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const resolution = await changeTarget(deps.db, auth, await auth.scope(), req.params.id, { kind: 'create', target: req.body }, deps.now());
      return reply.code(201).send({ resolution });
    },
  );

  app.put(
    '/api/resolutions/:id/targets/:targetId',
    {
      config: { access: 'catalogue.write' },
      schema: { tags: ['catalogue'], summary: 'Sửa chỉ tiêu', params: TargetParams, body: TargetSchema.omit({ id: true }) },
    },
    async (req) => {
      const auth = authOf(req);
      const target = { ...req.body, id: req.params.targetId };
      return { resolution: await changeTarget(deps.db, auth, await auth.scope(), req.params.id, { kind: 'update', target }, deps.now()) };
    },
  );

  app.delete(
    '/api/resolutions/:id/targets/:targetId',
    { config: { access: 'catalogue.write' }, schema: { tags: ['catalogue'], summary: 'Xóa chỉ tiêu (204)', params: TargetParams } },
    async (req, reply) => {
      const auth = authOf(req);
      await changeTarget(deps.db, auth, await auth.scope(), req.params.id, { kind: 'delete', targetId: req.params.targetId }, deps.now());
      return reply.code(204).send();
    },
  );
};
