/**
 * How reports write computed figures: rounded half away from zero, or simply cut ("105,56" written
 * "105,5"), to the number of decimals they show; and with approximation words (domain-rules §4.1).
 */
import { roundHalfAway, truncate } from '../core/numbers.ts';
import type { Qualifier } from './types.ts';

/** How a stated figure agrees with the computed one, or null when it does not. */
export type Agreement = 'exact' | 'rounded' | 'truncated' | 'bound' | 'approximate';

const EPS = 1e-9;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Compares a computed value with a figure stated with `decimals` digits after the comma and an
 * optional qualifier: "hơn/trên" need more, "dưới" less, "gần" a little less (within 5%),
 * "khoảng/ước/xấp xỉ" within 5%, "tối thiểu" at least, "tối đa" at most.
 * @example agreement(95 / 90 * 100, 105.5, 1, null) === 'truncated'
 * @example agreement(147 / 120 * 100, 122, 0, 'hơn') === 'bound'
 */
export function agreement(computed: number, stated: number, decimals: number, qualifier: Qualifier | null): Agreement | null {
  if (!Number.isFinite(computed)) return null;
  switch (qualifier) {
    case 'hơn':
    case 'trên':
      return computed > stated && !same(computed, stated) ? 'bound' : null;
    case 'dưới':
      return computed < stated && !same(computed, stated) ? 'bound' : null;
    case 'tối thiểu':
      return computed >= stated || same(computed, stated) ? 'bound' : null;
    case 'tối đa':
      return computed <= stated || same(computed, stated) ? 'bound' : null;
    case 'gần':
      return computed < stated && computed >= stated * 0.95 ? 'approximate' : plain(computed, stated, decimals);
    case 'khoảng':
    case 'ước':
    case 'xấp xỉ':
      return Math.abs(computed - stated) <= 0.05 * Math.abs(stated) ? 'approximate' : null;
    case null:
      return plain(computed, stated, decimals);
  }
}

function plain(computed: number, stated: number, decimals: number): Agreement | null {
  if (same(computed, stated)) return 'exact';
  if (same(roundHalfAway(computed, decimals), stated)) return 'rounded';
  if (same(truncate(computed, decimals), stated)) return 'truncated';
  return null;
}

/** The agreement in words, for explanations. */
export function agreementWords(a: Agreement): string {
  switch (a) {
    case 'exact':
      return 'khớp đúng';
    case 'rounded':
      return 'khớp sau khi làm tròn';
    case 'truncated':
      return 'khớp nếu cắt bớt chữ số thập phân (không làm tròn), chấp nhận được';
    case 'bound':
      return 'phù hợp với từ chỉ mức độ';
    case 'approximate':
      return 'xấp xỉ, phù hợp với từ ước lượng';
  }
}
