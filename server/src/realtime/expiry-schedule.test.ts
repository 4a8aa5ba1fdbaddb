import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpirySchedule } from './expiry-schedule';

afterEach(() => void vi.useRealTimers());

describe('ExpirySchedule', () => {
  it('hands each item over once, never before its moment and at most a tick after, on one timer', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const due: string[][] = [];
    const schedule = new ExpirySchedule<string>((items) => due.push(items.sort()));
    schedule.add('a', 1_000_400);
    schedule.add('b', 1_001_000);
    schedule.add('c', 1_003_500);
    schedule.add('gone', 1_001_000);
    schedule.remove('gone');
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(999); // 1_000_999: 'a' (at 1_000_400) and 'b' (at 1_001_000) are not both due yet
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1); // 1_001_000: both are
    expect(due).toEqual([['a', 'b']]);
    vi.advanceTimersByTime(2_000); // 1_003_000: 'c' is due at 1_003_500
    expect(due).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual([['a', 'b'], ['c']]);
    // Nothing left: no timer runs.
    expect(schedule.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('moves an item scheduled again, takes a past moment as due at the next tick, and stops when emptied', () => {
    vi.useFakeTimers({ now: 5_000 });
    const due: number[][] = [];
    const schedule = new ExpirySchedule<number>((items) => due.push(items));
    schedule.add(1, 60_000);
    schedule.add(1, 6_000);
    schedule.add(2, 1_000);
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual([[2, 1]]);
    schedule.add(3, 90_000);
    schedule.remove(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});
