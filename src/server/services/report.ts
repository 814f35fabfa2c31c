/**
 * Báo cáo on the web: the report model as JSON for the preview, the values behind a number, the
 * free-text parts (saved apart from the figures, so they survive every regeneration), and the report
 * as DOCX, XLSX or PDF built with them. Same path as `chitieu report`: the model comes from the
 * request's cache (AuthContext.model, the same one the dashboard uses), `buildReport` does the rest.
 */
import type { Kysely } from 'kysely';
import { findGoverningResolution } from '../../core/evaluate.ts';
import { type Period, parsePeriod, periodCode, periodLabel } from '../../core/periods.ts';
import type { Resolution } from '../../core/resolutions.ts';
import { unitDisplayName } from '../../core/units.ts';
import {
  type ChromiumSession,
  type FreeText,
  type Report,
  buildReport,
  createRenderer,
  documentNumberLine,
  placeDateLine,
  reportYears,
  resolutionCitation,
} from '../../report/index.ts';
import { insertAudit } from '../../store/audit.ts';
import { findValuesByIds, getReportNotes, type ReportNotes, saveReportNotes } from '../../store/reports.ts';
import type { DB } from '../../store/tables.ts';
import type { AuthContext } from '../auth/context.ts';
import { ApiError } from '../errors.ts';
import { auditBy } from './audit.ts';
import { withTextSheet } from './report-xlsx.ts';

export interface ReportQuery {
  unitId: string;
  period: Period;
  resolutionId?: string;
}


/** Scope first, then the cached model, then the resolution (named, else governing; its issuer in scope). */
async function resolve(auth: AuthContext, q: ReportQuery) {
  const scope = await auth.scope();
  scope.require(q.unitId);
  const [y0, y1] = reportYears(q.period);
  const model = await auth.model(q.unitId, y0, y1);
  const unit = model.ctx.units.get(q.unitId);
  if (!unit) throw new ApiError('not_found', { vi: `Không có đơn vị "${q.unitId}"`, en: `No unit "${q.unitId}"` });
  let r: Resolution | undefined;
  if (q.resolutionId) {
    r = model.resolutions.find((x) => x.id === q.resolutionId) ?? model.resolutions.find((x) => x.number === q.resolutionId);
    if (!r) throw new ApiError('not_found', { vi: `Không có Nghị quyết "${q.resolutionId}"`, en: `No resolution "${q.resolutionId}"` });
  } else {
    r = findGoverningResolution(model.resolutions, [unit.id, ...(unit.counterpartId ? [unit.counterpartId] : [])], q.period) ?? undefined;
    if (!r)
      throw new ApiError('not_found', {
        vi: `Không có Nghị quyết nào của ${unitDisplayName(unit)} áp dụng cho ${periodLabel(q.period)}`,
        en: `No resolution of this unit covers ${periodCode(q.period)}`,
      });
  }
  scope.require(r.issuerId);
  return { scope, model, unit, resolution: r };
}

const notesKey = (q: ReportQuery, resolutionId: string) => ({ unitId: q.unitId, period: periodCode(q.period), resolutionId });

/** The report built with the saved free text. */
export async function loadReport(auth: AuthContext, db: Kysely<DB>, q: ReportQuery, opts: { charts?: boolean } = {}): Promise<{ report: Report; notes: ReportNotes | null }> {
  const { model, resolution } = await resolve(auth, q);
  const notes = await getReportNotes(db, notesKey(q, resolution.id));
  const report = buildReport(model, {
    unitId: q.unitId,
    period: q.period,
    resolutionId: resolution.id,
    freeText: notes?.freeText ?? {},
    ...(opts.charts === false ? { charts: { max: 0, byChildUnit: false } } : {}),
  });
  return { report, notes };
}

/** What the preview shows: the title block, the prose with its traced numbers, the appendix, the saved free text. */
export function reportView(report: Report, notes: ReportNotes | null) {
  const l = report.layout;
  return {
    unit: report.unit,
    period: { code: report.period.code, label: report.period.label },
    resolution: { ...report.resolution, citation: resolutionCitation(report.resolution) },
    header: {
      standard: l.standard,
      superior: l.header.superior,
      issuer: l.header.issuer,
      numberLine: documentNumberLine(l),
      placeDate: placeDateLine(l.place, l.date, l.blankDateYear),
      docType: l.docType,
      summary: l.summary,
      signature: l.signature,
      recipients: l.recipients,
    },
    summary: report.evaluation.summary,
    intro: report.intro,
    introFree: report.introFree,
    sections: report.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.kind !== 'chart') })),
    appendix: report.appendix,
    freeText: notes?.freeText ?? {},
    notesUpdatedAt: notes?.updatedAt ?? null,
    notesUpdatedBy: notes?.updatedBy ?? null,
  };
}

