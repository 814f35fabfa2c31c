/**
 * Sentences that remember where their numbers come from.
 *
 * A report may only state figures that are in the evaluation. Every sentence of generated prose is
 * built through {@link SentenceBuilder}, which records, for each number it writes, its place in the
 * text, the exact value it stands for, how the value was turned into text (so a test can redo it), and
 * the ids of the stored values (and targets) behind it. Verbatim pieces copied from the data (a target's
 * name, a resolution's number, a period label) are recorded as labels, so a checker can tell a year in
 * "năm 2024" from a figure.
 */
import { formatCount, formatViNumber, roundHalfAway, truncate } from '../core/numbers.ts';

/** What a number in a sentence stands for: a field of a target's result, a count of targets, or a measured fact. */
export type NumberKind =
  | 'actual'
  | 'plan'
  | 'planHigh'
  | 'planLevel'
  | 'percentOfPlan'
  | 'level'
  | 'samePeriodValue'
  | 'samePeriodPercent'
  | 'samePeriodChange'
  /** How many targets (or years) have a status: "09 chỉ tiêu vượt". */
  | 'count'
  /** A figure measured for the report outside the targets (inspections, discipline by form). */
  | 'fact';

/**
 * How the value became text. `round`: half away from zero at `decimals`; `truncate`: toward zero, with
 * "hơn" in front when the value is strictly above what is shown ("hơn 138%" for 138,4%); `count`: an
 * integer written as reports write counts ("09").
 */
export interface NumberDisplay {
  mode: 'round' | 'truncate' | 'count';
  decimals: number;
  /** The magnitude is written and the sign is said in words ("giảm 4,07%"). */
  absolute: boolean;
}

export interface TracedNumber {
  /** Offsets of `text` in the sentence (UTF-16, end exclusive). */
  start: number;
  end: number;
  text: string;
  /** The exact value from the evaluation (not rounded). */
  value: number;
  kind: NumberKind;
  display: NumberDisplay;
  /** "hơn" written before the number: the value is strictly above the shown figure. */
  qualifier: 'hơn' | null;
  /** Targets whose result carries the value (or which a count counts). */
  targetIds: string[];
  /** Ids of the stored values behind the number (empty for plan figures: they come from the resolution). */
  sources: string[];
  /** Sub-key for values inside a result: a disaggregation option, a year. */
  key?: string;
}

/** Origin of a verbatim piece of text taken from the data. */
export type LabelKind =
  | 'period'
  | 'resolution'
  | 'unit'
  | 'target_name'
  | 'target_wording'
  | 'indicator_name'
  | 'measure_unit'
  | 'option';

export interface LabelSpan {
  start: number;
  end: number;
  text: string;
  kind: LabelKind;
  /** Id of the thing the text was copied from (target id, resolution id, indicator code…). */
  ref: string;
}

/** One sentence of generated prose, with its traced numbers and verbatim labels. */
export interface Sentence {
  text: string;
  numbers: TracedNumber[];
  labels: LabelSpan[];
}

/** Turns a value into the text a report shows, with the "hơn" qualifier when it is true. */
export function formatTraced(value: number, d: NumberDisplay): { text: string; qualifier: 'hơn' | null } {
  const v = d.absolute ? Math.abs(value) : value;
  if (d.mode === 'count') return { text: formatCount(roundHalfAway(v, 0)), qualifier: null };
  if (d.mode === 'round') return { text: formatViNumber(v, { maxDecimals: d.decimals }), qualifier: null };
  const shown = truncate(v, d.decimals);
  // Compare at 12 significant digits: 147/120×100 is 122,50000000000001 in binary and is exactly 122,5.
  const above = v > 0 && Number(v.toPrecision(12)) > shown;
  return { text: formatViNumber(shown, { maxDecimals: d.decimals }), qualifier: above ? 'hơn' : null };
}

export interface NumberInput {
  value: number;
  kind: NumberKind;
  display: NumberDisplay;
  targetIds?: string[];
  sources?: string[];
  key?: string;
  /** Write "hơn" when it is true (truncate mode only). Default true. */
  allowQualifier?: boolean;
}

/** Builds a {@link Sentence} piece by piece. */
export class SentenceBuilder {
  private textSoFar = '';
  private readonly numbers: TracedNumber[] = [];
  private readonly labels: LabelSpan[] = [];

  /** Plain words. Must not contain digits: figures go through {@link num}, copied text through {@link label}. */
  text(s: string): this {
    if (/\d/.test(s)) throw new Error(`Câu báo cáo chứa chữ số không truy nguồn: "${s}"`);
    this.textSoFar += s;
    return this;
  }

