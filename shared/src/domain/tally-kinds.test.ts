import { describe, expect, it } from 'vitest';
import { pollTallySchema } from '../schemas/tally';
import { ballotOf, options, question } from '../testing';
import { emptyQuestionTally, RunningTally } from './tally';

const rank = question('rank', { id: 'qk', options: options('a', 'b', 'c') });
const text = question('text', { id: 'qt' });
const num = question('number', { id: 'qn', max: 10, step: 0.5, unit: 'kg' });

describe('tallies of the new kinds', () => {
  it('starts empty with every item, bucket and no words', () => {
    expect(emptyQuestionTally(rank)).toEqual({
      kind: 'rank',
      voters: 0,
      counts: { a: 0, b: 0, c: 0 },
      positions: { a: [0, 0, 0], b: [0, 0, 0], c: [0, 0, 0] },
    });
    expect(emptyQuestionTally(text)).toEqual({ kind: 'text', voters: 0, hidden: 0, counts: {}, answers: [] });
    const empty = emptyQuestionTally(num);
    expect(empty).toMatchObject({ kind: 'number', voters: 0, sum: 0, mean: null, median: null });
    expect(empty.kind === 'number' && empty.buckets).toHaveLength(11);
  });

  it('scores rankings with Borda points and counts places', () => {
    const t = new RunningTally('p', 1, [rank]);
    t.apply(ballotOf('v1', 'qk', { kind: 'rank', optionIds: ['a', 'b', 'c'] }));
    t.apply(ballotOf('v2', 'qk', { kind: 'rank', optionIds: ['b', 'a', 'c'] }));
    t.apply(ballotOf('v3', 'qk', { kind: 'rank', optionIds: ['b', 'c', 'a'] }));
    expect(t.questions.qk).toEqual({
      kind: 'rank',
      voters: 3,
      counts: { a: 3, b: 5, c: 1 },
      positions: { a: [1, 1, 1], b: [2, 1, 0], c: [0, 1, 2] },
    });
  });

  it('builds a histogram with sum, mean and median in exact decimals', () => {
    const t = new RunningTally('p', 1, [num]);
    for (const [i, value] of [0.5, 1.5, 2, 9.5].entries()) t.apply(ballotOf(`v${i}`, 'qn', { kind: 'number', value }));
    const q = t.questions.qn!;
    expect(q).toMatchObject({ kind: 'number', voters: 4, sum: 13.5, mean: 3.375, median: 1.75 });
    expect(q.counts).toMatchObject({ '0': 1, '1': 1, '2': 1, '9': 1 });
    expect(q.kind === 'number' && q.buckets[0]).toEqual({ from: 0, to: 0.5 });
  });

  it('lists visible answers newest first with word counts, and hiding takes an answer out of both', () => {
    const t = new RunningTally('p', 1, [text], 0);
    const first = ballotOf('v1', 'qt', { kind: 'text', text: 'Pizza rocks' });
    const second = ballotOf('v2', 'qt', { kind: 'text', text: 'pizza PIZZA and tacos' });
    t.apply(first);
    t.apply(second);
    expect(t.questions.qt).toEqual({
      kind: 'text',
      voters: 2,
      hidden: 0,
      counts: { pizza: 2, rocks: 1, tacos: 1 },
      answers: [
        { ballotId: second.ballotId, text: 'pizza PIZZA and tacos' },
        { ballotId: first.ballotId, text: 'Pizza rocks' },
      ],
    });
    t.apply({ ...second, hidden: true }, second);
    expect(t.questions.qt).toEqual({
      kind: 'text',
      voters: 1,
      hidden: 1,
      counts: { pizza: 1, rocks: 1 },
      answers: [{ ballotId: first.ballotId, text: 'Pizza rocks' }],
    });
    expect(t.turnout).toBe(2);
    expect(pollTallySchema.parse(t.snapshot(true))).toEqual(t.snapshot(true));
  });
});

describe('open-text list budget', () => {
  it('lists the newest answers only, within 200 answers and 40,000 characters', () => {
    const t = new RunningTally('p', 1, [{ id: 'ql', kind: 'text', prompt: 'Essay', variant: 'long' }]);
    for (let i = 0; i < 30; i++) t.apply(ballotOf(`v${i}`, 'ql', { kind: 'text', text: `${i} ${'x'.repeat(1995)}` }));
    const q = t.questions.ql!;
    if (q.kind !== 'text') throw new Error('kind');
    expect(q.voters).toBe(30);
    expect(q.answers).toHaveLength(20);
    expect(q.answers[0]!.text.startsWith('29 ')).toBe(true);
  });
});
