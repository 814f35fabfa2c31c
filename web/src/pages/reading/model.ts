/** Pure helpers of the "Đọc văn bản" page: answer types, text segments for highlighting, review rows. */
import { parsePeriod, periodCode, periodLabel, PeriodError } from '../../../../src/core/periods.ts';

export type FactKind = 'actual' | 'plan' | 'percent_of_plan' | 'percent_of_same_period' | 'ratio' | 'count_of_targets' | 'change';
export const KINDS: FactKind[] = ['actual', 'plan', 'percent_of_plan', 'percent_of_same_period', 'ratio', 'count_of_targets', 'change'];

export interface AnalysedFact {
  start: number;
  end: number;
  text: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  kind: FactKind;
  qualifier: string | null;
  numerator: number | null;
  denominator: number | null;
  direction: string | null;
  basis: string | null;
  indicator: string | null;
  period: string | null;
  place: string | null;
  match: { indicator: string | null; score: number };
  periodCode: string | null;
  periodLabel: string | null;
  unitId: string | null;
}

export interface Finding {
  start: number;
  end: number;
  spans: { start: number; end: number }[];
  check: string;
  claim: string;
  arithmetic: string;
  stated: number;
  expected: number;
  holds: boolean;
  explanation: string;
}

export interface Analysis {
  text: string;
  facts: AnalysedFact[];
  findings: Finding[];
}

export type ValueStatus = 'thuc_hien' | 'uoc' | 'so_bo';

/** One row of the review table. */
export interface ReviewRow {
  checked: boolean;
  indicator: string;
  unitId: string;
  period: string;
  value: number | null;
  status: ValueStatus;
}

export function initialRow(f: AnalysedFact): ReviewRow {
  return {
    checked: false,
    indicator: f.match.indicator ?? '',
    unitId: f.unitId ?? '',
    period: f.periodLabel ?? '',
    value: f.value,
    status: f.qualifier === 'ước' ? 'uoc' : 'thuc_hien',
  };
}

/** The period typed in a row, parsed: its code and label, or the Vietnamese error. */
export function checkPeriod(s: string): { ok: true; code: string; label: string } | { ok: false; error: string } {
  if (!s.trim()) return { ok: false, error: 'Chưa nhập kỳ' };
  try {
    const p = parsePeriod(s);
    return { ok: true, code: periodCode(p), label: periodLabel(p) };
  } catch (e) {
    if (e instanceof PeriodError) return { ok: false, error: e.message };
    throw e;
  }
}

/** A piece of the text: plain, or inside a fact; `hit` when inside a span of the chosen finding. */
export interface Segment {
  start: number;
  end: number;
  fact: number | null;
  hit: boolean;
}

/**
 * Cuts the text at every fact and finding-span boundary. Facts do not overlap (the extractor's spans are
 * disjoint); if two ever did, the first one wins for the overlap.
 */
export function segments(length: number, facts: readonly { start: number; end: number }[], hits: readonly { start: number; end: number }[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const f of facts) {
    cuts.add(Math.max(0, Math.min(length, f.start)));
    cuts.add(Math.max(0, Math.min(length, f.end)));
  }
  for (const h of hits) {
    cuts.add(Math.max(0, Math.min(length, h.start)));
    cuts.add(Math.max(0, Math.min(length, h.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let fi = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    while (fi < facts.length && facts[fi]!.end <= start) fi++;
    const f = facts[fi];
    const fact = f && f.start <= start && end <= f.end ? fi : null;
    const hit = hits.some((h) => h.start <= start && end <= h.end);
    out.push({ start, end, fact, hit });
  }
  return out;
}

/** The sentence around a span, at most ~300 characters, for the provenance note. */
export function quoteOf(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && start - a < 200 && !/[.!?\n]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && b - end < 120 && !/[.!?\n;]/.test(text[b]!)) b++;
  return text.slice(a, b).replace(/\s+/g, ' ').trim();
}
