import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottledAnnouncer } from './announcer-throttle';

let said: string[];
const make = () => createThrottledAnnouncer((m) => said.push(m), 5000);

beforeEach(() => {
  said = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('throttled results announcements', () => {
  it('speaks the first change at once and collapses a burst of tallies into one announcement of the latest', () => {
    const a = make();
    a.update('poll', '1 voted');
    expect(said).toEqual(['1 voted']);
    for (let n = 2; n <= 30; n++) {
      vi.advanceTimersByTime(100);
      a.update('poll', `${n} voted`);
    }
    expect(said).toEqual(['1 voted']);
    vi.advanceTimersByTime(5000 - 29 * 100 - 1);
    expect(said).toEqual(['1 voted']);
    vi.advanceTimersByTime(1);
    expect(said).toEqual(['1 voted', '30 voted']);
    // A steady stream: one announcement per interval, never one per tally.
    for (let n = 31; n <= 130; n++) {
      vi.advanceTimersByTime(200);
      a.update('poll', `${n} voted`);
    }
    vi.advanceTimersByTime(5000);
    // 100 tallies over 20 s: one announcement per 5 s, the last one when the stream stops.
    expect(said.slice(2)).toHaveLength(5);
    expect(said.at(-1)).toBe('130 voted');
  });

  it('says nothing again when the words did not change, and speaks after a quiet interval at once', () => {
    const a = make();
    a.update('poll', 'Leading: A');
    a.update('poll', 'Leading: A');
    vi.advanceTimersByTime(10_000);
    expect(said).toEqual(['Leading: A']);
    a.update('poll', 'Leading: B');
    expect(said).toEqual(['Leading: A', 'Leading: B']);
  });

  it('throttles each poll on its own', () => {
    const a = make();
    a.update('one', 'One: 1 voted');
    a.update('two', 'Two: 1 voted');
    a.update('one', 'One: 2 voted');
    expect(said).toEqual(['One: 1 voted', 'Two: 1 voted']);
    vi.advanceTimersByTime(5000);
    expect(said).toEqual(['One: 1 voted', 'Two: 1 voted', 'One: 2 voted']);
  });

  it('speaks the final words at once and drops what was queued for that poll', () => {
    const a = make();
    a.update('poll', '1 voted');
    a.update('poll', '2 voted');
    a.final('poll', 'Poll closed. Winner: A with 2 votes (100%).');
    vi.advanceTimersByTime(10_000);
    expect(said).toEqual(['1 voted', 'Poll closed. Winner: A with 2 votes (100%).']);
  });

  it('cancels queued words when disposed', () => {
    const a = make();
    a.update('poll', '1 voted');
    a.update('poll', '2 voted');
    a.dispose();
    vi.advanceTimersByTime(10_000);
    expect(said).toEqual(['1 voted']);
  });
});
