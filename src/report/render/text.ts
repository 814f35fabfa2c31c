/**
 * Text pieces every renderer prints the same way: header lines, paragraph text, signature.
 */
import { documentNumberLine, placeDateLine } from '../layout.ts';
import type { Report, ReportBlock } from '../model.ts';

/** A paragraph's text: its sentences joined by a space, with the "- " of a bullet. */
export function paragraphText(block: Extract<ReportBlock, { kind: 'paragraph' }>): string {
  const t = block.sentences.map((s) => s.text).join(' ');
  return block.bullet ? `- ${t}` : t;
}

export interface HeaderText {
  /** Left column lines with their style. */
  left: { text: string; bold: boolean; size: number }[];
  /** Right column lines. */
  right: { text: string; bold: boolean; size: number }[];
  /** Rule under the last right line (party: under "ĐẢNG CỘNG SẢN VIỆT NAM"; state: under the tiêu ngữ). */
  numberLine: string;
  placeDate: string;
  /** Rule under the issuer (state documents). */
  issuerRule: boolean;
}

/** The header blocks of the first page, for either standard. */
export function headerText(r: Report): HeaderText {
  const l = r.layout;
  const s = l.sizes;
  const left: HeaderText['left'] = [];
  if (l.header.superior) left.push({ text: l.header.superior, bold: false, size: s.superior });
  for (const line of l.header.issuer) left.push({ text: line, bold: true, size: s.issuer });
  if (l.standard === 'party') left.push({ text: '*', bold: false, size: s.issuer });
  const right: HeaderText['right'] =
    l.standard === 'party'
      ? [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, size: s.national }]
      : [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: s.national },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: s.motto },
        ];
  return {
    left,
    right,
    numberLine: documentNumberLine(l),
    placeDate: placeDateLine(l.place, l.date, l.blankDateYear),
    issuerRule: l.standard === 'state',
  };
}

/** "Nơi nhận:" lines: "- Ban Thường vụ Tỉnh ủy (b/c)," … "- Lưu Văn phòng Huyện ủy." */
export function recipientLines(r: Report): string[] {
  return r.layout.recipients.map((x) => (x.startsWith('-') ? x : `- ${x}`));
}
