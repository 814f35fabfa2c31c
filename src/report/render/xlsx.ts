/**
 * XLSX (exceljs) of the appendix table, ready to print: A4 landscape fitted to the page width, the header
 * row repeated on every page, number formats (#,##0.00 and 0.0%) that Excel shows with the reader's
 * locale separators (1.440,5 on a Vietnamese system), rows grouped (outline) by field.
 *
 * Figures are stored as numbers, not text, so the table can be summed and charted. The % of plan is
 * stored truncated to one decimal of a percent, as the report shows it: Excel's rounding would print
 * 100,0% for a target missed at 99,96%.
 */
import ExcelJS from 'exceljs';
import { FIELDS } from '../../core/indicators.ts';
import { truncate } from '../../core/numbers.ts';
import type { AppendixRow, Report } from '../model.ts';
import type { ReportRenderer } from './types.ts';

const numFmt = (decimals: number) => (decimals <= 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`);
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Column layout: key, header, width (characters), alignment. */
const COLUMNS: { key: string; width: number; align: 'left' | 'center' | 'right' }[] = [
  { key: 'no', width: 5, align: 'center' },
  { key: 'name', width: 46, align: 'left' },
  { key: 'unit', width: 11, align: 'center' },
  { key: 'plan', width: 12, align: 'right' },
  { key: 'actual', width: 12, align: 'right' },
  { key: 'percent', width: 9, align: 'right' },
  { key: 'samePeriod', width: 12, align: 'right' },
  { key: 'samePeriodPercent', width: 10, align: 'right' },
  { key: 'status', width: 12, align: 'center' },
  { key: 'note', width: 22, align: 'left' },
];

/** A plan that is a plain number (≥ x) is stored as a number; "< 1", "3,5 – 4", "Đạt" stay text. */
function planCell(x: AppendixRow): number | string {
  return x.plan !== null && x.planHigh === null && /^[\d.,]+$/.test(x.planText) ? x.plan : x.planText;
}

/** Builds the workbook (exceljs types stay in this file). */
async function buildWorkbook(r: Report): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chitieu';
  wb.title = r.appendix.subtitle;
  const ws = wb.addWorksheet('Phụ lục', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '4:4',
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&12&P/&N' },
    views: [{ state: 'frozen', ySplit: 4, xSplit: 0 }],
    properties: { outlineLevelRow: 1, defaultRowHeight: 18 },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const font = { name: r.layout.fontFamily, size: r.layout.sizes.table };
  const last = COLUMNS.length;

  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = r.appendix.title;
  ws.getCell(1, 1).font = { ...font, bold: true, size: font.size + 2 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = r.appendix.subtitle;
  ws.getCell(2, 1).font = { ...font, italic: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };

  const header = ws.getRow(4);
  r.appendix.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
  });
  header.height = 30;

  let rowNo = 5;
  for (const g of r.appendix.groups) {
    const gr = ws.getRow(rowNo++);
    gr.getCell(1).value = g.number;
    gr.getCell(2).value = FIELDS[g.field];
    ws.mergeCells(gr.number, 2, gr.number, last);
    for (let c = 1; c <= last; c++) {
      const cell = gr.getCell(c);
      cell.font = { ...font, bold: true };
      cell.border = BORDER;
      cell.alignment = { horizontal: c === 1 ? 'center' : 'left', vertical: 'middle' };
    }
    for (const x of g.rows) {
      const row = ws.getRow(rowNo++);
      row.outlineLevel = 1;
      const values: (string | number | null)[] = [
        x.no,
        x.name,
        x.unit,
        planCell(x),
        x.actual === null || x.status === 'chua_co_so_lieu' || x.actualText === 'Đạt' || x.actualText === 'Chưa đạt' ? x.actualText : x.actual,
        x.percentOfPlan === null ? null : Number((truncate(x.percentOfPlan, 1) / 100).toPrecision(12)),
        x.samePeriodValue,
        x.samePeriodPercent === null ? null : x.samePeriodPercent / 100,
        x.statusLabel,
        x.note || null,
      ];
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.font = font;
        cell.border = BORDER;
        cell.alignment = { horizontal: COLUMNS[i]!.align, vertical: 'middle', wrapText: i === 1 || i === 9 };
        if (typeof v === 'number') {
          if (i === 5 || i === 7) cell.numFmt = '0.0%';
          else if (i >= 3) cell.numFmt = numFmt(x.decimals);
        }
      });
    }
  }
  return wb;
}

/** Renders the appendix to XLSX bytes. */
export async function renderXlsx(r: Report): Promise<Uint8Array> {
  const wb = await buildWorkbook(r);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** The XLSX renderer. */
export const xlsxRenderer: ReportRenderer = {
  format: 'xlsx',
  extension: 'xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  render: renderXlsx,
};
