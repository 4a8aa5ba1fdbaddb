import { describe, expect, it } from 'vitest';
import { decimalsOf, gridIndex, numberBuckets, numberGrid, valueAt } from './number-grid';

describe('number grid', () => {
  it('counts decimals in every notation', () => {
    expect([0, 1, 0.5, 0.25, 1e-7, 1.5e-7, -2.125, 1e21].map(decimalsOf)).toEqual([0, 0, 1, 2, 7, 8, 3, 0]);
  });

  it('maps values to integer indices exactly', () => {
    const grid = numberGrid({ min: -1, max: 1, step: 0.1 });
    expect(grid).toEqual({ decimals: 1, scale: 10, minScaled: -10, stepScaled: 1, points: 21 });
    expect(gridIndex(grid, -1)).toBe(0);
    expect(gridIndex(grid, 0.3)).toBe(13);
    expect(gridIndex(grid, 1)).toBe(20);
    expect(gridIndex(grid, 0.35)).toBeUndefined();
    expect(gridIndex(grid, 1.1)).toBeUndefined();
    expect(valueAt(grid, 13)).toBe(0.3);
    expect(valueAt(grid, 12.5)).toBe(0.25);
  });

  it('splits into at most 20 buckets covering the range', () => {
    expect(numberBuckets(numberGrid({ min: 0, max: 10, step: 1 }))).toHaveLength(11);
    const big = numberBuckets(numberGrid({ min: 0, max: 100, step: 1 }));
    expect(big).toHaveLength(17); // 101 points in buckets of 6
    expect(big[0]).toEqual({ from: 0, to: 5 });
    expect(big.at(-1)).toEqual({ from: 96, to: 100 });
    const fine = numberBuckets(numberGrid({ min: 0, max: 1, step: 0.05 }));
    expect(fine.length).toBeLessThanOrEqual(20);
    expect(fine.at(-1)?.to).toBe(1);
  });
});
