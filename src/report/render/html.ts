/**
 * HTML for preview and for the PDF: one self-contained page (inline CSS, charts as inline SVG), laid out
 * for A4 print with the margins, sizes and header blocks of the layout. Page numbers come from CSS page
 * margin boxes (counter(page)), absent on page 1; the appendix table sits on landscape pages.
 *
 * Each traced number is wrapped in a span whose title lists its sources, so a reviewer can hover a figure
 * in the preview and see which stored values it comes from.
 */
import { FIELDS } from '../../core/indicators.ts';
import type { Report, ReportBlock } from '../model.ts';
import type { Sentence } from '../sentence.ts';
import { type ChartSize, renderChartSvg } from './charts.ts';
import { headerText, recipientLines } from './text.ts';
import type { ReportRenderer } from './types.ts';

export interface HtmlOptions {
  /** Embed charts (default true). */
  charts?: boolean;
  chartSize?: ChartSize;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const twipsToMm = (t: number) => `${(t / 56.6929).toFixed(1)}mm`;

/** A sentence with its numbers marked up (title = sources). */
export function sentenceHtml(s: Sentence): string {
  let out = '';
  let at = 0;
  for (const n of [...s.numbers].sort((a, b) => a.start - b.start)) {
    out += esc(s.text.slice(at, n.start));
    const src = n.sources.length ? n.sources.join(', ') : n.targetIds.map((t) => `chỉ tiêu ${t}`).join(', ');
    out += `<span class="n" data-kind="${n.kind}" title="${esc(src)}">${esc(s.text.slice(n.start, n.end))}</span>`;
    at = n.end;
  }
  return out + esc(s.text.slice(at));
}

function css(r: Report): string {
  const l = r.layout;
  const m = l.page.margins;
  const s = l.sizes;
  return `
@page { size: A4; margin: ${twipsToMm(m.top)} ${twipsToMm(m.right)} ${twipsToMm(m.bottom)} ${twipsToMm(m.left)};
  @top-center { content: counter(page); font-family: ${l.cssFontFamily}; font-size: ${s.pageNumber}pt; vertical-align: middle; } }
@page :first { @top-center { content: none; } }
@page appendix { size: A4 landscape; margin: 20mm 15mm 15mm 20mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${l.cssFontFamily}; font-size: ${s.body}pt; color: #000; margin: 0; line-height: ${l.body.lineSpacing}; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; background: #fff; } .appendix { max-width: none; } }
table.hdr { width: 100%; border-collapse: collapse; margin-bottom: 12pt; }
table.hdr td { vertical-align: top; text-align: center; padding: 0; }
table.hdr td.l { width: 42%; } table.hdr td.r { width: 58%; }
.rule { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1pt; }
.short-rule { width: 30%; margin: 2pt auto 0; border-top: 1px solid #000; }
.place-date { font-style: italic; font-size: ${s.placeDate}pt; }
.doc-type { text-align: center; font-weight: bold; font-size: ${s.docType}pt; margin: 12pt 0 0; }
.summary { text-align: center; font-weight: bold; font-size: ${s.summary}pt; margin: 0; }
.summary + .short-rule { width: 25%; margin: 3pt auto 12pt; }
p.b { text-align: justify; text-indent: ${twipsToMm(l.body.firstLineIndent)}; margin: 0 0 ${l.body.spacingAfter}pt; }
p.h { font-weight: bold; text-align: justify; text-indent: ${twipsToMm(l.body.firstLineIndent)}; margin: ${l.body.spacingAfter}pt 0 ${l.body.spacingAfter}pt; }
p.fh { font-style: italic; font-weight: bold; text-indent: ${twipsToMm(l.body.firstLineIndent)}; margin: 0 0 ${l.body.spacingAfter}pt; }
figure.chart { margin: 6pt 0 ${l.body.spacingAfter}pt; text-align: center; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
table.sig { width: 100%; border-collapse: collapse; margin-top: 12pt; break-inside: avoid; }
table.sig td { vertical-align: top; padding: 0; }
td.recipients { width: 50%; font-size: ${s.recipients}pt; }
.rec-label { font-size: ${s.recipientsLabel}pt; ${l.standard === 'party' ? 'text-decoration: underline;' : 'font-weight: bold; font-style: italic;'} }
td.signer { text-align: center; font-size: ${s.signature}pt; }
.signer-space { height: 60pt; }
.appendix { page: appendix; break-before: page; font-size: ${s.table}pt; }
.appendix h2 { text-align: center; font-size: ${s.table + 2}pt; margin: 0; }
.appendix .sub { text-align: center; font-style: italic; margin: 0 0 6pt; }
table.grid { width: 100%; border-collapse: collapse; }
table.grid th, table.grid td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; }
table.grid th { font-weight: bold; text-align: center; }
table.grid td.num { text-align: right; white-space: nowrap; } table.grid td.c { text-align: center; }
table.grid tr.group td { font-weight: bold; }
table.grid thead { display: table-header-group; } table.grid tr { break-inside: avoid; }
span.n { background: transparent; }
`;
}

async function blockHtml(b: ReportBlock, r: Report, opts: HtmlOptions): Promise<string> {
  switch (b.kind) {
    case 'heading':
      return `<p class="h">${esc(b.text)}</p>`;
    case 'paragraph':
      return `<p class="b">${b.bullet ? '- ' : ''}${b.sentences.map(sentenceHtml).join(' ')}</p>`;
    case 'free_text':
      return (b.title ? `<p class="fh">${esc(b.title)}</p>` : '') + b.paragraphs.map((p) => `<p class="b">${esc(p)}</p>`).join('');
    case 'chart': {
      if (opts.charts === false) return '';
      const c = r.charts.find((x) => x.id === b.chartId);
      if (!c) return '';
      const svg = await renderChartSvg(c, r.layout.cssFontFamily, opts.chartSize);
      return `<figure class="chart" data-chart="${esc(c.id)}">${svg}</figure>`;
    }
  }
}

/** Renders the report as one HTML document. */
export async function renderHtml(r: Report, opts: HtmlOptions = {}): Promise<string> {
  const h = headerText(r);
  const l = r.layout;
  const left = h.left
    .map((x, i) => {
      const isLastIssuer = h.issuerRule && i === h.left.length - 1;
      const inner = x.bold ? `<b>${esc(x.text)}</b>` : esc(x.text);
      return `<div style="font-size:${x.size}pt">${isLastIssuer ? `<span class="rule">${inner}</span>` : inner}</div>`;
    })
    .join('');
  const right = h.right
    .map((x, i) => {
      const inner = `<b>${esc(x.text)}</b>`;
      return `<div style="font-size:${x.size}pt">${i === h.right.length - 1 ? `<span class="rule">${inner}</span>` : inner}</div>`;
    })
    .join('');
  const parts: string[] = [];
  parts.push(`<table class="hdr"><tr><td class="l">${left}</td><td class="r">${right}</td></tr>`);
  parts.push(`<tr><td class="l" style="font-size:${l.sizes.number}pt;padding-top:4pt">${esc(h.numberLine)}</td><td class="r place-date" style="padding-top:4pt">${esc(h.placeDate)}</td></tr></table>`);
  parts.push(`<p class="doc-type">${esc(l.docType)}</p><p class="summary">${esc(capitalize(l.summary))}</p><div class="short-rule"></div>`);
  for (const s of r.intro) parts.push(`<p class="b">${sentenceHtml(s)}</p>`);
  for (const p of r.introFree) parts.push(`<p class="b">${esc(p)}</p>`);
  for (const sec of r.sections) {
    parts.push(`<p class="h">${esc(`${sec.number}. ${sec.title}`)}</p>`);
    for (const b of sec.blocks) parts.push(await blockHtml(b, r, opts));
  }
  parts.push(
    `<table class="sig"><tr><td class="recipients"><div class="rec-label">Nơi nhận:</div>${recipientLines(r)
      .map((x) => `<div>${esc(x)}</div>`)
      .join('')}</td><td class="signer"><div><b>${esc(l.signature.authority)}</b></div><div>${l.standard === 'party' ? esc(l.signature.title) : `<b>${esc(l.signature.title)}</b>`}</div><div class="signer-space"></div><div><b>${esc(l.signature.name)}</b></div></td></tr></table>`,
  );
  parts.push(appendixHtml(r));
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(`${l.docType} ${capitalize(l.summary)}`)}</title><style>${css(r)}</style></head>
<body>
${parts.join('\n')}
</body></html>
`;
}

function appendixHtml(r: Report): string {
  const a = r.appendix;
  const head = `<thead><tr>${a.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>`;
  const rows = a.groups
    .map(
      (g) =>
        `<tr class="group"><td class="c">${g.number}</td><td colspan="${a.columns.length - 1}">${esc(FIELDS[g.field])}</td></tr>` +
        g.rows
          .map(
            (x) =>
              `<tr><td class="c">${x.no}</td><td>${esc(x.name)}</td><td class="c">${esc(x.unit)}</td><td class="num">${esc(x.planText)}</td><td class="num">${esc(x.actualText)}</td><td class="num">${esc(x.percentText)}</td><td class="num">${esc(x.samePeriodText)}</td><td class="num">${esc(x.samePeriodPercentText)}</td><td class="c">${esc(x.statusLabel)}</td><td>${esc(x.note)}</td></tr>`,
          )
          .join(''),
    )
    .join('');
  return `<section class="appendix"><h2>${esc(a.title)}</h2><p class="sub">${esc(a.subtitle)}</p><table class="grid">${head}<tbody>${rows}</tbody></table></section>`;
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** The HTML renderer. */
export function createHtmlRenderer(opts: HtmlOptions = {}): ReportRenderer {
  return { format: 'html', extension: 'html', mediaType: 'text/html; charset=utf-8', render: (r) => renderHtml(r, opts) };
}
