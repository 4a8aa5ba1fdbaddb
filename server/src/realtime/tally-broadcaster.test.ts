import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TallyBroadcaster } from './tally-broadcaster';

describe('TallyBroadcaster', () => {
  let sent: string[];
  let clock: number;
  let broadcaster: TallyBroadcaster;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    clock = 0;
    broadcaster = new TallyBroadcaster(
      50,
      (id) => sent.push(`${id}@${clock}`),
      () => clock,
    );
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };

  it('sends the first change after a quiet spell on the next turn, not inside the caller', () => {
    broadcaster.markDirty('p');
    expect(sent).toEqual([]);
    advance(0);
    expect(sent).toEqual(['p@0']);
  });

  it('sends at most once per window per poll, carrying every change made meanwhile', () => {
    broadcaster.markDirty('p');
    advance(0);
    for (let i = 0; i < 10; i++) {
      advance(4);
      broadcaster.markDirty('p');
    }
    expect(sent).toEqual(['p@0']);
    advance(10);
    expect(sent).toEqual(['p@0', 'p@50']);
    advance(200);
    expect(sent).toHaveLength(2);
  });

  it('keeps polls independent and flushes pending sends on demand', () => {
    broadcaster.markDirty('a');
    broadcaster.markDirty('b');
    advance(0);
    broadcaster.markDirty('a');
    broadcaster.flush();
    expect(sent).toEqual(['a@0', 'b@0', 'a@0']);
    advance(100);
    expect(sent).toHaveLength(3);
  });

  it('with a zero window sends every change', () => {
    broadcaster = new TallyBroadcaster(
      0,
      (id) => sent.push(id),
      () => clock,
    );
    for (let i = 0; i < 3; i++) {
      broadcaster.markDirty('p');
      advance(0);
    }
    expect(sent).toEqual(['p', 'p', 'p']);
  });
});
