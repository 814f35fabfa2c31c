/**
 * Document layout as configuration: the party layout of Hướng dẫn 36-HD/VPTW (Phụ lục 3) and the state
 * layout of Nghị định 30/2020/NĐ-CP (Phụ lục I), with every size, margin and header line a setting
 * (domain-rules §3). Renderers read the resolved {@link DocumentLayout}; callers override any part.
 *
 * Lengths are in twips (1/20 pt; 1 mm ≈ 56,7 twips) because that is what Word stores; sizes in points.
 */

/** Which rule the document follows. */
export type DocumentStandard = 'party' | 'state';

export interface PageLayout {
  /** A4 = 11906 × 16838 twips. */
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** Distance of the page number from the top edge (≈ 10 mm). */
  headerDistance: number;
}

/** Font sizes in points, per element of the layout table. */
export interface FontSizes {
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" (party, 15) or the quốc hiệu (state, 13). */
  national: number;
  /** Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" (state only, 14). */
  motto: number;
  /** Superior organisation / parent agency line. */
  superior: number;
  /** Issuing organisation. */
  issuer: number;
  number: number;
  placeDate: number;
  /** "BÁO CÁO" */
  docType: number;
  /** Trích yếu. */
  summary: number;
  body: number;
  signature: number;
  recipientsLabel: number;
  recipients: number;
  pageNumber: number;
  /** Appendix table. */
  table: number;
}

export interface DocumentLayout {
  standard: DocumentStandard;
  page: PageLayout;
  /** The font Word is told to use (documents are exchanged in Times New Roman). */
  fontFamily: string;
  /**
   * The CSS font stack for HTML/PDF. Named explicitly: 'Times New Roman' would resolve to whatever
   * fontconfig maps it to, and only fonts-liberation2 has every Vietnamese letter (stack-notes §7).
   */
  cssFontFamily: string;
  sizes: FontSizes;
  body: {
    /** First-line indent, twips (1,27 cm = 720). */
    firstLineIndent: number;
    /** Space after each paragraph, points (≥ 6). */
    spacingAfter: number;
    /** Line spacing as a multiple of single (1 to 1,5). */
    lineSpacing: number;
  };
  /** Header lines, upper case, as printed. */
  header: {
    /** Party: "ĐẢNG BỘ TỈNH BẮC KẠN"; state: parent agency (may be empty). */
    superior: string;
    /** Party: "HUYỆN ỦY NGÂN SƠN"; state: "ỦY BAN NHÂN DÂN" + line break + "HUYỆN NGÂN SƠN" (lines). */
    issuer: string[];
  };
  /** Document number; null = left blank for the office to fill in ("Số      -BC/HU"). */
  number: string | null;
  /** Type symbol: "BC". */
  typeSymbol: string;
  /** Issuer symbol: "HU", "ĐU"; state: "UBND". */
  issuerSymbol: string;
  /** Place name (địa danh): "Ngân Sơn". */
  place: string;
  /** ISO date of signature; null = day and month left blank, year from the period. */
  date: string | null;
  /** Year printed when `date` is null. */
  blankDateYear: number;
  docType: string;
  /** Trích yếu, lower case except proper names. */
  summary: string;
  signature: { authority: string; title: string; name: string };
  recipients: string[];
}

/** A partial layout: what a caller overrides. */
export type DocumentSettings = {
  standard?: DocumentStandard;
  page?: Partial<Omit<PageLayout, 'margins'>> & { margins?: Partial<PageLayout['margins']> };
  sizes?: Partial<FontSizes>;
  body?: Partial<DocumentLayout['body']>;
  header?: Partial<DocumentLayout['header']>;
  signature?: Partial<DocumentLayout['signature']>;
} & Partial<Omit<DocumentLayout, 'standard' | 'page' | 'sizes' | 'body' | 'header' | 'signature'>>;

/** mm → twips, as Word rounds them (20 mm = 1134, 30 mm = 1701, 15 mm = 850). */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

export const A4 = { width: 11906, height: 16838 } as const;

