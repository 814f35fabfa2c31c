/**
 * The one interface every renderer implements. Each renderer keeps its library's types (docx, exceljs,
 * playwright) to itself: callers see only a {@link Report} going in and bytes or text coming out.
 */
import type { Report } from '../model.ts';

export type ReportFormat = 'docx' | 'xlsx' | 'pdf' | 'md' | 'html' | 'brief';

export interface ReportRenderer {
  readonly format: ReportFormat;
  /** File extension without the dot. */
  readonly extension: string;
  readonly mediaType: string;
  /** Text formats return a string; binary formats (DOCX, XLSX, PDF) return bytes. */
  render(report: Report): Promise<Uint8Array | string>;
}

/** Turns an SVG into PNG bytes (Chromium in production); DOCX needs a raster fallback for its SVG charts. */
export type Rasterizer = (svg: string, size: { width: number; height: number }) => Promise<Uint8Array>;
