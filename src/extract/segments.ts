/**
 * Sentence and clause boundaries. Reports chain many facts in one sentence with ";" (one clause per
 * indicator), so the clause is the unit that scopes a period, an indicator or a comparison.
 */
import type { Span } from './types.ts';

const SPACE = new Set([' ', '\t', '\u00a0', '\n', '\r', '\f', '\v', '\u2028', '\u2029', '\u202f', '\u3000']);
const INLINE_SPACE = new Set([' ', '\t', '\u00a0']);
const TRAILING = new Set(['.', '!', '?', '…', '/', ')', '"', '”', '’', "'"]);

/** True for characters that may open a new sentence: a capital, a digit, a quote or a bracket. */
function opensSentence(ch: string): boolean {
  return /[\p{Lu}\p{N}"“‘'(\[-]/u.test(ch);
}

/**
 * Splits text into sentences. A sentence ends at a line break, or at ". ! ? …" followed by white
 * space and a capital, a digit, a quote or the end; "1.440" and "…; các" do not end one, and the
 * party ending "./." does.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && SPACE.has(text[s] ?? '')) s++;
    while (e > s && SPACE.has(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const n = text.length;
  const candidates = /[.!?…\n\r]/gu;
  for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (i < start) continue;
    if (ch === '\n' || ch === '\r') {
      push(i);
      start = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < n && TRAILING.has(text[j] ?? '')) j++;
    if (j < n && !INLINE_SPACE.has(text[j] ?? '')) continue;
    let k = j;
    while (k < n && INLINE_SPACE.has(text[k] ?? '')) k++;
    if (k >= n || text[k] === '\n' || text[k] === '\r' || opensSentence(text[k] ?? '')) {
      push(j);
      start = j;
      candidates.lastIndex = j;
    }
  }
  push(n);
  return out;
}

/**
 * Index of the last element of the ascending array `xs` that is ≤ `pos`, or -1.
 * Used for every "which sentence / clause / mention is this offset in" question, so that the
 * extractor stays O(n log n) however long a sentence is.
 */
export function lastAtOrBefore(xs: readonly number[], pos: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? Infinity) <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Sentence and clause starts of a text, for quick lookups. */
export interface Layout {
  sentences: Span[];
  sentenceStarts: number[];
  /** Offsets where a clause starts: each sentence start and each position after ";" or ":". */
  clauseStarts: number[];
}

/** Computes the sentence and clause layout of a text. */
export function layoutOf(text: string): Layout {
  const sentences = splitSentences(text);
  const sentenceStarts = sentences.map((s) => s.start);
  const clauseStarts: number[] = [...sentenceStarts];
  const marks = /[;:]/gu;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) clauseStarts.push(m.index + 1);
  clauseStarts.sort((a, b) => a - b);
  return { sentences, sentenceStarts, clauseStarts };
}

/** Index of the sentence containing `pos` (or the last one starting before it), or -1. */
export function sentenceIndexAt(layout: Layout, pos: number): number {
  return lastAtOrBefore(layout.sentenceStarts, pos);
}

/** Start offset of the clause containing `pos`. */
export function clauseStartAt(layout: Layout, pos: number): number {
  const i = lastAtOrBefore(layout.clauseStarts, pos);
  return i < 0 ? 0 : (layout.clauseStarts[i] ?? 0);
}
