/**
 * The report model: everything a progress report says, built once from an evaluation
 * ({@link buildReport} in build.ts) and read by every renderer (DOCX, XLSX, PDF, HTML, Markdown, bản tin).
 *
 * Generated prose is held as {@link Sentence}s that keep the provenance of every number; the parts people
 * write (causes, directions, proposals) are kept verbatim as {@link FreeTextBlock}s and never rewritten.
 */
import type { EvaluationResult, Status } from '../core/evaluate.ts';
import type { Field, Indicator } from '../core/indicators.ts';
import type { Period } from '../core/periods.ts';
import type { ResolutionScope } from '../core/resolutions.ts';
import type { DocumentLayout } from './layout.ts';
import type { TargetContext } from './prose.ts';
import type { Sentence } from './sentence.ts';

/** The parts of a report written by people (báo cáo viên), passed in and kept verbatim. */
export interface FreeText {
  /** Opening words before section I, replacing the generated introduction's second half. */
  intro?: string;
  /** Further achievements not measured by targets (section I, after the figures). */
  achievements?: string;
  /** Further shortcomings (section II). */
  limitations?: string;
  /** Nguyên nhân (section II). */
  causes?: string;
  /** Phương hướng, nhiệm vụ, giải pháp (section III). */
  directions?: string;
  /** Kiến nghị, đề xuất (section IV, only when given). */
  proposals?: string;
}

export type FreeTextKey = keyof FreeText;

export type ReportBlock =
  /** A numbered heading inside a section: "1. Lĩnh vực kinh tế". */
  | { kind: 'heading'; text: string }
  /** A paragraph of generated prose; `bullet` paragraphs start with "- " in the document. */
  | { kind: 'paragraph'; sentences: Sentence[]; bullet?: boolean }
  /** Text written by people, verbatim, one entry per paragraph. */
  | { kind: 'free_text'; key: FreeTextKey; title: string | null; paragraphs: string[] }
  /** A chart of {@link Report.charts}. */
  | { kind: 'chart'; chartId: string };

export interface ReportSection {
  id: 'results' | 'limitations' | 'directions' | 'proposals';
  /** Roman numeral: "I". */
  number: string;
  /** Upper case, as printed: "KẾT QUẢ ĐẠT ĐƯỢC". */
  title: string;
  blocks: ReportBlock[];
}

/** One row of the appendix table (phụ lục): a target with its figures, raw and as shown. */
export interface AppendixRow {
  targetId: string;
  /** Number within its field group: "1", "2"… */
  no: number;
  code: string;
  name: string;
  wording: string;
  /** Unit of plan and actual (ĐVT). */
  unit: string;
  plan: number | null;
  planHigh: number | null;
  /** The plan as written: "≥ 450", "< 1", "3,5 – 4", "đạt". */
  planText: string;
  actual: number | null;
  actualText: string;
  percentOfPlan: number | null;
  percentText: string;
  samePeriodValue: number | null;
  samePeriodText: string;
  samePeriodPercent: number | null;
  samePeriodPercentText: string;
  status: Status;
  statusLabel: string;
  /** "Số ước", "Tiến độ so với kế hoạch năm", "Thiếu số liệu của 02 đơn vị"… */
  note: string;
  /** Decimals to show the figures with (the indicator's precision, at most 2). */
  decimals: number;
  estimate: boolean;
  sources: string[];
}

export interface AppendixGroup {
  field: Field;
  /** "I" */
  number: string;
  title: string;
  rows: AppendixRow[];
}

export interface Appendix {
  title: string;
  subtitle: string;
  columns: { key: string; label: string }[];
  groups: AppendixGroup[];
}

/** A chart: actual against plan per year of the term, or by child unit. */
export interface ReportChart {
  id: string;
  kind: 'term_years' | 'child_units';
  title: string;
  /** Unit of the values: "ha". */
  unit: string;
  categories: string[];
  series: { name: string; role: 'actual' | 'plan'; values: (number | null)[] }[];
  /** Ids of the stored values charted. */
  sources: string[];
  indicator: string;
}

/** A figure measured for the report outside the targets (party building: inspections, discipline by form). */
export interface ReportFact {
  indicator: string;
  name: string;
  unit: string;
  field: Field;
  value: number;
  integer: boolean;
  estimate: boolean;
  sources: string[];
  options: { code: string; label: string; value: number; sources: string[] }[];
}

/** The targets of the next period (section III), from the resolution that will govern it. */
export interface NextPlan {
  period: { code: string; label: string };
  resolution: { id: string; number: string; title: string; scope: ResolutionScope };
  targets: { targetId: string; code: string; field: Field; wording: string }[];
}

export interface Report {
  unit: { id: string; code: string | null; name: string };
  period: { code: string; label: string; value: Period };
  resolution: { id: string; number: string; title: string; scope: ResolutionScope };
  /** The layout, resolved from the standard's defaults, the unit and the caller's settings. */
  layout: DocumentLayout;
  /** Sentences before section I. */
  intro: Sentence[];
  /** Free-text intro paragraphs (verbatim), after the generated ones. */
  introFree: string[];
  sections: ReportSection[];
  appendix: Appendix;
  charts: ReportChart[];
  /** The evaluation the report was built from (one, not recomputed by renderers). */
  evaluation: EvaluationResult;
  facts: ReportFact[];
  /** The indicators of the evaluated targets, by code (how to show their figures). */
  indicators: Record<string, Indicator>;
  /** How each target's sentence names its plan ("kế hoạch", "chỉ tiêu Nghị quyết") and horizon, by target id. */
  contexts: Record<string, TargetContext>;
  next: NextPlan | null;
  /** Targets named as standouts ("một số chỉ tiêu đạt cao"), best first. */
  standoutIds: string[];
  freeText: FreeText;
}

/** A problem that stops a report from being built (no resolution for the period, unknown unit…). */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}
