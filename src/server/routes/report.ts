/**
 * Báo cáo: the report model for the preview, the values behind a number, the free-text parts, and the
 * report as DOCX, XLSX or PDF (docs/api.md, "Báo cáo"). Chromium (PDF only) is started on the first
 * PDF and kept for the life of the server; it is closed with the app.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ChromiumSession, openChromium } from '../../report/index.ts';
import { authOf } from '../auth/hook.ts';
import type { ServerDeps } from '../deps.ts';
import { localeOf } from '../i18n.ts';
import { IdParam, PeriodParam } from '../schemas.ts';
import { loadReport, reportFile, reportSources, reportView, saveNotes } from '../services/report.ts';

const Query = z.object({ unitId: IdParam, period: PeriodParam, resolutionId: IdParam.optional().describe('Mặc định: Nghị quyết đang áp dụng cho kỳ') });

const Text = z.string().max(20_000, 'Tối đa 20.000 ký tự');
const FreeTextSchema = z
  .object({
    intro: Text.optional().describe('Mở đầu'),
    achievements: Text.optional().describe('Kết quả khác (cuối mục I)'),
    limitations: Text.optional().describe('Tồn tại, hạn chế (mục II)'),
    causes: Text.optional().describe('Nguyên nhân (mục II)'),
    directions: Text.optional().describe('Phương hướng, nhiệm vụ (mục III)'),
    proposals: Text.optional().describe('Kiến nghị, đề xuất (mục IV)'),
  })
  .strict();

const NotesBody = z.object({ unitId: IdParam, period: PeriodParam, resolutionId: IdParam, freeText: FreeTextSchema }).strict();

const SourcesQuery = z.object({
  ids: z
    .string()
    .min(1)
    .max(4000)
    .describe('Mã số liệu, cách nhau bởi dấu phẩy: 1,2,3')
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .refine((a) => a.length > 0 && a.length <= 500, 'Từ 1 đến 500 mã số liệu'),
});

/** RFC 6266 / 5987: an ASCII fallback ("đ" → "d", accents dropped) and the UTF-8 name in filename*. */
function sendFile(reply: FastifyReply, file: { bytes: Uint8Array; fileName: string; mediaType: string }) {
  const ascii = file.fileName
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\;]/g, '')
    .replace(/\s+/g, '-');
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.bytes));
}

/** Chromium could not start: the PDF is unavailable, the other formats are not. */
class ChromiumUnavailable extends Error {}

export const reportRoutes: FastifyPluginAsyncZod<{ deps: ServerDeps }> = async (app, { deps }) => {
  let chromium: Promise<ChromiumSession> | null = null;
  const browser = (): Promise<ChromiumSession> => {
    chromium ??= openChromium().catch((e: unknown) => {
      chromium = null; // try again on the next PDF (Chromium may be installed meanwhile)
      throw new ChromiumUnavailable(e instanceof Error ? e.message : String(e));
    });
    return chromium;
  };
  app.addHook('onClose', async () => {
    const c = chromium;
    chromium = null;
    // A browser that never started has nothing to close: its start failure was reported to the request.
    if (c) await c.then((s) => s.close()).catch(() => undefined);
  });

  app.get(
    '/api/report',
    { config: { access: 'read' }, schema: { tags: ['report'], summary: 'Báo cáo: nội dung để xem trước (câu, số liệu truy nguồn, phụ lục, phần tự viết)', querystring: Query } },
    async (req) => {
      const { report, notes } = await loadReport(authOf(req), deps.db, req.query, { charts: false });
      return reportView(report, notes);
    },
  );

  app.get(
    '/api/report/sources',
    { config: { access: 'read' }, schema: { tags: ['report'], summary: 'Số liệu đứng sau một con số của báo cáo (chỉ trong phạm vi tài khoản)', querystring: SourcesQuery } },
    async (req) => reportSources(authOf(req), deps.db, req.query.ids),
  );

  app.put(
    '/api/report/notes',
    {
      // Same roles as the catalogue: văn phòng and quản trị (docs/api.md).
      config: { access: 'catalogue.write' },
      schema: { tags: ['report'], summary: 'Lưu phần tự viết của báo cáo (văn phòng, quản trị)', body: NotesBody },
    },
    async (req) => saveNotes(authOf(req), deps.db, deps.now(), req.body),
  );

  app.get(
    '/api/report/file',
    {
      config: { access: 'read' },
      schema: { tags: ['report'], summary: 'Tải báo cáo DOCX, XLSX hoặc PDF (kèm phần tự viết đã lưu)', querystring: Query.extend({ format: z.enum(['docx', 'xlsx', 'pdf']) }) },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      try {
        return sendFile(reply, await reportFile(authOf(req), deps.db, q, format, browser));
      } catch (e) {
        if (!(e instanceof ChromiumUnavailable)) throw e;
        req.log.warn({ err: e }, 'không khởi động được Chromium');
        const en = localeOf(req.headers['accept-language']) === 'en';
        return reply.code(503).send({
          error: {
            code: 'unavailable',
            message: en
              ? 'PDF is unavailable: the server cannot start Chromium. Download DOCX instead, or ask the administrator to install Chromium.'
              : 'Chưa tạo được PDF: máy chủ không khởi động được Chromium. Hãy tải bản DOCX, hoặc đề nghị quản trị cài Chromium.',
          },
        });
      }
    },
  );
};
