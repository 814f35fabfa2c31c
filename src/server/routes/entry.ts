/** Data entry: the grid, saving drafts, the approval workflow, the history of a figure. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { vietnamDate } from '../i18n.ts';
import { IdParam, PeriodParam } from '../schemas.ts';
import { entryGrid } from '../services/entry-grid.ts';
import { saveCells } from '../services/entry-save.ts';
import { runWorkflow, valueHistory, type WorkflowAction } from '../services/entry-workflow.ts';

const GridQuery = z.object({
  unitId: IdParam,
  period: PeriodParam,
  indicators: z
    .string()
    .optional()
    .describe('Mã chỉ số, cách nhau bởi dấu phẩy (mặc định: chỉ số của các Nghị quyết áp dụng)')
    .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined)),
});

const note = z
  .string()
  .max(2000)
  .nullable()
  .default(null)
  .transform((s) => (s && s.trim() ? s.trim().normalize('NFC') : null));

export const SaveCell = z.object({
  indicator: IdParam,
  unitId: IdParam,
  option: IdParam.nullable().default(null),
  value: z.number().refine(Number.isFinite, 'Phải là số hữu hạn'),
  status: z.enum(['thuc_hien', 'uoc', 'so_bo']).default('thuc_hien'),
  note,
  version: z.number().int().nullable().describe('Phiên bản lúc bắt đầu sửa; null cho ô mới'),
});
const SaveBody = z.object({ period: PeriodParam, cells: z.array(SaveCell).max(10_000) });
const UnitPeriod = z.object({ unitId: IdParam, period: PeriodParam });
const WithReason = UnitPeriod.extend({ reason: z.string().trim().min(1, 'Cần ghi lý do').max(2000) });

const ACTIONS: { action: WorkflowAction; access: 'entry.write' | 'entry.review'; summary: string; body: typeof UnitPeriod | typeof WithReason }[] = [
  { action: 'submit', access: 'entry.write', summary: 'Gửi số liệu nháp để duyệt', body: UnitPeriod },
  { action: 'approve', access: 'entry.review', summary: 'Duyệt và khóa kỳ của đơn vị', body: UnitPeriod },
  { action: 'return', access: 'entry.review', summary: 'Trả lại số liệu đã gửi, có lý do', body: WithReason },
  { action: 'reopen', access: 'entry.review', summary: 'Mở khóa kỳ đã duyệt, có lý do', body: WithReason },
];

export const entryRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  app.get(
    '/api/entry',
    { config: { access: 'read' }, schema: { tags: ['entry'], summary: 'Bảng nhập liệu của một kỳ', querystring: GridQuery } },
    async (req) => entryGrid(deps.db, authOf(req), req.query, vietnamDate(deps.now())),
  );

  app.put(
    '/api/entry',
    { config: { access: 'entry.write' }, schema: { tags: ['entry'], summary: 'Lưu nháp, tất cả hoặc không (409 khi có người lưu trước)', body: SaveBody } },
    async (req) => saveCells(deps.db, authOf(req), req.body, { now: deps.now(), checkVersions: true }),
  );

  for (const a of ACTIONS)
    app.post(
      `/api/entry/${a.action}`,
      { config: { access: a.access }, schema: { tags: ['entry'], summary: a.summary, body: a.body } },
      async (req) => runWorkflow(deps.db, authOf(req), a.action, req.body as z.output<typeof WithReason>, deps.now()),
    );

  app.get(
    '/api/values/:id/history',
    { config: { access: 'read' }, schema: { tags: ['entry'], summary: 'Lịch sử sửa của một số liệu', params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (req) => valueHistory(deps.db, authOf(req), req.params.id),
  );
};
