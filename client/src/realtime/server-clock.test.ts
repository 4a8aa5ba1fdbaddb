import { describe, expect, it } from 'vitest';
import { makePoll, makeSnapshot } from '../test/fixtures';
import { initialMeetingState, meetingReducer } from './meeting-state';
import { clockOffset, formatRemaining, remainingMs, spokenRemaining } from './server-clock';

describe('server clock', () => {
  it('counts down to a server-clock deadline on a client clock that runs behind or ahead', () => {
    // The server says 10 000 when this client's clock says 7 000: the client is 3 s behind.
    const offset = clockOffset(10_000, 7_000);
    expect(offset).toBe(3_000);
    expect(remainingMs(40_000, 7_000, offset)).toBe(30_000);
    // Ahead by 2 s: the same deadline is nearer on the local clock.
    expect(remainingMs(40_000, 12_000, clockOffset(10_000, 12_000))).toBe(30_000);
    expect(remainingMs(40_000, 50_000, 0)).toBe(0);
  });

  it('shows whole seconds rounded up, and says them in words', () => {
    expect(formatRemaining(61_001)).toBe('1:02');
    expect(formatRemaining(59_000)).toBe('0:59');
    expect(formatRemaining(3_600_000 + 5_000)).toBe('1:00:05');
    expect(formatRemaining(-5)).toBe('0:00');
    expect(spokenRemaining(61_000)).toBe('1 minute 1 second');
    expect(spokenRemaining(0)).toBe('0 seconds');
  });

  it('takes the offset from the snapshot and from every stamped poll update', () => {
    const snapped = meetingReducer(initialMeetingState, {
      type: 'snapshot',
      snapshot: makeSnapshot({ serverTime: 5_000 }),
      receivedAt: 4_000,
    });
    expect(snapped.clockOffsetMs).toBe(1_000);
    const updated = meetingReducer(snapped, {
      type: 'poll:updated',
      poll: makePoll({ closesAt: 90_000 }),
      serverTime: 60_000,
      receivedAt: 62_500,
    });
    expect(updated.clockOffsetMs).toBe(-2_500);
    const unstamped = meetingReducer(updated, { type: 'poll:updated', poll: makePoll() });
    expect(unstamped.clockOffsetMs).toBe(-2_500);
  });
});
