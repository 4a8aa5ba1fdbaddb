import { LIMITS } from '../schemas/common';

/**
 * A numeric question's values as integers: value = (minScaled + index·stepScaled) / scale with
 * scale = 10^decimals. Checking the grid and summing in integers avoids float error (0.1 + 0.2).
 */
export interface NumberGrid {
  decimals: number;
  scale: number;
  minScaled: number;
  stepScaled: number;
  /** How many values the grid has, ends included. */
  points: number;
}

/** A numeric question's range and step. */
export interface Bounds {
  min: number;
  max: number;
  step: number;
}

/** Digits after the decimal point in a number's shortest form (0.25 → 2, 1e-7 → 7). */
export function decimalsOf(x: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** The grid of a question whose bounds passed `numberQuestionProblem`. */
export function numberGrid(q: Bounds): NumberGrid {
  const decimals = Math.max(decimalsOf(q.min), decimalsOf(q.max), decimalsOf(q.step));
  const scale = 10 ** decimals;
  const minScaled = Math.round(q.min * scale);
  const stepScaled = Math.round(q.step * scale);
  const points = Math.floor((Math.round(q.max * scale) - minScaled) / stepScaled) + 1;
  return { decimals, scale, minScaled, stepScaled, points };
}

/** Why a numeric question's bounds are unusable, naming the field; undefined when they are fine. */
export function numberQuestionProblem(q: Bounds): { field: 'min' | 'max' | 'step'; message: string } | undefined {
  for (const field of ['min', 'max', 'step'] as const) {
    if (decimalsOf(q[field]) > LIMITS.numberDecimalsMax)
      return { field, message: `use at most ${LIMITS.numberDecimalsMax} decimals` };
  }
  if (q.max <= q.min) return { field: 'max', message: 'the maximum must exceed the minimum' };
  const grid = numberGrid(q);
  const span = Math.round(q.max * grid.scale) - grid.minScaled;
  if (span % grid.stepScaled !== 0)
    return { field: 'max', message: 'the maximum must be the minimum plus a whole number of steps' };
  if (grid.points - 1 > LIMITS.numberStepsMax)
    return { field: 'step', message: `at most ${LIMITS.numberStepsMax} steps from minimum to maximum` };
  return undefined;
}

/** The grid index of a value, or undefined when it is off the grid or out of range. */
export function gridIndex(grid: NumberGrid, value: number): number | undefined {
  if (!Number.isFinite(value) || decimalsOf(value) > grid.decimals) return undefined;
  const offset = Math.round(value * grid.scale) - grid.minScaled;
  if (offset < 0 || offset % grid.stepScaled !== 0) return undefined;
  const index = offset / grid.stepScaled;
  return index < grid.points ? index : undefined;
}

/** A scaled integer (or fraction of one, for means) back as a plain number, without float noise. */
export const scaledToValue = (grid: NumberGrid, scaled: number): number =>
  Number((scaled / grid.scale).toFixed(Math.min(grid.decimals + 4, 20)));

/** The value at a grid index; fractional indices give values between grid points (medians, means). */
export const valueAt = (grid: NumberGrid, index: number): number =>
  scaledToValue(grid, grid.minScaled + grid.stepScaled * index);

/** Grid points per histogram bucket: at most 20 buckets of equal width (the last may be narrower). */
export const bucketWidth = (grid: NumberGrid): number =>
  Math.ceil(grid.points / Math.min(grid.points, LIMITS.numberBucketsMax));

/** The histogram's buckets with their inclusive bounds. */
export function numberBuckets(grid: NumberGrid): { from: number; to: number }[] {
  const width = bucketWidth(grid);
  const count = Math.ceil(grid.points / width);
  return Array.from({ length: count }, (_, i) => ({
    from: valueAt(grid, i * width),
    to: valueAt(grid, Math.min((i + 1) * width, grid.points) - 1),
  }));
}
