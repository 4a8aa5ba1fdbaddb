import { afterEach, describe, expect, it } from 'vitest';
import type { Poll, PollTally, Question } from '@quorum/shared';
import { makePoll, makeTally } from '../../test/fixtures';
import { render } from '../../test/render';
import { leadingIds } from './bar-list';
import { PollResults } from './poll-results';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  // One at a time: overlapping act() calls leave React's test scheduler unable to flush the next render.
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function highlights(poll: Poll, tally: PollTally) {
  const view = await render(<PollResults poll={poll} tally={tally} role="host" />);
  cleanups.push(view.unmount);
  return [...view.container.querySelectorAll<HTMLElement>('[data-testid=result-bar]')].map((b) => [
    b.dataset.optionId,
    b.dataset.highlight ?? '',
    b.querySelector('.winner-mark')?.textContent ?? '',
  ]);
}
const choice = (counts: Record<string, number>) =>
  makeTally({ questions: { q1: { kind: 'choice', voters: 3, counts } } });

describe('leader and winner', () => {
  it('marks the leader quietly while open and names the winner once closed', async () => {
    expect(await highlights(makePoll(), choice({ a: 1, b: 2 }))).toEqual([
      ['a', '', ''],
      ['b', 'leader', ''],
    ]);
    expect(await highlights(makePoll({ status: 'closed' }), choice({ a: 1, b: 2 }))).toEqual([
      ['a', '', ''],
      ['b', 'winner', 'Winner'],
    ]);
  });

  it('calls a tie a tie, and crowns nobody without votes', async () => {
    expect(await highlights(makePoll({ status: 'closed' }), choice({ a: 2, b: 2 }))).toEqual([
      ['a', 'winner', 'Tie'],
      ['b', 'winner', 'Tie'],
    ]);
    expect(await highlights(makePoll({ status: 'closed' }), choice({ a: 0, b: 0 }))).toEqual([
      ['a', '', ''],
      ['b', '', ''],
    ]);
    expect(leadingIds([])).toEqual(new Set());
  });

  it('leaves quiz answers to the correct mark and rating scales alone', async () => {
    const quiz: Question = {
      id: 'q1',
      kind: 'single',
      prompt: 'Capital?',
      options: [
        { id: 'a', label: 'Paris' },
        { id: 'b', label: 'Lyon' },
      ],
      correctOptionIds: ['a'],
    };
    expect(
      (await highlights(makePoll({ questions: [quiz], status: 'closed' }), choice({ a: 1, b: 2 }))).map(([, h]) => h),
    ).toEqual(['', '']);
    const rating: Question = {
      id: 'q1',
      kind: 'rating',
      prompt: 'How good?',
      min: 1,
      max: 3,
      minLabel: '',
      maxLabel: '',
    };
    const tally = makeTally({ questions: { q1: { kind: 'rating', voters: 2, counts: { '3': 2 }, sum: 6 } } });
    expect((await highlights(makePoll({ questions: [rating], status: 'closed' }), tally)).map(([, h]) => h)).toEqual([
      '',
      '',
      '',
    ]);
  });
});
