/** Units: list and search in scope, detail, create and edit, the official 2025 list, yearly history. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { treeOfKind } from '../../core/units.ts';
import { listUnits } from '../../store/units.ts';
import { UnitSchema } from '../../workspace/schema.ts';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { vietnamDate } from '../i18n.ts';
import { COMMON_ERRORS, IdParam, IsoDate, UnitViewSchema } from '../schemas.ts';
import { applyDvhcvn, saveUnit, unitDetail, unitHistory } from '../services/units.ts';
import { unitView } from '../services/unit-views.ts';

const ListQuery = z.object({
  at: IsoDate.optional().describe('Chỉ các đơn vị còn hiệu lực vào ngày này; cấp trên tính theo ngày này (mặc định hôm nay)'),
  search: z.string().max(200).optional().describe('Tìm theo tên không dấu, mã hoặc id'),
  tree: z.enum(['state', 'party']).optional(),
});
const Id = z.object({ id: IdParam });
const year = z.coerce.number().int().min(1945).max(2200);

export const unitRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  const today = () => vietnamDate(deps.now());

  app.get(
    '/api/units',
    { config: { access: 'read' }, schema: { tags: ['units'], summary: 'Đơn vị trong phạm vi', querystring: ListQuery, response: { 200: z.object({ units: z.array(UnitViewSchema) }), ...COMMON_ERRORS } } },
    async (req) => {
      const scope = await authOf(req).scope();
      const { at, search, tree } = req.query;
      const units = await listUnits(deps.db, { ...(at ? { at } : {}), ...(search ? { search } : {}) });
      return { units: units.filter((u) => scope.has(u.id) && (!tree || treeOfKind(u.kind) === tree)).map((u) => unitView(u, at ?? today())) };
    },
  );

  app.get(
    '/api/units/:id',
    { config: { access: 'read' }, schema: { tags: ['units'], summary: 'Chi tiết đơn vị', params: Id, querystring: z.object({ at: IsoDate.optional() }) } },
    async (req) => unitDetail(authOf(req), req.params.id, req.query.at ?? today()),
  );

  app.post(
    '/api/units',
    { config: { access: 'catalogue.write' }, schema: { tags: ['units'], summary: 'Thêm đơn vị', body: UnitSchema, response: { 201: z.object({ unit: UnitViewSchema }), ...COMMON_ERRORS } } },
    async (req, reply) => {
      const auth = authOf(req);
      const unit = await saveUnit(deps.db, auth, await auth.scope(), req.body, 'create', deps.now(), today());
      return reply.code(201).send({ unit });
    },
  );

  app.put(
    '/api/units/:id',
    {
      config: { access: 'catalogue.write' },
      schema: { tags: ['units'], summary: 'Sửa đơn vị', params: Id, body: UnitSchema.omit({ id: true }), response: { 200: z.object({ unit: UnitViewSchema }), ...COMMON_ERRORS } },
    },
    async (req) => {
      const auth = authOf(req);
      return { unit: await saveUnit(deps.db, auth, await auth.scope(), { ...req.body, id: req.params.id }, 'update', deps.now(), today()) };
    },
  );

  app.post(
    '/api/units/dvhcvn',
    {
      config: { access: 'units.dvhcvn' },
      schema: { tags: ['units'], summary: 'Áp dụng danh mục đơn vị hành chính chính thức từ 01/7/2025', body: z.object({ province: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số').optional() }) },
    },
    async (req) => applyDvhcvn(deps.db, authOf(req), { dir: deps.dvhcvnDir, province: req.body.province, now: deps.now() }),
  );

  app.get(
    '/api/units/:id/history',
    {
      config: { access: 'read' },
      schema: {
        tags: ['units'],
        summary: 'Số liệu từng năm của một đơn vị (kể cả dựng lại từ đơn vị cũ)',
        params: Id,
        querystring: z.object({ indicator: IdParam, from: year.optional(), to: year.optional() }),
      },
    },
    async (req) => {
      const to = req.query.to ?? Number(today().slice(0, 4));
      const from = req.query.from ?? to - 5;
      return unitHistory(authOf(req), { unitId: req.params.id, indicator: req.query.indicator, from: Math.min(from, to), to });
    },
  );
};
