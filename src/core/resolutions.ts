/**
 * Resolutions (Nghị quyết) and their targets (chỉ tiêu), in every form of domain-rules §2.3.
 *
 * A target says *what is measured* (its basis) and *how it is judged* (its rule):
 *
 * | form in a resolution                                   | basis                    | rule        |
 * |--------------------------------------------------------|--------------------------|-------------|
 * | "trồng rừng 450 ha" (annual plan)                      | level                    | min 450     |
 * | "tỷ lệ tăng dân số dưới 1%"                            | level                    | max 1 strict|
 * | "thu ngân sách tăng 10–12%"                            | change pct increase      | range 10–12 |
 * | "giảm tỷ lệ hộ nghèo 3,5%" (annual, in points)          | change pp decrease       | min 3,5     |
 * | "mỗi năm kết nạp từ 80 đảng viên trở lên"               | level, recurrence each_year | min 80   |
 * | "tổng vốn đầu tư 2021–2025: 5.000 tỷ đồng"              | cumulative               | min 5000    |
 * | "thu nhập bình quân đầu người đến năm 2025: 60 triệu"   | end_of_term              | min 60      |
 * | "tốc độ tăng GTSX bình quân hằng năm 16%"               | average (cagr)           | min 16      |
 * | "hộ nghèo giảm bình quân 3,5–4%/năm"                    | average (pp_per_year)    | range 3,5–4 |
 * | "kết nạp đảng viên mới ≥ 7% số đảng viên đầu năm"        | ratio_to_base            | min 7       |
 * | "huyện đạt chuẩn nông thôn mới"                         | level (boolean)          | status      |
 * | "duy trì xã đạt chuẩn quốc gia về y tế"                 | maintain                 | status      |
 */
import type { Field } from './indicators.ts';

export type Basis =
  | { kind: 'level' }
  /** Change against the same period of the previous year: "tăng 12%" (pct) or "giảm 3,5 điểm %" (pp). */
  | { kind: 'change'; unit: 'pct' | 'pp'; sense: 'increase' | 'decrease' }
  | { kind: 'cumulative' }
  | { kind: 'end_of_term' }
  | { kind: 'average'; method: 'mean' | 'cagr' | 'pp_per_year' }
  | { kind: 'ratio_to_base'; baseIndicator: string }
  | { kind: 'maintain' };

export type Rule =
  | { op: 'min'; value: number; strict?: boolean }
  | { op: 'max'; value: number; strict?: boolean }
  | { op: 'range'; low: number; high: number }
  | { op: 'status' };

/** once: judged over the resolution's own period; each_year: a term target judged in every plan year. */
export type Recurrence = 'once' | 'each_year';

export interface Target {
  id: string;
  /** Short code within the resolution ("KT01"). */
  code: string;
  indicator: string;
  /** The sentence as the resolution writes it, verbatim. */
  wording: string;
  basis: Basis;
  rule: Rule;
  recurrence: Recurrence;
  /** Decimals the plan was stated with; tolerance compares after rounding to this. Null: from the figure. */
  precision: number | null;
  /** Field of the report section; null = the indicator's field. */
  field: Field | null;
  /**
   * Optional per-year plan values for each_year/cumulative targets when the annual plan differs
   * from an even split (e.g. cumulative forest planting planned year by year).
   */
  yearPlans: Record<string, number> | null;
  note: string | null;
}

/** Evaluation settings of a resolution (domain-rules §2.3 [P]: proposals, configurable). */
export interface EvaluationSettings {
  /** Compare after rounding the actual to the precision the target was stated in (65% met by 64,96%). */
  tolerance: 'stated_precision' | 'exact';
  /**
   * What counts as vượt: 'beyond_plan' = strictly better than the plan after rounding;
   * a number = % of plan at or above which a target is vượt (e.g. 105).
   */
  exceed: 'beyond_plan' | number;
  /** Optional "cơ bản đạt" band: % of plan from which a missed target is "basically met" (e.g. 90). */
  basicallyMetPercent: number | null;
  /** How a recurring target is judged over a whole term. */
  recurringTermRule: 'all_years' | 'average';
}

export const DEFAULT_SETTINGS: EvaluationSettings = {
  tolerance: 'stated_precision',
  exceed: 'beyond_plan',
  basicallyMetPercent: null,
  recurringTermRule: 'all_years',
};

export type ResolutionScope = { kind: 'term'; startYear: number; endYear: number } | { kind: 'year'; year: number };

export interface Resolution {
  id: string;
  /** "05-NQ/HU" */
  number: string;
  title: string;
  issuerId: string;
  /** ISO date. */
  issuedOn: string | null;
  scope: ResolutionScope;
  settings: EvaluationSettings;
  targets: Target[];
}
