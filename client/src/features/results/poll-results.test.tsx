import { describe, expect, it, vi } from 'vitest';
import type { Poll, PollTally, Question } from '@quorum/shared';
import { makePoll } from '../../test/fixtures';
import { render, settle, trackViews } from '../../test/render';
import { PollResults } from './poll-results';
import { cloudLayout } from '../../kinds/text/text-results';

const track = trackViews();

const questions: Question[] = [
  {
    id: 'r',
    kind: 'rank',
    prompt: 'Order the talks',
    options: [
      { id: 'a', label: 'Alpha' },
      { id: 'b', label: 'Beta' },
      { id: 'c', label: 'Gamma' },
    ],
  },
  { id: 't', kind: 'text', prompt: 'One word?', variant: 'short' },
  { id: 'n', kind: 'number', prompt: 'How many km?', min: 0, max: 20, step: 1, unit: 'km' },
];
const tally: PollTally = {
  pollId: 'p1',
  run: 1,
  version: 3,
  turnout: 2,
  questions: {
    r: {
      kind: 'rank',
      voters: 2,
      counts: { a: 1, b: 4, c: 1 },
      positions: { a: [0, 1, 1], b: [2, 0, 0], c: [0, 1, 1] },
    },
    t: {
      kind: 'text',
      voters: 2,
      hidden: 1,
      counts: { pizza: 2, sushi: 1 },
      answers: [
        { ballotId: 'b2', text: 'sushi and pizza' },
        { ballotId: 'b1', text: 'pizza' },
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

async function show(poll: Poll, t: PollTally | undefined, props: Partial<Parameters<typeof PollResults>[0]> = {}) {
  const view = await render(<PollResults poll={poll} tally={t} role="host" {...props} />);
  track(view);
  return view;
}
const rows = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim());

describe('results of each question kind', () => {
  it('numbers survey questions and draws rank, text and number results', async () => {
    const view = await show(makePoll({ questions }), tally);
    expect(rows(view.container, 'figcaption')).toEqual(['1. Order the talks', '2. One word?', '3. How many km?']);
    const rank = view.container.querySelector('[data-question-id=r]')!;
    // Borda bars, best first; a bar is full at 2 voters × 2 points.
    expect(
      [...rank.querySelectorAll<HTMLElement>('[data-testid=result-bar]')].map((b) => [
        b.dataset.optionId,
        b.dataset.count,
      ]),
    ).toEqual([
      ['b', '4'],
      ['a', '1'],
      ['c', '1'],
    ]);
    expect(rank.querySelector<HTMLElement>('.bar-fill')?.style.width).toBe('100%');
    expect(rows(rank, '[data-testid=rank-places] tbody tr')).toEqual(['Alpha011', 'Beta200', 'Gamma011']);

    const text = view.container.querySelector('[data-question-id=t]')!;
    expect(text.querySelector('[data-testid=word-cloud]')?.getAttribute('aria-hidden')).toBe('true');
    expect(rows(text, '[data-testid=word-table] tbody tr')).toEqual(['pizza2', 'sushi1']);
    expect(rows(text, '[data-testid=text-answer] .grow')).toEqual(['sushi and pizza', 'pizza']);
    expect(text.textContent).toContain('1 hidden by a host');
    expect(text.querySelector('button')).toBeNull();

    const number = view.container.querySelector('[data-question-id=n]')!;
    expect(rows(number, '.bar-label')).toEqual(['0–9 km', '10–20 km']);
    expect(number.querySelector('[data-testid=number-stats]')?.textContent).toBe(
      'Median 8.5 km · Mean 8.5 km · 2 votes',
    );
  });

  it('draws a histogram from the first answered range to the last, keeping the gaps between', async () => {
    const few = {
      ...tally,
      questions: {
        n: {
          ...tally.questions!.n!,
          counts: { '1': 2, '3': 1 },
          buckets: [0, 5, 10, 15, 20].map((from) => ({ from, to: from + 4 })),
        },
      },
    } as PollTally;
    const view = await show(makePoll({ questions: [questions[2]!] }), few);
    expect(rows(view.container, '.bar-label')).toEqual(['5–9 km', '10–14 km', '15–19 km']);
    const none = await show(makePoll({ questions: [questions[2]!] }), { ...few, questions: {} });
    expect(none.container.querySelectorAll('[data-testid=result-bar]')).toHaveLength(0);
    expect(none.container.textContent).toContain('No answers yet');
  });

  it('sizes cloud words by frequency and lists them alphabetically', () => {
    const layout = cloudLayout({ zebra: 4, apple: 1, mango: 2 }, 2);
    expect(layout.map((w) => w.word)).toEqual(['mango', 'zebra']);
    expect(layout.find((w) => w.word === 'zebra')?.rem).toBe(2);
  });

  it('lets a moderating host hide an answer and take it back', async () => {
    const moderate = vi.fn(async () => true);
    const view = await show(makePoll({ questions }), tally, { moderate: () => moderate });
    await settle(() => view.button('Hide answer “pizza”')!.click());
    expect(moderate).toHaveBeenCalledWith('b1', true);
    expect(rows(view.container, '[data-testid=text-answer] .grow')).toEqual(['sushi and pizza']);
    await settle(() => view.button('Unhide answer “pizza”')!.click());
    expect(moderate).toHaveBeenLastCalledWith('b1', false);
    expect(rows(view.container, '[data-testid=text-answer] .grow')).toEqual(['sushi and pizza', 'pizza']);
  });

  it('marks correct answers and shows the podium only once a quiz closed', async () => {
    const quizQuestion: Question = {
      id: 'q1',
      kind: 'single',
      prompt: 'Capital?',
      options: [
        { id: 'a', label: 'Paris' },
        { id: 'b', label: 'Lyon' },
      ],
      correctOptionIds: ['a'],
    };
    const leaderboard = {
      players: 4,
      top: [1, 2, 2, 4].map((rank, i) => ({ rank, nickname: `Player ${i}`, points: 1000 - rank * 100, correct: 1 })),
    };
    const quizTally: PollTally = {
      pollId: 'p1',
      run: 1,
      version: 2,
      turnout: 4,
      questions: { q1: { kind: 'choice', voters: 4, counts: { a: 3, b: 1 } } },
      leaderboard,
    };
    const settings = {
      anonymous: false,
      resultsVisibility: 'live' as const,
      allowAnswerChange: true,
      closeAfterSec: null,
      quiz: { points: 500, speedBonus: 500, speedWindowSec: null },
    };
    const open = await show(makePoll({ questions: [quizQuestion], settings }), quizTally);
    expect(open.container.querySelector('[data-correct]')).toBeNull();
    expect(open.byTestId('podium')).toBeNull();
    expect(open.container.textContent).toContain('Leaderboard');

    const closed = await show(makePoll({ questions: [quizQuestion], settings, status: 'closed' }), quizTally, {
      role: 'participant',
    });
    expect(closed.container.querySelector<HTMLElement>('[data-correct]')?.dataset.optionId).toBe('a');
    expect(rows(closed.byTestId('podium')!, 'li')).toEqual([
      '1st Player 0 · 900 points',
      '2nd Player 1 · 800 points',
      '2nd Player 2 · 800 points',
    ]);
    expect(rows(closed.byTestId('leaderboard')!, 'tbody tr')).toHaveLength(4);
  });
});
