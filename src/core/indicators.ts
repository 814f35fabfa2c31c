/**
 * Indicators (chỉ số): what is measured, how it adds up over time and across units.
 */

export const FIELDS = {
  kinh_te: 'Kinh tế',
  van_hoa_xa_hoi: 'Văn hóa – xã hội',
  quoc_phong_an_ninh: 'Quốc phòng – an ninh',
  xay_dung_dang: 'Xây dựng Đảng và hệ thống chính trị',
} as const;
export type Field = keyof typeof FIELDS;
export const FIELD_ORDER: Field[] = ['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_dang'];

/** higher: more is better (hectares planted); lower: less is better (poverty rate); none: no judgement. */
export type Direction = 'higher' | 'lower' | 'none';

export type ValueType = 'number' | 'integer' | 'percent' | 'boolean';

/**
 * Over time: flows add up (hectares planted in a quarter), stocks take the last value (herd size at
 * the end of the period), some quantities are averaged (average income).
 */
export type TimeAggregation = 'sum' | 'last' | 'average';

/**
 * Across units: additive counts sum; a ratio is recomputed from its numerator and denominator summed
 * over the units (never the average of the units' rates); 'none' = not derivable from the units below
 * (a district-wide figure such as a rating of the district itself).
 */
export type UnitAggregation = 'sum' | 'ratio' | 'none';

export interface Disaggregation {
  /** What the options split, e.g. "Hình thức kỷ luật". */
  label: string;
  options: { code: string; label: string }[];
}

export interface Indicator {
  code: string;
  name: string;
  aliases: string[];
  /** Đơn vị tính: "ha", "%", "tỷ đồng", "đảng viên". */
  measureUnit: string;
  field: Field;
  direction: Direction;
  valueType: ValueType;
  timeAggregation: TimeAggregation;
  unitAggregation: UnitAggregation;
  /** For unitAggregation 'ratio': value = numerator / denominator × scale. Codes of other indicators. */
  ratio: { numerator: string; denominator: string; scale: number } | null;
  /** Decimals the figure is stated with (tolerance and display). */
  precision: number;
  disaggregation: Disaggregation | null;
  /** Where values are recorded: the locality's state unit or its party organisation. */
  tree: 'state' | 'party';
  /** "giá so sánh 2010" and the like, for money at constant prices. */
  priceBasis: string | null;
  description: string | null;
}
