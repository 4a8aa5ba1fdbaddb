import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Ballot } from '../schemas/ballot';
import type { Poll, Question } from '../schemas/poll';
import { launchedPoll, options, question } from '../testing';
import { castBallot, resolveRecast } from './ballot';
import { tallyBallots, RunningTally } from './tally';
import { quizRules } from './quiz';

// Incremental == recount for rank, open text (with hides), numeric and quiz questions: a store keyed
// by (question, voter) applies resolveRecast as the database does, and hides flip a stored ballot.

const VOCABULARY = ['pizza', 'Pizza', 'the', 'café', 'CAFE', 'shit', 'tacos', 'und', 'noodles', '42'];

const scenarioArb = fc.record({
  items: fc.integer({ min: 2, max: 6 }),
  number: fc.record({
    min: fc.integer({ min: -50, max: 50 }),
    stepTenths: fc.integer({ min: 1, max: 25 }),
    points: fc.integer({ min: 2, max: 60 }),
  }),
  allowAnswerChange: fc.boolean(),
  actions: fc.array(
    fc.oneof(
      fc.record({
        type: fc.constant('cast' as const),
        voter: fc.nat({ max: 5 }),
        question: fc.nat({ max: 3 }),
        client: fc.nat({ max: 2 }),
        seed: fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 6 }),
        elapsed: fc.option(fc.nat({ max: 40_000 })),
      }),
      fc.record({ type: fc.constant('hide' as const), pick: fc.nat({ max: 20 }), hidden: fc.boolean() }),
    ),
    { minLength: 1, maxLength: 50 },
  ),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function openScenarioPoll(s: Scenario): Poll {
  const step = s.number.stepTenths / 10;
  return launchedPoll({
    title: 'Kinds',
    questions: [
      question('rank', {
        id: 'rank',
        options: Array.from({ length: s.items }, (_, i) => ({ id: `i${i}`, label: `Item ${i}` })),
      }),
      question('text', { id: 'text' }),
      question('number', {
        id: 'num',
        min: s.number.min,
        max: Number((s.number.min + step * (s.number.points - 1)).toFixed(1)),
        step,
      }),
      question('single', { id: 'quiz', options: options('a', 'b', 'c'), correctOptionIds: ['b', 'c'] }),
    ],
    settings: { allowAnswerChange: s.allowAnswerChange, quiz: { speedWindowSec: 20 } },
  });
}

/** Seeds become answers: a shuffled ranking, a phrase, a grid value (sometimes off it), a choice. */
function answerFor(q: Question, seed: number[]): Answer {
  const first = seed[0] ?? 0;
  switch (q.kind) {
    case 'rank': {
      const ids = q.options.map((o) => o.id);
      return {
        kind: 'rank',
        optionIds: ids
          .map((id, i) => ({ id, k: seed[i % seed.length]! * 31 + i }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.id),
      };
    }
    case 'text':
      return { kind: 'text', text: seed.map((n) => VOCABULARY[n % VOCABULARY.length]).join(' ') };
    case 'number':
      return { kind: 'number', value: q.min + (first % 70) * (first % 9 === 0 ? q.step / 2 : q.step) };
    default:
      return { kind: 'single', optionId: ['a', 'b', 'c'][first % 3]! };
  }
}

function simulate(s: Scenario) {
  const poll = openScenarioPoll(s);
  const store = new Map<string, Ballot>();
  const tally = new RunningTally(poll.id, poll.run, poll.questions, 0, quizRules(poll.settings));
  let n = 0;
  for (const action of s.actions) {
    n++;
    if (action.type === 'hide') {
      const texts = [...store.values()].filter((b) => b.questionId === 'text');
      const target = texts[action.pick % Math.max(1, texts.length)];
      if (!target || Boolean(target.hidden) === action.hidden) continue;
      const next = { ...target, hidden: action.hidden };
      store.set(`text:${target.voterId}`, next);
      tally.apply(next, target);
      continue;
    }
    const q = poll.questions[action.question]!;
    const input = {
      pollId: poll.id,
      questionId: q.id,
      answer: answerFor(q, action.seed),
      clientBallotId: `client-${action.voter}-${action.client}`,
    };
    const cast = castBallot(poll, `v${action.voter}`, input, { now: 2000 + n, newId: () => `b${n}` });
    if (!cast.ok) continue;
    const ballot = action.elapsed === null ? cast.data : { ...cast.data, elapsedMs: action.elapsed };
    const key = `${q.id}:${ballot.voterId}`;
    const outcome = resolveRecast(store.get(key), ballot, poll.settings.allowAnswerChange);
    if (outcome.kind === 'inserted' || outcome.kind === 'replaced') store.set(key, outcome.ballot);
    if (outcome.kind === 'inserted') tally.apply(outcome.ballot);
    if (outcome.kind === 'replaced') tally.apply(outcome.ballot, outcome.previous);
  }
  return { poll, store, tally };
}

describe('tally properties of rank, text, number and quiz questions', () => {
  it('the running tally (replaces and hides included) equals a recount of the stored ballots', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { poll, store, tally } = simulate(s);
        const recount = tallyBallots(poll, poll.run, [...store.values()]);
        expect(tally.snapshot(true, true)).toEqual(recount.snapshot(true, true));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps hidden answers out of the word cloud and the list, and the sums consistent', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { store, tally } = simulate(s);
        const ballots = [...store.values()];
        const of = (id: string) => ballots.filter((b) => b.questionId === id);
        const text = tally.questions.text!;
        if (text.kind !== 'text') throw new Error('kind');
        const hidden = of('text').filter((b) => b.hidden);
        expect(text.voters + text.hidden).toBe(of('text').length);
        expect(text.hidden).toBe(hidden.length);
        expect(text.answers.some((a) => hidden.some((h) => h.ballotId === a.ballotId))).toBe(false);
        if (text.voters === 0) expect(text.counts).toEqual({});
        expect(Object.keys(text.counts).some((w) => w === 'shit' || w === '42')).toBe(false);
        const rank = tally.questions.rank!;
        const items = Object.keys(rank.counts).length;
        expect(Object.values(rank.counts).reduce((a, b) => a + b, 0)).toBe((rank.voters * items * (items - 1)) / 2);
        const num = tally.questions.num!;
        expect(Object.values(num.counts).reduce((a, b) => a + b, 0)).toBe(num.voters);
        expect(num.voters).toBe(of('num').length);
        const board = tally.quiz!.leaderboard(100);
        expect(board.players).toBe(new Set(of('quiz').map((b) => b.voterId)).size);
        for (const e of board.top) expect(e.points === 0 || e.points >= 500).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
