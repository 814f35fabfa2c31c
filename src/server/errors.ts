/**
 * Errors of the API: one typed error, one exhaustive map from its code to an HTTP status and a
 * default message, and one function turning anything thrown by the domain (core, store, workspace,
 * report) into it. Anything it does not recognise is a 500, logged by the error handler (app.ts).
 * Shape on the wire (docs/api.md): `{ error: { code, message, fields?, current? } }`.
 */
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EvaluationError } from '../core/evaluate.ts';
import { PeriodError } from '../core/periods.ts';
import { DvhcvnError } from '../dvhcvn/parse.ts';
import { ReportError } from '../report/model.ts';
import { StoreError } from '../store/errors.ts';
import { WorkspaceImportError } from '../workspace/import.ts';
import type { Locale, Msg } from './i18n.ts';

export type ApiErrorCode = 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'locked' | 'rate_limited' | 'internal';

/** The one map: code → status and default message. */
const CODES: Record<ApiErrorCode, { status: number; message: Msg }> = {
  validation: { status: 400, message: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' } },
  unauthenticated: { status: 401, message: { vi: 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn', en: 'Not signed in, or the session has expired' } },
  forbidden: { status: 403, message: { vi: 'Tài khoản không có quyền thực hiện thao tác này', en: 'This account may not do that' } },
  not_found: { status: 404, message: { vi: 'Không tìm thấy', en: 'Not found' } },
  conflict: { status: 409, message: { vi: 'Dữ liệu đã bị thay đổi hoặc bị trùng', en: 'The data changed meanwhile, or is a duplicate' } },
  locked: { status: 423, message: { vi: 'Kỳ báo cáo đã được duyệt và khóa', en: 'The period is approved and locked' } },
  rate_limited: { status: 429, message: { vi: 'Đăng nhập sai quá nhiều lần, hãy thử lại sau 15 phút', en: 'Too many failed sign-ins; try again in 15 minutes' } },
  internal: { status: 500, message: { vi: 'Lỗi hệ thống, đã được ghi lại', en: 'Internal error; it has been logged' } },
};

export const statusOf = (code: ApiErrorCode): number => CODES[code].status;

/** One problem with one field or cell. */
export interface FieldProblem {
  path: string;
  message: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly fields: FieldProblem[];
  /** 409 on a save: the cells as stored now. */
  readonly current: unknown[] | undefined;
  readonly msg: Partial<Msg>;

  constructor(
    readonly code: ApiErrorCode,
    msg: Partial<Msg> | string = {},
    extra: { fields?: FieldProblem[]; current?: unknown[]; cause?: unknown } = {},
  ) {
    const m = typeof msg === 'string' ? { vi: msg } : msg;
    super(m.vi ?? m.en ?? CODES[code].message.vi, { cause: extra.cause });
    this.msg = m;
    this.fields = extra.fields ?? [];
    this.current = extra.current;
  }

  get status(): number {
    return statusOf(this.code);
  }

  /** The message in a language: the specific one if it exists in that language, else the default. */
  localisedMessage(locale: Locale): string {
    if (locale === 'en') return this.msg.en ?? CODES[this.code].message.en;
    return this.msg.vi ?? CODES[this.code].message.vi;
  }

  body(locale: Locale): { error: { code: ApiErrorCode; message: string; fields?: FieldProblem[]; current?: unknown[] } } {
    return {
      error: {
        code: this.code,
        message: this.localisedMessage(locale),
        ...(this.fields.length ? { fields: this.fields } : {}),
        ...(this.current ? { current: this.current } : {}),
      },
    };
  }
}

/** `values[2].value` from a path. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

const EN = z.locales.en();

/** Zod issues → field problems; for English, zod's own messages are re-worded (custom ones stay Vietnamese). */
export function zodFields(issues: readonly z.core.$ZodIssue[], locale: Locale, prefix: readonly PropertyKey[] = []): FieldProblem[] {
  return issues.map((i) => ({
    path: formatFieldPath([...prefix, ...i.path]),
    message: locale === 'en' && i.code !== 'custom' ? (localise(i) ?? i.message) : i.message,
  }));
}

function localise(issue: z.core.$ZodIssue): string | undefined {
  const r = EN.localeError(issue as unknown as Parameters<typeof EN.localeError>[0]);
  return typeof r === 'string' ? r : r?.message;
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
  validation?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[];
}

/**
 * Whatever was thrown, as an ApiError; null when it is not ours to explain (a bug or an outage: the
 * handler logs it and answers 500).
 */
export function toApiError(e: unknown, locale: Locale): ApiError | null {
  if (e instanceof ApiError) return e;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const fields = e.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const issue = { ...v.params, code: v.keyword, path, message: v.message ?? '' } as unknown as z.core.$ZodIssue;
      return zodFields([issue], locale)[0]!;
    });
    return new ApiError('validation', {}, { fields });
  }
  if (e instanceof z.ZodError) return new ApiError('validation', {}, { fields: zodFields(e.issues, locale) });
  if (e instanceof WorkspaceImportError)
    return new ApiError('validation', { vi: `Tệp dữ liệu có ${e.issues.length} lỗi, không có gì được ghi`, en: `The file has ${e.issues.length} problems; nothing was written` }, {
      fields: e.issues.map((i) => ({ path: i.path, message: i.message })),
    });
  if (e instanceof PeriodError || e instanceof EvaluationError || e instanceof ReportError || e instanceof DvhcvnError)
    return new ApiError('validation', { vi: e.message });
  if (e instanceof StoreError) {
    switch (e.code) {
      case 'conflict':
        return new ApiError('conflict', { vi: e.message }, { cause: e });
      case 'not_found':
        return new ApiError('not_found', { vi: e.message });
      case 'locked':
      case 'open_failed':
        return null;
    }
  }
  const fe = e as FastifyLikeError;
  if (typeof fe === 'object' && fe !== null && typeof fe.statusCode === 'number') {
    // Fastify's own refusals: malformed JSON, body too large, unsupported media type, multipart limits.
    if (fe.statusCode === 429) return new ApiError('rate_limited');
    if (fe.statusCode === 404) return new ApiError('not_found');
    if (fe.statusCode >= 400 && fe.statusCode < 500) return new ApiError('validation', { vi: `Yêu cầu không hợp lệ: ${fe.message}`, en: `Bad request: ${fe.message}` });
  }
  return null;
}
