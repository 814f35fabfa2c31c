/**
 * Exact splitting of a district figure over its communes: in integer "ticks" (the value times
 * 10^precision), so that the parts add up to the total exactly at the indicator's precision and a
 * district total recomputed from its communes equals the published figure.
 */

/** The value in ticks of 10^-precision; throws when the value has more decimals than that. */
export function toTicks(value: number, precision: number): number {
  const f = 10 ** precision;
  const t = Math.round(value * f);
  if (Math.abs(t / f - value) > 1e-9) throw new Error(`${value} có nhiều hơn ${precision} chữ số thập phân`);
  return t;
}

export const fromTicks = (ticks: number, precision: number): number => ticks / 10 ** precision;

/**
 * Splits `total` ticks in proportion to integer `weights` by the largest-remainder method: every part
 * gets the floor of its share, and the ticks left over go to the largest remainders, ties to the
 * earlier part. Deterministic and exact: the parts always add up to `total`.
 * @example splitTicks(10, [1, 1, 1]) → [4, 3, 3]
 */
export function splitTicks(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`Tổng phải là số nguyên không âm, không phải ${total}`);
  if (weights.some((w) => !Number.isInteger(w) || w < 0)) throw new Error('Trọng số phải là số nguyên không âm');
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('Tổng trọng số bằng 0 mà tổng cần chia khác 0');
  }
  // Integer arithmetic throughout: share_i = total·w_i / sum = floor + remainder/sum.
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((s, p) => s + p, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}

/** Splits a value at `precision` decimals in proportion to `weights`. */
export function splitValue(value: number, weights: readonly number[], precision: number): number[] {
  return splitTicks(toTicks(value, precision), weights).map((t) => fromTicks(t, precision));
}
