/**
 * DOCX (docx 9) in the party layout of Hướng dẫn 36-HD/VPTW or the state layout of NĐ 30/2020, every
 * value from the report's {@link DocumentLayout} (domain-rules §3.2, §3.5, §3.6):
 * - header and signature blocks as borderless two-column tables, the way clerks build them;
 * - rules under text as bottom borders of empty paragraphs sized by their indents (editable in Word);
 * - page numbers centred in the header, none on page 1 (titlePage);
 * - the appendix in its own landscape section, its header row repeated on every page.
 * Charts are embedded as SVG with a PNG fallback when a rasterizer is given (Word needs the fallback).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FIELDS } from '../../core/indicators.ts';
import type { DocumentLayout } from '../layout.ts';
import type { Report, ReportBlock } from '../model.ts';
import { DEFAULT_CHART_SIZE, renderChartSvg } from './charts.ts';
import { headerText, paragraphText, recipientLines } from './text.ts';
import type { Rasterizer, ReportRenderer } from './types.ts';

export interface DocxOptions {
  /** Needed to embed charts (SVG + PNG fallback); without it charts are left out. */
  rasterize?: Rasterizer;
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

const half = (pt: number) => Math.round(pt * 2);

/** Rough width of upper-case text in twips, to size a rule "the same length as the text". */
function textWidthTwips(text: string, sizePt: number, bold: boolean): number {
  return Math.round(text.length * sizePt * (bold ? 0.66 : 0.6) * 20);
}

/** An empty paragraph whose bottom border is the rule, centred in a cell of `cellWidth` twips. */
function rule(cellWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function run(text: string, size: number, o: { bold?: boolean; italics?: boolean; underline?: boolean } = {}): TextRun {
  return new TextRun({ text, size: half(size), bold: o.bold ?? false, italics: o.italics ?? false, ...(o.underline ? { underline: {} } : {}) });
}

function centred(children: ParagraphChild[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children });
}

function cell(children: (Paragraph | Table)[], width: number, o: { borders?: typeof CELL_BORDERS; span?: number } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: o.borders ?? { top: NONE, bottom: NONE, left: NONE, right: NONE },
    verticalAlign: VerticalAlignTable.TOP,
    ...(o.span ? { columnSpan: o.span } : {}),
  });
}

function headerTable(r: Report, textWidth: number): Table {
  const l = r.layout;
  const h = headerText(r);
  const lw = Math.round(textWidth * 0.42);
  const rw = textWidth - lw;
  const left: Paragraph[] = h.left.map((x) => centred([run(x.text, x.size, { bold: x.bold })]));
  if (h.issuerRule) {
    // NĐ 30: a rule 1/3 to 1/2 of the issuer line under it.
    const last = h.left[h.left.length - 1]!;
    left.push(rule(lw, Math.round(textWidthTwips(last.text, last.size, true) * 0.5)));
  }
  const right: Paragraph[] = h.right.map((x) => centred([run(x.text, x.size, { bold: x.bold })]));
  const lastRight = h.right[h.right.length - 1]!;
  right.push(rule(rw, textWidthTwips(lastRight.text, lastRight.size, lastRight.bold)));
  const numberPara = centred([run(h.numberLine, l.sizes.number)]);
  const datePara = centred([run(h.placeDate, l.sizes.placeDate, { italics: true })]);
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [lw, rw],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, lw), cell(right, rw)] }), new TableRow({ children: [cell([numberPara], lw), cell([datePara], rw)] })],
  });
}

function bodyParagraph(l: DocumentLayout, children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: l.body.firstLineIndent },
    spacing: { before: 0, after: l.body.spacingAfter * 20, line: Math.round(240 * l.body.lineSpacing), lineRule: 'auto' },
    children,
  });
}

async function blockParagraphs(b: ReportBlock, r: Report, textWidth: number, opts: DocxOptions): Promise<Paragraph[]> {
  const l = r.layout;
  const size = l.sizes.body;
  switch (b.kind) {
    case 'heading':
      return [bodyParagraph(l, [run(b.text, size, { bold: true })])];
    case 'paragraph':
      return [bodyParagraph(l, [run(paragraphText(b), size)])];
    case 'free_text':
      return [
        ...(b.title ? [bodyParagraph(l, [run(b.title, size, { bold: true, italics: true })])] : []),
        ...b.paragraphs.map((p) => bodyParagraph(l, [run(p, size)])),
      ];
    case 'chart': {
      const c = r.charts.find((x) => x.id === b.chartId);
      if (!c || !opts.rasterize) return [];
      const svg = await renderChartSvg(c, l.cssFontFamily, DEFAULT_CHART_SIZE);
      const png = await opts.rasterize(svg, DEFAULT_CHART_SIZE);
      // docx sizes images in pixels at 96 dpi: fit the text width (twips / 15).
      const width = Math.min(DEFAULT_CHART_SIZE.width, Math.floor(textWidth / 15));
      const height = Math.round((width * DEFAULT_CHART_SIZE.height) / DEFAULT_CHART_SIZE.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 60, after: l.body.spacingAfter * 20 },
          children: [
            new ImageRun({
              type: 'svg',
              data: new TextEncoder().encode(svg),
              fallback: { type: 'png', data: png },
              transformation: { width, height },
              altText: { name: c.id, title: c.title, description: c.title },
            }),
          ],
        }),
      ];
    }
  }
}

