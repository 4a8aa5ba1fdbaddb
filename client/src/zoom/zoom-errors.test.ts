import { describe, expect, it, vi } from 'vitest';
import { ConfigTimeoutError, isDoNotDisturb, isNotInZoomFailure, withTimeout } from './zoom-errors';

describe('zoom error classification', () => {
  it('recognises a page outside Zoom, but not a slow Zoom client', () => {
    expect(isNotInZoomFailure(new Error('The Zoom Apps SDK is not supported by this browser'))).toBe(true);
    // A timeout is retried: the client may answer the next attempt.
    expect(isNotInZoomFailure(new Error('config took longer than 3000ms to respond.\n requestId: id1'))).toBe(false);
    expect(isNotInZoomFailure(new ConfigTimeoutError('late'))).toBe(false);
    expect(isNotInZoomFailure(new Error('Permission denied'))).toBe(false);
  });

  it('recognises do-not-disturb in either code type', () => {
    expect(isDoNotDisturb(Object.assign(new Error('dnd'), { code: 10042 }))).toBe(true);
    expect(isDoNotDisturb(Object.assign(new Error('dnd'), { code: '10042' }))).toBe(true);
    expect(isDoNotDisturb(Object.assign(new Error('x'), { code: 10015 }))).toBe(false);
    expect(isDoNotDisturb(null)).toBe(false);
  });

  it('times out a silent promise', async () => {
    vi.useFakeTimers();
    const pending = withTimeout(new Promise<never>(() => {}), 3000, () => new ConfigTimeoutError('late'));
    vi.advanceTimersByTime(3000);
    await expect(pending).rejects.toBeInstanceOf(ConfigTimeoutError);
    vi.useRealTimers();
  });
});
