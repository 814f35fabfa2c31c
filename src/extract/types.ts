/**
 * Types of the report-reading core: facts found in Vietnamese report text, and findings of the
 * consistency checker. Offsets are UTF-16 code-unit offsets into the NFC form of the text.
 */

/** A half-open range [start, end) of UTF-16 offsets into the NFC text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What a number says about its indicator (domain-rules §2.2):
 * - `actual`: a level reached (thực hiện, ước thực hiện);
 * - `plan`: a target or planned level (kế hoạch, chỉ tiêu, phấn đấu), ranges included;
 * - `percent_of_plan`: TH / KH × 100 ("đạt 122,5% kế hoạch", "bằng 90% dự toán");
 * - `percent_of_same_period`: TH_N / TH_(N-1) × 100 ("bằng 135% cùng kỳ");
 * - `ratio`: a numerator over a denominator ("147/120 đảng viên", "479 trên 749 hộ");
 * - `count_of_targets`: a count of chỉ tiêu ("24/30 chỉ tiêu đạt và vượt", "9 chỉ tiêu không đạt");
 * - `change`: a difference with a direction ("tăng 8,5%", "giảm 19,9% so với năm 2021", "vượt 5,4%").
 */
export type FactKind =
  | 'actual'
  | 'plan'
  | 'percent_of_plan'
  | 'percent_of_same_period'
  | 'ratio'
  | 'count_of_targets'
  | 'change';

/** Approximation words, as written (domain-rules §4.1). "trên" here is "more than", not "out of". */
export type Qualifier = 'hơn' | 'trên' | 'gần' | 'khoảng' | 'ước' | 'xấp xỉ' | 'dưới' | 'tối thiểu' | 'tối đa';

/** Direction of a `change` fact. "vượt" is an excess over a plan or a resolution target. */
export type Direction = 'tăng' | 'giảm' | 'vượt';

/** Evaluation words written next to a count of targets (domain-rules §2.1). */
export type Evaluation = 'đạt và vượt' | 'vượt' | 'đạt' | 'cơ bản đạt' | 'không đạt';

/**
 * How a number sits in its sentence, for the consistency checker:
 * - `remainder`: introduced by "còn" (what is left of a total: "còn 02 tổ chức đảng");
 * - `cumulative`: a running total ("nâng tổng số … lên 28", "tổng số … là");
 * - `from` / `to`: the two ends of "giảm từ 38 … xuống còn 10".
 */
export type Role = 'remainder' | 'cumulative' | 'from' | 'to' | null;

/** One numeric fact of a report. */
export interface Fact {
  start: number;
  end: number;
  /** The text of [start, end). */
  text: string;
  /** The value; for a ratio the numerator, for a range the lower bound. */
  value: number;
  /** Upper bound of a range ("từ 3,5 - 4%/năm"), otherwise null. */
  valueMax: number | null;
  /** Digits written after the decimal comma of `value` (tolerance of the checker). */
  decimals: number;
  /** Unit as written, compound units joined with "/" ("triệu đồng/ha/năm"); null when none is written or implied. */
  unit: string | null;
  kind: FactKind;
  qualifier: Qualifier | null;
  numerator: number | null;
  denominator: number | null;
  direction: Direction | null;
  /** What the figure is compared with: "kế hoạch", "nghị quyết", "dự toán", "cùng kỳ", "năm 2021"…; null if not written. */
  basis: string | null;
  /** For counts of targets: the evaluation written next to them. */
  evaluation: Evaluation | null;
  role: Role;
  /** The phrase the number belongs to. */
  indicator: string | null;
  /** The period the figure refers to, as written ("quý I/2025", "8 tháng đầu năm 2023"). */
  period: string | null;
  /** The administrative unit the figure belongs to ("huyện Ngân Sơn"). */
  place: string | null;
  /** Index of the sentence holding the number (0-based, in text order). */
  sentence: number;
  /**
   * Facts said of one indicator in one breath share a chain id: a head figure and the percents and
   * changes that follow it ("147/120 đảng viên, đạt 122,5% kế hoạch").
   */
  chain: number;
}

/** The checks the consistency checker knows. */
export type CheckKind =
  | 'ratio_percent'
  | 'plan_percent'
  | 'parts_total'
  | 'remainder'
  | 'targets_total'
  | 'list_count'
  | 'change'
  | 'excess'
  | 'range_target'
  | 'not_exceed';

/** One claim the text lets us verify, and whether it holds. */
export interface Finding {
  /** Span of the figure being judged (the stated value). */
  start: number;
  end: number;
  /** Every span the check used, the judged one included, in text order. */
  spans: Span[];
  check: CheckKind;
  /** The claim, quoted from the text (far-apart pieces joined with " … "). */
  claim: string;
  /** The arithmetic, Vietnamese notation ("147 / 120 × 100 = 122,50%"). */
  arithmetic: string;
  stated: number;
  expected: number;
  holds: boolean;
  /** Explanation for the user, in Vietnamese. */
  explanation: string;
}
