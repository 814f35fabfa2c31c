/**
 * The XLSX of a report from the web: the appendix workbook of src/report (sheet "Phụ lục") plus a second
 * sheet "Báo cáo" with the text of the report, generated sentences and free text alike, one paragraph
 * per row, so the parts people wrote travel with the figures.
 */
import ExcelJS from 'exceljs';
import type { Report } from '../../report/index.ts';

/** The report's text as rows: [kind, text]. */
export function reportTextRows(report: Report): { kind: 'title' | 'section' | 'heading' | 'paragraph' | 'free'; text: string }[] {
  const rows: { kind: 'title' | 'section' | 'heading' | 'paragraph' | 'free'; text: string }[] = [];
  rows.push({ kind: 'title', text: report.layout.docType });
  rows.push({ kind: 'title', text: report.layout.summary });
  for (const s of report.intro) rows.push({ kind: 'paragraph', text: s.text });
  for (const p of report.introFree) rows.push({ kind: 'free', text: p });
  for (const sec of report.sections) {
    rows.push({ kind: 'section', text: `${sec.number}. ${sec.title}` });
    for (const b of sec.blocks) {
      if (b.kind === 'heading') rows.push({ kind: 'heading', text: b.text });
      else if (b.kind === 'paragraph') rows.push({ kind: 'paragraph', text: `${b.bullet ? '- ' : ''}${b.sentences.map((x) => x.text).join(' ')}` });
      else if (b.kind === 'free_text') {
        if (b.title) rows.push({ kind: 'heading', text: b.title });
        for (const p of b.paragraphs) rows.push({ kind: 'free', text: p });
      }
    }
  }
  return rows;
}

export async function withTextSheet(appendixXlsx: Uint8Array, report: Report): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(appendixXlsx) as unknown as ArrayBuffer);
  const ws = wb.addWorksheet('Báo cáo', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getColumn(1).width = 110;
  for (const r of reportTextRows(report)) {
    const row = ws.addRow([r.text]);
    const cell = row.getCell(1);
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: r.kind === 'title' ? 'center' : 'justify' };
    cell.font = { name: 'Times New Roman', size: 13, bold: r.kind !== 'paragraph' && r.kind !== 'free' };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