  /** Verbatim text from the data (may contain digits). */
  label(s: string, kind: LabelKind, ref: string): this {
    const start = this.textSoFar.length;
    this.textSoFar += s;
    this.labels.push({ start, end: this.textSoFar.length, text: s, kind, ref });
    return this;
  }

  /** A figure with its provenance. */
  num(n: NumberInput): this {
    const f = formatTraced(n.value, n.display);
    const qualifier = n.allowQualifier === false ? null : f.qualifier;
    if (qualifier) this.textSoFar += `${qualifier} `;
    const start = this.textSoFar.length;
    this.textSoFar += f.text;
    this.numbers.push({
      start,
      end: this.textSoFar.length,
      text: f.text,
      value: n.value,
      kind: n.kind,
      display: n.display,
      qualifier,
      targetIds: n.targetIds ?? [],
      sources: n.sources ?? [],
      ...(n.key !== undefined ? { key: n.key } : {}),
    });
    return this;
  }

  /** Appends another sentence's content (offsets shifted). */
  append(s: Sentence): this {
    const shift = this.textSoFar.length;
    this.textSoFar += s.text;
    for (const n of s.numbers) this.numbers.push({ ...n, start: n.start + shift, end: n.end + shift });
    for (const l of s.labels) this.labels.push({ ...l, start: l.start + shift, end: l.end + shift });
    return this;
  }

  get length(): number {
    return this.textSoFar.length;
  }

  build(): Sentence {
    return { text: this.textSoFar, numbers: [...this.numbers], labels: [...this.labels] };
  }
}

/** Joins sentences into one with a separator of plain words. */
export function joinSentences(parts: Sentence[], sep: string): Sentence {
  const b = new SentenceBuilder();
  parts.forEach((p, i) => {
    if (i > 0) b.text(sep);
    b.append(p);
  });
  return b.build();
}

/** Re-cases the first letter of a sentence, keeping a label that starts there in step with the text. */
function recaseFirst(s: Sentence, up: boolean): Sentence {
  const i = s.text.search(/\p{L}/u);
  if (i < 0) return s;
  const ch = s.text.charAt(i);
  const c = up ? ch.toLocaleUpperCase('vi') : ch.toLocaleLowerCase('vi');
  const fix = (t: string, at: number) => t.slice(0, at) + c + t.slice(at + 1);
  return {
    text: fix(s.text, i),
    numbers: s.numbers,
    labels: s.labels.map((l) => (l.start <= i && i < l.end ? { ...l, text: fix(l.text, i - l.start) } : l)),
  };
}

/** Capitalises the first letter of a sentence (Vietnamese letters included). */
export function capitalizeFirst(s: Sentence): Sentence {
  return recaseFirst(s, true);
}

/** Lower-cases the first letter of a sentence that continues another ("Về kinh tế, trồng rừng…"). */
export function lowerFirstSentence(s: Sentence): Sentence {
  const i = s.text.search(/\p{L}/u);
  const second = s.text.charAt(i + 1);
  // Keep abbreviations ("HTX", "OCOP") as written.
  if (second && second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi')) return s;
  return recaseFirst(s, false);
}

/** Lower-cases the first letter of a name used inside a sentence, unless it starts an abbreviation ("HTX", "OCOP"). */
export function lowerFirst(name: string): string {
  const first = name.charAt(0);
  const second = name.charAt(1);
  if (second && second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi')) return name;
  return first.toLocaleLowerCase('vi') + name.slice(1);
}

/** A number pattern as reports write them: 1.440; 32,88; 09; 7,3 (used by checkers and tests). */
export const VI_NUMBER_RE = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;

/**
 * Cites a resolution inside a sentence: "Nghị quyết số 15-NQ/HU (Nghị quyết về …)" when it has a document
 * number, else its title ("Nghị quyết của Ban Chấp hành Đảng bộ huyện … về nhiệm vụ năm 2025").
 * `short` leaves out the title after a number.
 */
export function citeResolution(b: SentenceBuilder, r: { id: string; number: string; title: string }, short = false): SentenceBuilder {
  if (/^\d/.test(r.number)) {
    b.text('Nghị quyết số ').label(r.number, 'resolution', r.id);
    if (!short && r.title) b.text(' (').label(r.title, 'resolution', r.id).text(')');
    return b;
  }
  if (/^nghị quyết/iu.test(r.title)) return b.label(lowerFirst(r.title).replace(/^nghị/u, 'Nghị'), 'resolution', r.id);
  return b.text('Nghị quyết ').label(r.title || r.number, 'resolution', r.id);
}

/** The same citation as plain text (titles, table captions). */
export function resolutionCitation(r: { id: string; number: string; title: string }, short = false): string {
  return citeResolution(new SentenceBuilder(), r, short).build().text;
}
