import { describe, expect, it } from 'vitest';
import { MAX_ONE_WAY_MS, QuestionClock } from './question-clock';

describe('QuestionClock', () => {
  it('credits half the median round trip of the socket that got the question first', () => {
    const clock = new QuestionClock(() => 0);
    for (const rtt of [400, 420, 2000, 380, 410]) clock.recordRtt('s1', rtt);
    expect(clock.rtt('s1')).toBe(410);
    clock.delivered('p', 1, 'u:a', 's1', 10_000);
    clock.delivered('p', 1, 'u:a', 's2', 12_000); // a second device later: the first delivery counts
    expect(clock.reachedAt('p', 1, 'u:a', 's2')).toBe(10_205);
    expect(clock.reachedAt('p', 2, 'u:a', 's1')).toBeUndefined();
  });

  it('falls back to the casting socket, caps the credit and forgets closed polls', () => {
    const clock = new QuestionClock(() => 0);
    clock.delivered('p', 1, 'u:a', 'gone', 1_000);
    clock.recordRtt('s2', 60_000);
    expect(clock.reachedAt('p', 1, 'u:a', 's2')).toBe(1_000 + MAX_ONE_WAY_MS);
    expect(clock.reachedAt('p', 1, 'u:a', 'unknown')).toBe(1_000);
    clock.forgetPoll('p');
    expect(clock.reachedAt('p', 1, 'u:a', 's2')).toBeUndefined();
  });
});
