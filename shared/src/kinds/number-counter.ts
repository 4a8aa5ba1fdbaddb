import { z } from 'zod';
import type { CountedBallot, KindCounter } from './kind-def';
import {
  bucketWidth,
  gridIndex,
  numberBuckets,
  numberGrid,
  valueAt,
  scaledToValue,
  type Bounds,
  type NumberGrid,
} from './number-grid';

/**
 * Numeric estimate: a histogram (`counts` per bucket index, `buckets` their inclusive bounds,
 * at most 20) with sum, mean and median (null without answers).
 */
export const numberTallySchema = z.strictObject({
  kind: z.literal('number'),
  voters: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  buckets: z.array(z.strictObject({ from: z.number(), to: z.number() })),
  sum: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
});
export type NumberTally = z.infer<typeof numberTallySchema>;

/**
 * Numeric estimate: answers per grid value (for the median), per bucket (the histogram) and the sum
 * of grid indices, all integers so adding and taking back are exact. The per-value map holds at
 * most one entry per distinct answer, so it is bounded by the number of voters and of grid points.
 */
export class NumberCounter implements KindCounter<{ kind: 'number'; value: number }, NumberTally> {
  private readonly grid: NumberGrid;
  private readonly width: number;
  private readonly buckets: { from: number; to: number }[];
  private readonly perValue = new Map<number, number>();
  private readonly perBucket: number[];
  private voters = 0;
  private indexSum = 0;

  constructor(question: Bounds) {
    this.grid = numberGrid(question);
    this.width = bucketWidth(this.grid);
    this.buckets = numberBuckets(this.grid);
    this.perBucket = this.buckets.map(() => 0);
  }

  add({ answer }: CountedBallot<{ kind: 'number'; value: number }>, sign: 1 | -1): void {
    const index = gridIndex(this.grid, answer.value);
    if (index === undefined) return;
    this.voters += sign;
    this.indexSum += sign * index;
    const bucket = Math.floor(index / this.width);
    this.perBucket[bucket] = (this.perBucket[bucket] ?? 0) + sign;
    const count = (this.perValue.get(index) ?? 0) + sign;
    if (count === 0) this.perValue.delete(index);
    else this.perValue.set(index, count);
  }

  /** The grid index halfway through the sorted answers (the mean of the middle two when even). */
  private medianIndex(): number | null {
    if (this.voters <= 0) return null;
    const sorted = [...this.perValue].sort(([a], [b]) => a - b);
    const at = (position: number): number => {
      let seen = 0;
      for (const [index, count] of sorted) {
        seen += count;
        if (position < seen) return index;
      }
      return sorted[sorted.length - 1]?.[0] ?? 0;
    };
    return (at(Math.floor((this.voters - 1) / 2)) + at(Math.floor(this.voters / 2))) / 2;
  }

  view(): NumberTally {
    const median = this.medianIndex();
    const { minScaled, stepScaled } = this.grid;
    return {
      kind: 'number',
      voters: this.voters,
      counts: Object.fromEntries(this.perBucket.map((n, i) => [String(i), n])),
      buckets: this.buckets.map((b) => ({ ...b })),
      sum: scaledToValue(this.grid, this.voters * minScaled + stepScaled * this.indexSum),
      mean: this.voters > 0 ? valueAt(this.grid, this.indexSum / this.voters) : null,
      median: median === null ? null : valueAt(this.grid, median),
    };
  }
}
