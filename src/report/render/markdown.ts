/**
 * Markdown for preview (and for pasting into a chat or an issue): the same text as the document, the
 * appendix as a table, charts named by their titles.
 */
import { FIELDS } from '../../core/indicators.ts';
import type { Report } from '../model.ts';
import { headerText, paragraphText, recipientLines } from './text.ts';
import type { ReportRenderer } from './types.ts';

const esc = (s: string) => s.replace(/\|/g, '\\|');

/** Renders the report as Markdown. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  const h = headerText(r);
  out.push(...h.left.map((x) => (x.bold ? `**${x.text}**` : x.text)).map((x) => `${x}  `));
  out.push(`${h.numberLine}`, '');
  out.push(...h.right.map((x) => `**${x.text}**  `));
  out.push(`*${h.placeDate}*`, '');
  out.push(`## ${r.layout.docType}`, '', `**${capitalize(r.layout.summary)}**`, '');
  for (const s of r.intro) out.push(s.text, '');
  for (const p of r.introFree) out.push(p, '');
  for (const sec of r.sections) {
    out.push(`### ${sec.number}. ${sec.title}`, '');
    for (const b of sec.blocks) {
      if (b.kind === 'heading') out.push(`**${b.text}**`, '');
      else if (b.kind === 'paragraph') out.push(paragraphText(b), '');
      else if (b.kind === 'free_text') {
        if (b.title) out.push(`*${b.title}*`, '');
        for (const p of b.paragraphs) out.push(p, '');
      } else {
        const c = r.charts.find((x) => x.id === b.chartId);
        if (c) out.push(`> Biểu đồ: ${c.title}`, '');
      }
    }
  }
  out.push(`**${r.layout.signature.authority}**  `, `${r.layout.signature.title}  `, '', `**${r.layout.signature.name || '……………………'}**`, '');
  out.push(r.layout.standard === 'party' ? '<u>Nơi nhận:</u>  ' : '***Nơi nhận:***  ', ...recipientLines(r).map((x) => `${x}  `), '');
  out.push('---', '', `### ${r.appendix.title}`, '', `*${r.appendix.subtitle}*`, '');
  out.push(`| ${r.appendix.columns.map((c) => c.label).join(' | ')} |`);
  out.push(`|${r.appendix.columns.map((_, i) => (i >= 3 && i <= 7 ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const g of r.appendix.groups) {
    out.push(`| **${g.number}** | **${FIELDS[g.field]}** |${' |'.repeat(r.appendix.columns.length - 2)}`);
    for (const row of g.rows)
      out.push(
        `| ${[row.no, esc(row.name), esc(row.unit), row.planText, row.actualText, row.percentText, row.samePeriodText, row.samePeriodPercentText, row.statusLabel, esc(row.note)].join(' | ')} |`,
      );
  }
  out.push('');
  return out.join('\n');
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

export const markdownRenderer: ReportRenderer = {
  format: 'md',
  extension: 'md',
  mediaType: 'text/markdown; charset=utf-8',
  render: async (r) => renderMarkdown(r),
};