/** The values behind a number: every id must exist and lie in the caller's scope (else 403, same answer for both). */
export async function reportSources(auth: AuthContext, db: Kysely<DB>, ids: readonly string[]) {
  const numeric = ids.map((s) => Number(s));
  const forbidden = () =>
    new ApiError('forbidden', { vi: 'Có số liệu không thuộc phạm vi của tài khoản hoặc không tồn tại', en: 'Some values are outside this account\'s scope or do not exist' });
  if (numeric.some((n) => !Number.isSafeInteger(n) || n <= 0)) throw forbidden();
  const [scope, catalogue, values] = await Promise.all([auth.scope(), auth.catalogue(), findValuesByIds(db, numeric)]);
  if (values.length !== new Set(numeric).size || values.some((v) => !scope.has(v.unitId))) throw forbidden();
  const unitName = new Map(catalogue.units.map((u) => [u.id, unitDisplayName(u)]));
  return {
    values: values.map((v) => {
      const ind = catalogue.indicatorsByCode.get(v.indicator);
      let label: string;
      try {
        label = periodLabel(parsePeriod(v.period));
      } catch {
        label = v.period;
      }
      return {
        id: v.id,
        indicator: v.indicator,
        indicatorName: ind?.name ?? v.indicator,
        measureUnit: ind?.measureUnit ?? '',
        unitId: v.unitId,
        unitName: unitName.get(v.unitId) ?? v.unitId,
        period: v.period,
        periodLabel: label,
        option: v.option,
        optionLabel: v.option ? (ind?.disaggregation?.options.find((o) => o.code === v.option)?.label ?? v.option) : null,
        value: v.value,
        status: v.status,
        state: v.state,
        note: v.note,
        source: v.source,
        updatedAt: v.updatedAt,
        updatedBy: v.updatedBy,
      };
    }),
  };
}

/** Saves the free text of a report (văn phòng, quản trị), audited in the same transaction. */
export async function saveNotes(auth: AuthContext, db: Kysely<DB>, now: Date, q: ReportQuery & { resolutionId: string; freeText: FreeText }): Promise<ReportNotes> {
  const { resolution } = await resolve(auth, q);
  const key = notesKey(q, resolution.id);
  return db.transaction().execute(async (trx) => {
    const before = await getReportNotes(trx, key);
    const saved = await saveReportNotes(trx, key, q.freeText, { at: now, by: auth.user.username });
    await insertAudit(trx, [
      auditBy(auth, now, {
        action: before ? 'update' : 'create',
        // AuditEntity has no report entry yet (src/store/audit.ts belongs to the server work): the
        // value is stored as text and shown as is.
        entity: 'report_notes' as 'unit_period',
        entityId: `${key.unitId}|${key.period}|${key.resolutionId}`,
        unitId: key.unitId,
        before: before?.freeText ?? null,
        after: saved.freeText,
      }),
    ]);
    return saved;
  });
}

export type FileFormat = 'docx' | 'xlsx' | 'pdf';

const MEDIA: Record<FileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** "Báo cáo huyện Ngân Sơn năm 2024.docx": characters no file system accepts become "-". */
export function reportFileName(report: Report, format: FileFormat): string {
  const base = `Báo cáo ${report.unit.name} ${report.period.label}`
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return `${base}.${format}`;
}

/**
 * The report as a file, with the saved free text. Charts need Chromium (SVG rasterised for Word, the PDF
 * printed by it): a PDF fails without it (the route answers 503); a DOCX is then written without charts.
 */
export async function reportFile(
  auth: AuthContext,
  db: Kysely<DB>,
  q: ReportQuery,
  format: FileFormat,
  chromium: () => Promise<ChromiumSession>,
): Promise<{ bytes: Uint8Array; fileName: string; mediaType: string }> {
  let session: ChromiumSession | undefined;
  if (format === 'pdf') session = await chromium();
  else if (format === 'docx')
    // Only the browser's start is caught here: the DOCX is complete without its charts, and the same
    // failure is reported (503) on the next PDF request.
    session = await chromium().catch(() => undefined);
  const charts = session !== undefined;
  const { report } = await loadReport(auth, db, q, { charts });
  const out = await createRenderer(format, { charts, ...(session ? { chromium: session } : {}) }).render(report);
  let bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
  if (format === 'xlsx') bytes = await withTextSheet(bytes, report);
  return { bytes, fileName: reportFileName(report, format), mediaType: MEDIA[format] };
}
