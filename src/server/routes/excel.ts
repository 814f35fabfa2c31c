/** The Excel entry template: download pre-filled, upload (validated whole, saved all or nothing as drafts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parsePeriod, periodCode } from '../../core/periods.ts';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { attachment } from '../download.ts';
import { ApiError } from '../errors.ts';
import { vietnamDate } from '../i18n.ts';
import { IdParam, PeriodParam } from '../schemas.ts';
import { entryGrid } from '../services/entry-grid.ts';
import { saveCells } from '../services/entry-save.ts';
import { buildTemplate, changedCells, readTemplate, TEMPLATE_SHEET } from '../services/template.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const excelRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  app.get(
    '/api/entry/template.xlsx',
    { config: { access: 'read' }, schema: { tags: ['entry'], summary: 'Tải mẫu nhập liệu Excel (đã điền số liệu hiện có)', querystring: z.object({ unitId: IdParam, period: PeriodParam }) } },
    async (req, reply) => {
      const grid = await entryGrid(deps.db, authOf(req), req.query, vietnamDate(deps.now()));
      return attachment(reply, { bytes: await buildTemplate(grid), fileName: `mau-nhap-${grid.unit.id}-${grid.period.code}.xlsx`, mediaType: XLSX });
    },
  );

  app.post(
    '/api/entry/template.xlsx',
    {
      config: { access: 'entry.write' },
      schema: {
        tags: ['entry'],
        summary: `Nộp mẫu Excel (multipart, trường "file"): kiểm tra toàn bộ trước, lưu nháp tất cả hoặc không`,
        querystring: z.object({ unitId: IdParam.optional(), period: PeriodParam.optional() }),
      },
    },
    async (req) => {
      const auth = authOf(req);
      const scope = await auth.scope();
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file || file.fieldname !== 'file')
        throw new ApiError('validation', {}, { fields: [{ path: 'file', message: 'Cần gửi tệp Excel trong trường "file" (multipart/form-data)' }] });
      const bytes = await file.toBuffer();
      const indicators = (await auth.catalogue()).indicatorsByCode;
      const upload = await readTemplate(bytes, indicators, { unitId: req.query.unitId, period: req.query.period ? periodCode(req.query.period) : undefined });
      scope.require(upload.unitId, ...upload.cells.map((c) => c.unitId));
      const period = parsePeriod(upload.period);
      const codes = [...new Set(upload.cells.map((c) => c.indicator))];
      const grid = await entryGrid(deps.db, auth, { unitId: upload.unitId, period, ...(codes.length ? { indicators: codes } : {}) }, vietnamDate(deps.now()));
      const changes = changedCells(upload, grid);
      const saved = await saveCells(
        deps.db,
        auth,
        { period, cells: changes.map((c) => ({ indicator: c.indicator, unitId: c.unitId, option: c.option, value: c.value, status: c.status, note: c.note, version: null })) },
        {
          now: deps.now(),
          checkVersions: false,
          reason: 'Nhập từ tệp Excel',
          pathOf: (i) => ({ path: changes[i]!.address, sheet: TEMPLATE_SHEET, row: changes[i]!.row, column: changes[i]!.column, message: '' }),
        },
      );
      return { saved: changes.length, unchanged: upload.cells.length - changes.length, cells: saved.cells };
    },
  );
};