/** HD 36-HD/VPTW, Phụ lục 3: margins 20/20/30/15 mm, Times New Roman, body 14 pt. */
export const PARTY_DEFAULTS: Omit<DocumentLayout, 'header' | 'place' | 'summary' | 'signature' | 'recipients' | 'issuerSymbol' | 'blankDateYear'> = {
  standard: 'party',
  page: { ...A4, margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }, headerDistance: mm(10) },
  fontFamily: 'Times New Roman',
  cssFontFamily: "'Liberation Serif', 'Times New Roman', serif",
  sizes: {
    national: 15,
    motto: 14,
    superior: 14,
    issuer: 14,
    number: 14,
    placeDate: 14,
    docType: 16,
    summary: 14,
    body: 14,
    signature: 14,
    recipientsLabel: 14,
    recipients: 12,
    pageNumber: 14,
    table: 12,
  },
  body: { firstLineIndent: 720, spacingAfter: 6, lineSpacing: 1.15 },
  number: null,
  typeSymbol: 'BC',
  date: null,
  docType: 'BÁO CÁO',
};

/** NĐ 30/2020/NĐ-CP, Phụ lục I: quốc hiệu 13, tiêu ngữ 14, "Nơi nhận:" 12 bold italic, recipients 11. */
export const STATE_DEFAULTS: typeof PARTY_DEFAULTS = {
  ...PARTY_DEFAULTS,
  standard: 'state',
  sizes: {
    ...PARTY_DEFAULTS.sizes,
    national: 13,
    motto: 14,
    superior: 13,
    issuer: 13,
    number: 13,
    docType: 14,
    summary: 14,
    recipientsLabel: 12,
    recipients: 11,
    pageNumber: 13,
  },
};

/** "Số 123-BC/HU" (party, no colon) or "Số: 123/BC-UBND" (state); a blank number keeps room to write it in. */
export function documentNumberLine(l: Pick<DocumentLayout, 'standard' | 'number' | 'typeSymbol' | 'issuerSymbol'>): string {
  const n = l.number === null ? '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0' : padNumber(l.number);
  return l.standard === 'party' ? `Số ${n}-${l.typeSymbol}/${l.issuerSymbol}` : `Số: ${n}/${l.typeSymbol}-${l.issuerSymbol}`;
}

/** Numbers below 10 carry a leading zero ("Số 05-NQ/ĐU", domain-rules §3.4). */
function padNumber(n: string): string {
  return /^\d$/.test(n) ? `0${n}` : n;
}

/**
 * "Ngân Sơn, ngày 15 tháng 12 năm 2024": a leading zero for days below 10 and for months 1 and 2 only
 * (domain-rules §4.2). Without a date the day and month are left blank for the signer.
 */
export function placeDateLine(place: string, isoDate: string | null, blankYear: number): string {
  if (isoDate === null) return `${place}, ngày\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0 năm ${blankYear}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Ngày ký "${isoDate}" phải viết dạng YYYY-MM-DD`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mmText = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mmText} năm ${m[1]}`;
}

/** Merges caller settings over the defaults of a standard. */
export function resolveLayout(base: DocumentLayout, over: DocumentSettings | undefined): DocumentLayout {
  if (!over) return base;
  const std = over.standard ?? base.standard;
  const stdBase = std === base.standard ? base : { ...base, ...(std === 'party' ? PARTY_DEFAULTS : STATE_DEFAULTS) };
  const { page, sizes, body, header, signature, ...rest } = over;
  return {
    ...stdBase,
    ...dropUndefined(rest),
    standard: std,
    page: {
      ...stdBase.page,
      ...dropUndefined(page ?? {}),
      margins: { ...stdBase.page.margins, ...dropUndefined(page?.margins ?? {}) },
    },
    sizes: { ...stdBase.sizes, ...dropUndefined(sizes ?? {}) },
    body: { ...stdBase.body, ...dropUndefined(body ?? {}) },
    header: { ...stdBase.header, ...dropUndefined(header ?? {}) },
    signature: { ...stdBase.signature, ...dropUndefined(signature ?? {}) },
  };
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Upper case the Vietnamese way ("huyện ủy" → "HUYỆN ỦY"). */
export const upperVi = (s: string): string => s.toLocaleUpperCase('vi');
