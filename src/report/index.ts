/**
 * Progress reports (báo cáo kết quả thực hiện Nghị quyết): the model, built once from an evaluation, and
 * its renderers behind one interface.
 *
 * @example
 * const report = buildReport(model, { unitId, period: parsePeriod('2024'), document: { number: '123' } });
 * const bytes = await createRenderer('docx').render(report);
 */
import type { ChromiumSession } from './render/chromium.ts';
import { chromiumRasterizer } from './render/chromium.ts';
import { briefRenderer } from './render/brief.ts';
import { createDocxRenderer } from './render/docx.ts';
import { createHtmlRenderer } from './render/html.ts';
import { markdownRenderer } from './render/markdown.ts';
import { createPdfRenderer } from './render/pdf.ts';
import type { ReportFormat, ReportRenderer } from './render/types.ts';
import { xlsxRenderer } from './render/xlsx.ts';

export { buildReport, followingPeriod, reportYears, type BuildReportOptions } from './build.ts';
export { buildBrief, briefSentences, renderBriefText, type Brief } from './brief.ts';
export * from './layout.ts';
export * from './model.ts';
export type { Sentence, TracedNumber, LabelSpan, NumberKind, NumberDisplay } from './sentence.ts';
export { resolutionCitation } from './sentence.ts';
export { checkTrace, reportSentences } from './trace.ts';
export { openChromium, type ChromiumSession } from './render/chromium.ts';
export type { ReportFormat, ReportRenderer, Rasterizer } from './render/types.ts';

export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'xlsx', 'pdf', 'md', 'html', 'brief'];

/** Formats that need Chromium: PDF always; DOCX for its chart images. */
export const needsChromium = (f: ReportFormat, charts: boolean): boolean => f === 'pdf' || (f === 'docx' && charts);

/**
 * The renderer of a format. Pass a Chromium session for PDF (else one is started per render) and for
 * charts in DOCX (else DOCX has no charts).
 */
export function createRenderer(format: ReportFormat, deps: { chromium?: ChromiumSession; charts?: boolean } = {}): ReportRenderer {
  const charts = deps.charts ?? true;
  switch (format) {
    case 'docx':
      return createDocxRenderer(deps.chromium && charts ? { rasterize: chromiumRasterizer(deps.chromium) } : {});
    case 'xlsx':
      return xlsxRenderer;
    case 'pdf':
      return createPdfRenderer({ charts, ...(deps.chromium ? { session: deps.chromium } : {}) });
    case 'md':
      return markdownRenderer;
    case 'html':
      return createHtmlRenderer({ charts });
    case 'brief':
      return briefRenderer;
  }
}
