/**
 * PDF through Chromium from the HTML renderer: the same text, charts and layout, printed with the CSS
 * @page rules (A4, margins of the layout, landscape appendix, page numbers from page 2).
 */
import type { Report } from '../model.ts';
import { type ChromiumSession, openChromium } from './chromium.ts';
import { type HtmlOptions, renderHtml } from './html.ts';
import type { ReportRenderer } from './types.ts';

export interface PdfRendererOptions extends HtmlOptions {
  /** A running session to reuse (several reports, a server); otherwise one is started per render. */
  session?: ChromiumSession;
  executablePath?: string;
}

/** Renders the report to PDF bytes. */
export async function renderPdf(r: Report, opts: PdfRendererOptions = {}): Promise<Uint8Array> {
  const html = await renderHtml(r, opts);
  if (opts.session) return opts.session.pdf(html);
  const session = await openChromium(opts.executablePath ? { executablePath: opts.executablePath } : {});
  try {
    return await session.pdf(html);
  } finally {
    await session.close();
  }
}

/** The PDF renderer. */
export function createPdfRenderer(opts: PdfRendererOptions = {}): ReportRenderer {
  return { format: 'pdf', extension: 'pdf', mediaType: 'application/pdf', render: (r) => renderPdf(r, opts) };
}
