/** The audit log, filtered and paged, limited to the reader's units. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../store/audit.ts';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { IdParam } from '../schemas.ts';

export const AUDIT_PAGE_SIZE = 50;

/** A date is a whole day in Vietnam (UTC+7); an instant is taken as is. */
const instant = (end: boolean) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T.+)?$/, 'Ngày YYYY-MM-DD hoặc thời điểm ISO 8601')
    .transform((s, ctx) => {
      const d = new Date(s.length === 10 ? `${s}T${end ? '23:59:59.999' : '00:00:00'}+07:00` : s);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'Ngày không tồn tại' });
        return z.NEVER;
      }
      return d;
    });

const Query = z.object({
  from: instant(false).optional(),
  to: instant(true).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(300).optional(),
  unitId: IdParam.optional(),
  page: z.coerce.number().int().min(1).default(1),
});

export const auditRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  app.get(
    '/api/audit',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: 'Nhật ký thay đổi', querystring: Query } },
    async (req) => {
      const auth = authOf(req);
      const scope = await auth.scope();
      const { page, ...f } = req.query;
      scope.require(f.unitId);
      const result = await listAudit(
        deps.db,
        {
          ...f,
          visibleUnitIds: [...scope.ids],
          // Changes without a unit: the catalogue for everyone who reads the log; accounts for administrators only.
          unitlessEntities: auth.user.role === 'quan_tri' ? 'all' : ['indicator', 'unit', 'workspace'],
        },
        { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE },
      );
      return { ...result, page, pageSize: AUDIT_PAGE_SIZE };
    },
  );
};
