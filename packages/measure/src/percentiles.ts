// Percentiles by the nearest-rank method on a sorted copy: simple, exact for the sample, and the
// same definition in every benchmark so their figures compare.

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100); NaN when empty. */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function percentile(values: readonly number[], p: number): number {
  return percentileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

export function summarize(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  const arr = Array.from(sorted);
  let sum = 0;
  for (const v of arr) sum += v;
  return {
    count: arr.length,
    min: arr[0] ?? Number.NaN,
    mean: arr.length ? sum / arr.length : Number.NaN,
    p50: percentileSorted(arr, 50),
    p95: percentileSorted(arr, 95),
    p99: percentileSorted(arr, 99),
    max: arr.at(-1) ?? Number.NaN,
  };
}

/** Rounds for reports: 3 decimals below 10, 1 decimal above (keeps tables readable). */
export function round(value: number, digits?: number): number {
  if (!Number.isFinite(value)) return value;
  const d = digits ?? (Math.abs(value) < 10 ? 3 : 1);
  const f = 10 ** d;
  return Math.round(value * f) / f;
}
