import { describe, expect, it } from 'vitest';
import { backoffDelay, hintedDelay, RECONNECT_MAX_MS, RECONNECT_MIN_MS } from './reconnect-backoff';

describe('reconnect backoff', () => {
  it('doubles from 0.5 s, with jitter in the upper half, and never exceeds 10 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(RECONNECT_MIN_MS / 2);
    expect(backoffDelay(0, () => 1)).toBe(RECONNECT_MIN_MS);
    expect(backoffDelay(3, () => 1)).toBe(4_000);
    for (let attempt = 0; attempt < 40; attempt++) {
      for (const r of [0, 0.3, 0.999]) expect(backoffDelay(attempt, () => r)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    }
    expect(backoffDelay(30, () => 0)).toBe(RECONNECT_MAX_MS / 2);
  });

  it('spreads a restarting server’s hint and keeps it inside the bound', () => {
    expect(hintedDelay(1_000, () => 0)).toBe(500);
    expect(hintedDelay(1_000, () => 1)).toBe(1_500);
    expect(hintedDelay(60_000, () => 1)).toBe(RECONNECT_MAX_MS);
  });
});
