/**
 * Reading a report text (trang "Đọc văn bản", docs/api.md): analyse pasted or uploaded text, import
 * chosen figures as drafts with their provenance. Everyone signed in may analyse; importing is for the
 * roles that enter figures and the office (checked in the service, since the office cannot use the
 * entry grid's permission).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { vietnamDate } from '../i18n.ts';
import { IdParam, PeriodParam } from '../schemas.ts';
import { analyse, importDrafts, MAX_TEXT_CHARS, textOfFile, valueWithSource } from '../services/reading.ts';

const AnalyseBody = z.object({ text: z.string().max(MAX_TEXT_CHARS, `Văn bản quá dài (tối đa ${MAX_TEXT_CHARS} ký tự)`) });

const ImportRowSchema = z.object({
  indicator: IdParam,
  unitId: IdParam,
  period: PeriodParam,
  value: z.number().refine(Number.isFinite, 'Phải là số hữu hạn'),
  status: z.enum(['thuc_hien', 'uoc', 'so_bo']).default('thuc_hien'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string().max(2000).default(''),
});
const ImportBody = z.object({
  document: z.string().trim().min(1, 'Cần tên văn bản (nguồn số liệu)').max(500),
  rows: z.array(ImportRowSchema).min(1, 'Chưa chọn số liệu nào').max(1000),
});

export const readingRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  app.post(
    '/api/reading/analyze',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['reading'],
        summary: 'Đọc số liệu và kiểm tra số học trong văn bản: JSON { text } hoặc multipart (trường "file", .txt UTF-8 hoặc .docx)',
      },
    },
    async (req) => {
      const auth = authOf(req);
      let text: string;
      if (req.isMultipart()) {
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw new ApiError('validation', {}, { fields: [{ path: 'file', message: 'Cần gửi tệp .txt hoặc .docx trong trường "file" (multipart/form-data)' }] });
        text = await textOfFile(file.filename, await file.toBuffer());
      } else text = AnalyseBody.parse(req.body ?? {}).text;
      return analyse(auth, text, vietnamDate(deps.now()));
    },
  );

  app.post(
    '/api/reading/import',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['reading'], summary: 'Nhập số liệu đã chọn làm số liệu nháp (tất cả hoặc không; 409 khi đã có số liệu, không ghi đè)', body: ImportBody },
    },
    async (req) => importDrafts(deps.db, authOf(req), req.body, deps.now()),
  );

  app.get(
    '/api/reading/values/:id',
    { config: { access: 'read' }, schema: { tags: ['reading'], summary: 'Một số liệu với nguồn (văn bản, vị trí, trích dẫn)', params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (req) => valueWithSource(deps.db, authOf(req), req.params.id),
  );
};
