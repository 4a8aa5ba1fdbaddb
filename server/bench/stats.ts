/** Nearest-rank percentile (p in 0–100) of the values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The median, used to summarise several runs of one mode. */
export const median = (values: number[]): number => percentile(values, 50);

/** Sum of the values. */
export const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
