/**
 * zod schemas shared by several routes (the OpenAPI document is generated from them). Domain bodies
 * reuse the workspace schemas (src/workspace/schema.ts).
 */
import { z } from 'zod';
import { type Period, parsePeriod, PeriodError } from '../core/periods.ts';
import { UNIT_KINDS } from '../core/units.ts';
import { ROLES } from '../store/users.ts';

/** A period as a code or a Vietnamese label ("2024", "quý I/2025"), parsed. */
export const PeriodParam = z
  .string()
  .min(1, 'Không được để trống')
  .describe('Kỳ: mã ("2024", "2025-Q1") hoặc nhãn tiếng Việt ("quý I/2025", "6 tháng đầu năm 2024")')
  .transform((s, ctx): Period => {
    try {
      return parsePeriod(s);
    } catch (e) {
      if (!(e instanceof PeriodError)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message });
      return z.NEVER;
    }
  });

export const IdParam = z.string().min(1).max(200);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải viết dạng YYYY-MM-DD');

export const PeriodView = z.object({ code: z.string(), label: z.string() });

export const UnitViewSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  displayName: z.string(),
  kind: z.enum(Object.keys(UNIT_KINDS) as [keyof typeof UNIT_KINDS]),
  tree: z.enum(['state', 'party']),
  level: z.number(),
  parentId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  counterpartId: z.string().nullable(),
});

export const RoleSchema = z.enum(ROLES as [(typeof ROLES)[number], ...(typeof ROLES)[number][]]);

export const UserViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  unitIds: z.array(z.string()),
  locale: z.string().nullable(),
  active: z.boolean(),
});

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(['validation', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'locked', 'rate_limited', 'internal']),
      message: z.string(),
      fields: z
        .array(z.object({ path: z.string(), message: z.string(), sheet: z.string().optional(), row: z.number().optional(), column: z.string().optional() }))
        .optional(),
      current: z.array(z.unknown()).optional(),
    }),
  })
  .describe('Lỗi (docs/api.md): thông báo tiếng Việt, tiếng Anh khi Accept-Language: en');

/** Error responses every signed-in route may give (for the OpenAPI document). */
export const COMMON_ERRORS = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } as const;

export const Ok204 = z.null().describe('Không có nội dung');