function signatureTable(r: Report, textWidth: number): Table {
  const l = r.layout;
  const lw = Math.round(textWidth * 0.5);
  const rw = textWidth - lw;
  const party = l.standard === 'party';
  const label = new Paragraph({
    spacing: { before: 0, after: 0 },
    children: [party ? run('Nơi nhận:', l.sizes.recipientsLabel, { underline: true }) : run('Nơi nhận:', l.sizes.recipientsLabel, { bold: true, italics: true })],
  });
  const recipients = recipientLines(r).map((x) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(x, l.sizes.recipients)] }));
  const sig = l.signature;
  const signer = [
    centred([run(sig.authority, l.sizes.signature, { bold: true })]),
    centred([run(sig.title, l.sizes.signature, { bold: !party })]),
    ...[0, 1, 2, 3].map(() => centred([run('', l.sizes.signature)])),
    centred([run(sig.name, l.sizes.signature, { bold: true })]),
  ];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [lw, rw],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell([label, ...recipients], lw), cell(signer, rw)] })],
  });
}

/** Column widths of the appendix table, in twips, for the landscape text width. */
function appendixWidths(textWidth: number): number[] {
  const rel = [4, 30, 8, 8, 8, 7, 8, 7, 8, 12];
  const total = rel.reduce((s, x) => s + x, 0);
  const w = rel.map((x) => Math.floor((x * textWidth) / total));
  w[1]! += textWidth - w.reduce((s, x) => s + x, 0);
  return w;
}

function appendixTable(r: Report, textWidth: number): Table {
  const a = r.appendix;
  const size = r.layout.sizes.table;
  const widths = appendixWidths(textWidth);
  const p = (text: string, align: 'left' | 'center' | 'right', bold = false) =>
    new Paragraph({
      alignment: align === 'left' ? AlignmentType.LEFT : align === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT,
      spacing: { before: 20, after: 20 },
      children: [run(text, size, { bold })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: a.columns.map((c, i) => cell([p(c.label, 'center', true)], widths[i]!, { borders: CELL_BORDERS })),
  });
  const rows: TableRow[] = [header];
  for (const g of a.groups) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell([p(g.number, 'center', true)], widths[0]!, { borders: CELL_BORDERS }),
          cell([p(FIELDS[g.field], 'left', true)], widths.slice(1).reduce((s, x) => s + x, 0), { borders: CELL_BORDERS, span: widths.length - 1 }),
        ],
      }),
    );
    for (const x of g.rows) {
      const cells: [string, 'left' | 'center' | 'right'][] = [
        [String(x.no), 'center'],
        [x.name, 'left'],
        [x.unit, 'center'],
        [x.planText, 'right'],
        [x.actualText, 'right'],
        [x.percentText, 'right'],
        [x.samePeriodText, 'right'],
        [x.samePeriodPercentText, 'right'],
        [x.statusLabel, 'center'],
        [x.note, 'left'],
      ];
      rows.push(new TableRow({ cantSplit: true, children: cells.map(([t, al], i) => cell([p(t, al)], widths[i]!, { borders: CELL_BORDERS })) }));
    }
  }
  return new Table({ width: { size: textWidth, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

function pageNumberHeader(l: DocumentLayout): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: half(l.sizes.pageNumber) })] })],
  });
}

/** Renders the report to DOCX bytes. */
export async function renderDocx(r: Report, opts: DocxOptions = {}): Promise<Uint8Array> {
  const l = r.layout;
  const m = l.page.margins;
  const textWidth = l.page.width - m.left - m.right;
  const body: (Paragraph | Table)[] = [headerTable(r, textWidth)];
  body.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 }, children: [run(l.docType, l.sizes.docType, { bold: true })] }),
    centred([run(capitalize(l.summary), l.sizes.summary, { bold: true })]),
    rule(textWidth, 1700),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  );
  for (const s of r.intro) body.push(bodyParagraph(l, [run(s.text, l.sizes.body)]));
  for (const p of r.introFree) body.push(bodyParagraph(l, [run(p, l.sizes.body)]));
  for (const sec of r.sections) {
    body.push(bodyParagraph(l, [run(`${sec.number}. ${sec.title}`, l.sizes.body, { bold: true })]));
    for (const b of sec.blocks) body.push(...(await blockParagraphs(b, r, textWidth, opts)));
  }
  body.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }), signatureTable(r, textWidth));

  // Landscape: the page is given portrait-sized and docx swaps width and height for the orientation.
  const landscapeText = l.page.height - mm20 - mm15;
  const appendix: (Paragraph | Table)[] = [
    centred([run(r.appendix.title, l.sizes.table + 2, { bold: true })]),
    centred([run(r.appendix.subtitle, l.sizes.table, { italics: true })], 120),
    appendixTable(r, landscapeText),
  ];
  const header = pageNumberHeader(l);
  const doc = new Document({
    creator: 'chitieu',
    title: `${l.docType} ${capitalize(l.summary)}`,
    styles: {
      default: {
        document: { run: { font: l.fontFamily, size: half(l.sizes.body) }, paragraph: { spacing: { before: 0, after: 0 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: l.page.width, height: l.page.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: m.top, bottom: m.bottom, left: m.left, right: m.right, header: l.page.headerDistance, footer: l.page.headerDistance },
          },
        },
        headers: { default: header, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: body,
      },
      {
        properties: {
          page: {
            size: { width: l.page.width, height: l.page.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm20, bottom: mm15, left: mm20, right: mm15, header: l.page.headerDistance, footer: l.page.headerDistance },
          },
        },
        headers: { default: pageNumberHeader(l) },
        children: appendix,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const mm20 = 1134;
const mm15 = 850;

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** The DOCX renderer. */
export function createDocxRenderer(opts: DocxOptions = {}): ReportRenderer {
  return {
    format: 'docx',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: (r) => renderDocx(r, opts),
  };
}
