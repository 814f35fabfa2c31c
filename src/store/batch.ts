/**
 * Batching for bulk writes. PGlite costs about 0.3 ms per query and has a single connection, so a
 * query per row is never acceptable (stack-notes §4): rows go in chunks through one
 * `insert … select … from unnest($1::text[], …)` each.
 */

/** Rows per statement: large enough to amortise the per-query cost, small enough for PGlite's memory. */
export const BATCH_SIZE = 5000;

/** Splits `items` into consecutive slices of at most `size`. */
export function chunk<T>(items: readonly T[], size: number = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A column of a row batch, for an `unnest` parameter. `undefined` becomes NULL. */
export function column<T, V>(rows: readonly T[], pick: (row: T) => V | undefined): (V | null)[] {
  return rows.map((r) => pick(r) ?? null);
}
