import { afterEach, describe, expect, it } from 'vitest';
import type { PollTally, Question } from '@quorum/shared';
import { makePoll } from '../../test/fixtures';
import { render } from '../../test/render';
import { PollResults } from './poll-results';

// Every chart has words a screen reader can read: the bars, the cloud and the colours are decoration.
const questions: Question[] = [
  {
    id: 'c',
    kind: 'single',
    prompt: 'Lunch?',
    options: [
      { id: 'a', label: 'Pizza' },
      { id: 'b', label: 'Sushi' },
    ],
  },
  {
    id: 'r',
    kind: 'rank',
    prompt: 'Order the talks',
    options: [
      { id: 'x', label: 'Alpha' },
      { id: 'y', label: 'Beta' },
      { id: 'z', label: 'Gamma' },
    ],
  },
  { id: 't', kind: 'text', prompt: 'One word?', variant: 'short' },
  { id: 'n', kind: 'number', prompt: 'How many km?', min: 0, max: 20, step: 1, unit: 'km' },
];
const tally: PollTally = {
  pollId: 'p1',
  run: 1,
  version: 3,
  turnout: 4,
  questions: {
    c: { kind: 'choice', voters: 4, counts: { a: 1, b: 3 } },
    r: {
      kind: 'rank',
      voters: 2,
      counts: { x: 1, y: 4, z: 1 },
      positions: { x: [0, 1, 1], y: [2, 0, 0], z: [0, 1, 1] },
    },
    t: {
      kind: 'text',
      voters: 2,
      hidden: 0,
      counts: { pizza: 2, sushi: 1 },
      answers: [
        { ballotId: 'b1', text: 'pizza and sushi' },
        { ballotId: 'b2', text: 'pizza' },
      ],
    },
    n: {
      kind: 'number',
      voters: 2,
      counts: { '0': 1, '1': 1 },
      buckets: [
        { from: 0, to: 9 },
        { from: 10, to: 20 },
      ],
      sum: 17,
      mean: 8.5,
      median: 8.5,
    },
  },
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** The text of each item a screen reader meets in `root`, whitespace collapsed. */
const read = (root: Element | null | undefined, selector: string) =>
  [...(root?.querySelectorAll(selector) ?? [])].map((el) => el.textContent?.replace(/\s+/g, ' ').trim());

describe('text alternatives of the results', () => {
  it('reads bar charts as a list of labels with counts and percentages, the bars hidden', async () => {
    const view = await render(<PollResults poll={makePoll({ questions })} tally={tally} role="host" />);
    cleanups.push(view.unmount);
    const choice = view.container.querySelector('[data-question-id=c]');
    expect(choice?.querySelector('ul.bars')).not.toBeNull();
    expect(read(choice, 'li')).toEqual(['Pizza1 vote · 25%', expect.stringMatching(/^Sushi.*3 votes · 75%$/)]);
    expect(
      [...(choice?.querySelectorAll('.bar-track') ?? [])].every((t) => t.getAttribute('aria-hidden') === 'true'),
    ).toBe(true);
  });

  it('reads a ranking as an ordered list of Borda scores with a table of votes per place', async () => {
    const view = await render(<PollResults poll={makePoll({ questions })} tally={tally} role="host" />);
    cleanups.push(view.unmount);
    const rank = view.container.querySelector('[data-question-id=r]');
    const list = rank?.querySelector('ol.bars');
    expect(list?.getAttribute('aria-label')).toBeTruthy();
    expect(read(list, 'li .bar-label')).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(read(list, 'li .bar-value').map((v) => v?.replace(/^\D+/, ''))).toEqual(['4 points', '1 point', '1 point']);
    expect(read(rank, '[data-testid=rank-places] tbody tr')).toEqual(['Alpha011', 'Beta200', 'Gamma011']);
    expect(
      rank?.querySelector('[data-testid=rank-places]')?.closest('[role=region]')?.getAttribute('aria-label'),
    ).toContain('Order the talks');
  });

  it('hides the word cloud picture and gives its words and counts as a table named after the question', async () => {
    const view = await render(<PollResults poll={makePoll({ questions })} tally={tally} role="host" />);
    cleanups.push(view.unmount);
    const text = view.container.querySelector('[data-question-id=t]');
    expect(text?.querySelector('[data-testid=word-cloud]')?.getAttribute('aria-hidden')).toBe('true');
    expect(read(text, '[data-testid=word-table] tbody tr')).toEqual(['pizza2', 'sushi1']);
    expect(text?.querySelector('[data-testid=word-table]')?.closest('[role=region]')?.getAttribute('aria-label')).toBe(
      'Word counts: One word?',
    );
  });

  it('reads a histogram as ranges with counts and percentages, then the median and mean', async () => {
    const view = await render(<PollResults poll={makePoll({ questions })} tally={tally} role="host" />);
    cleanups.push(view.unmount);
    const number = view.container.querySelector('[data-question-id=n]');
    expect(read(number, 'ul.bars li')).toEqual(['0–9 km1 vote · 50%', '10–20 km1 vote · 50%']);
    expect(number?.querySelector('[data-testid=number-stats]')?.textContent).toContain('Median 8.5 km');
  });
});
