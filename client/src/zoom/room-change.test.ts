import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeZoom } from '../test/fakes';
import { onRoomChangeSettled } from './room-change';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('onRoomChangeSettled', () => {
  it('renews once for a move between rooms (leave, then join), after the events settle', () => {
    const { zoom, fire } = createFakeZoom();
    const handler = vi.fn();
    onRoomChangeSettled(zoom, handler, 100);
    fire('breakout', { action: 'leave', roomId: 'a' });
    vi.advanceTimersByTime(50);
    fire('breakout', { action: 'join', roomId: 'b' });
    vi.advanceTimersByTime(99);
    expect(handler).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('forgets a pending renewal when unsubscribed', () => {
    const { zoom, fire } = createFakeZoom();
    const handler = vi.fn();
    const off = onRoomChangeSettled(zoom, handler, 100);
    fire('breakout', { action: 'join', roomId: 'b' });
    off();
    vi.advanceTimersByTime(200);
    fire('breakout', { action: 'leave', roomId: 'b' });
    vi.advanceTimersByTime(200);
    expect(handler).not.toHaveBeenCalled();
  });
});
