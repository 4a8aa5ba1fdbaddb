import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Ballot, CastBallot } from '../schemas/ballot';
import { pollDraftSchema, type Poll, type PollDraftInput, type Question } from '../schemas/poll';
import { castBallot, resolveRecast, type RecastOutcome } from './ballot';
import { closePoll, createPoll, openPoll, type DomainContext } from './poll';
import { RunningTally, tallyBallots, turnout } from './tally';

const NUM_RUNS = 200;

// ---------------------------------------------------------------------------------------------
// Generators: a poll with at least one question of every kind, and cast attempts described by
// seeds that are mapped onto the poll's questions (so some answers are invalid on purpose).
// ---------------------------------------------------------------------------------------------

type DraftQuestion = PollDraftInput['questions'][number];

const labels = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Option ${i + 1}` }));

const singleArb: fc.Arbitrary<DraftQuestion> = fc
  .integer({ min: 2, max: 5 })
  .map((n) => ({ kind: 'single', prompt: 'Pick one', options: labels(n) }));

const multipleArb: fc.Arbitrary<DraftQuestion> = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.integer({ min: 1, max: n }).chain((maxPicks) =>
    fc.integer({ min: 0, max: maxPicks }).map((minPicks) => ({
      kind: 'multiple' as const,
      prompt: 'Pick some',
      options: labels(n),
      minPicks,
      maxPicks,
    })),
  ),
);

const ratingArb: fc.Arbitrary<DraftQuestion> = fc
  .record({ min: fc.integer({ min: 0, max: 1 }), max: fc.integer({ min: 2, max: 10 }) })
  .map(({ min, max }) => ({ kind: 'rating', prompt: 'Rate', min, max }));

const questionsArb = fc
  .tuple(singleArb, multipleArb, ratingArb, fc.array(fc.oneof(singleArb, multipleArb, ratingArb), { maxLength: 2 }))
  .map(([s, m, r, extra]) => [s, m, r, ...extra]);

interface AttemptSeed {
  voter: number;
  question: number;
  /** Index into the voter's small pool of clientBallotIds, so retries happen often. */
  client: number;
  option: number;
  picks: number[];
  value: number;
  /** Occasionally answer with the wrong kind. */
  wrongKind: boolean;
}

const attemptArb: fc.Arbitrary<AttemptSeed> = fc.record({
  voter: fc.nat({ max: 9 }),
  question: fc.nat({ max: 9 }),
  client: fc.nat({ max: 2 }),
  option: fc.nat({ max: 9 }),
  picks: fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 5 }),
  value: fc.nat({ max: 20 }),
  wrongKind: fc.nat({ max: 19 }).map((n) => n === 0),
});

interface Scenario {
  questions: DraftQuestion[];
  allowAnswerChange: boolean;
  relaunch: boolean;
  voterCount: number;
  attempts: AttemptSeed[];
  lateAttempts: AttemptSeed[];
  closeBy: 'host' | 'deadline';
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  questions: questionsArb,
  allowAnswerChange: fc.boolean(),
  relaunch: fc.boolean(),
  voterCount: fc.integer({ min: 1, max: 4 }),
  attempts: fc.array(attemptArb, { minLength: 5, maxLength: 40, size: 'medium' }),
  lateAttempts: fc.array(attemptArb, { minLength: 1, maxLength: 15 }),
  closeBy: fc.constantFrom('host', 'deadline'),
});

// ---------------------------------------------------------------------------------------------
// Simulation: a store keyed by (question, voter) that applies resolveRecast, and a running tally
// updated with every inserted or replaced outcome, as the server's vote path does.
// ---------------------------------------------------------------------------------------------

const CLOSE_AFTER_SEC = 600;

function context(start: number): DomainContext & { tick(): void } {
  let id = 0;
  return {
    now: start,
    newId: () => `id${++id}`,
    tick() {
      this.now += 1;
    },
  };
}

function unwrap<T>(r: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

function answerFor(question: Question, seed: AttemptSeed): Answer {
  if (seed.wrongKind)
    return question.kind === 'rating' ? { kind: 'single', optionId: 'x' } : { kind: 'rating', value: 1 };
  switch (question.kind) {
    case 'single':
      // One index past the options yields an unknown option.
      return { kind: 'single', optionId: question.options[seed.option % (question.options.length + 1)]?.id ?? 'ghost' };
    case 'multiple':
      return { kind: 'multiple', optionIds: seed.picks.map((i) => question.options[i]?.id ?? 'ghost') };
    case 'rating': {
      // From one below the scale to one above it.
      const span = question.max - question.min + 3;
      return { kind: 'rating', value: question.min - 1 + (seed.value % span) };
    }
    case 'rank':
    case 'text':
    case 'number':
      throw new Error(`${question.kind} questions are covered by kinds.property.test.ts`);
  }
}

function castInput(poll: Poll, scenario: Scenario, seed: AttemptSeed): { voterId: string; input: CastBallot } {
  const voter = seed.voter % scenario.voterCount;
  const question = poll.questions[seed.question % poll.questions.length]!;
  return {
    voterId: `voter-${voter}`,
    input: {
      pollId: poll.id,
      questionId: question.id,
      answer: answerFor(question, seed),
      clientBallotId: `client-${voter}-${seed.client}`,
    },
  };
}

const key = (questionId: string, voterId: string) => `${questionId}\u0000${voterId}`;

interface Simulation {
  poll: Poll;
  ctx: ReturnType<typeof context>;
  store: Map<string, Ballot>;
  tally: RunningTally;
  outcomes: RecastOutcome[];
  /** The smallest count seen in any tally after any step. */
  minCount: number;
}

function openScenarioPoll(scenario: Scenario, ctx: DomainContext): Poll {
  const draft = pollDraftSchema.parse({
    title: 'Property poll',
    questions: scenario.questions,
    settings: {
      allowAnswerChange: scenario.allowAnswerChange,
      closeAfterSec: scenario.closeBy === 'deadline' ? CLOSE_AFTER_SEC : null,
    },
  });
  let poll = unwrap(openPoll(unwrap(createPoll(draft, 'meeting', ctx)), ctx.now));
  if (scenario.relaunch) poll = unwrap(openPoll(unwrap(closePoll(poll, ctx.now)), ctx.now));
  return poll;
}

function minCountOf(tally: RunningTally): number {
  let min = Infinity;
  for (const q of Object.values(tally.questions)) {
    min = Math.min(min, q.voters);
    for (const c of Object.values(q.counts)) min = Math.min(min, c);
  }
  return min;
}

function simulate(scenario: Scenario): Simulation {
  const ctx = context(1_000_000);
  const poll = openScenarioPoll(scenario, ctx);
  const store = new Map<string, Ballot>();
  const tally = new RunningTally(poll.id, poll.run, poll.questions);
  const outcomes: RecastOutcome[] = [];
  let minCount = minCountOf(tally);
  for (const seed of scenario.attempts) {
    ctx.tick();
    const { voterId, input } = castInput(poll, scenario, seed);
    const cast = castBallot(poll, voterId, input, ctx);
    if (!cast.ok) {
      expect(cast.error.code).toBe('INVALID');
      continue;
    }
    const k = key(cast.data.questionId, voterId);
    const outcome = resolveRecast(store.get(k), cast.data, poll.settings.allowAnswerChange);
    outcomes.push(outcome);
    switch (outcome.kind) {
      case 'inserted':
        store.set(k, outcome.ballot);
        tally.apply(outcome.ballot);
        break;
      case 'replaced':
        store.set(k, outcome.ballot);
        tally.apply(outcome.ballot, outcome.previous);
        break;
      case 'duplicate':
      case 'rejected':
        break;
    }
    minCount = Math.min(minCount, minCountOf(tally));
  }
  return { poll, ctx, store, tally, outcomes, minCount };
}

// ---------------------------------------------------------------------------------------------

describe('tally properties', () => {
  it('the running tally equals a recount of the stored ballots', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { poll, store, tally } = simulate(scenario);
        const ballots = [...store.values()];
        const recount = tallyBallots(poll, poll.run, ballots);
        expect(tally.questions).toEqual(recount.questions);
        expect(tally.turnout).toBe(recount.turnout);
        expect(tally.turnout).toBe(turnout(ballots, poll.run));
        expect(tally.snapshot(true)).toEqual(recount.snapshot(true));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('counts a voter once per question', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { poll, store, tally, outcomes } = simulate(scenario);
        const ballots = [...store.values()];
        for (const q of poll.questions) {
          const mine = ballots.filter((b) => b.questionId === q.id);
          const t = tally.questions[q.id]!;
          expect(t.voters).toBe(new Set(mine.map((b) => b.voterId)).size);
          expect(t.voters).toBe(mine.length);
          const total = Object.values(t.counts).reduce((a, b) => a + b, 0);
          if (q.kind === 'single') expect(total).toBe(t.voters);
          if (q.kind === 'rating') {
            expect(total).toBe(t.voters);
            expect(t.kind === 'rating' && t.sum).toBe(
              mine.reduce((s, b) => s + (b.answer.kind === 'rating' ? b.answer.value : 0), 0),
            );
          }
          if (q.kind === 'multiple')
            expect(total).toBe(
              mine.reduce((s, b) => s + (b.answer.kind === 'multiple' ? b.answer.optionIds.length : 0), 0),
            );
        }
        // Every stored ballot belongs to this run, and a replaced ballot keeps the first ballot's id.
        expect(ballots.every((b) => b.run === poll.run && b.pollId === poll.id)).toBe(true);
        if (!scenario.allowAnswerChange) expect(outcomes.some((o) => o.kind === 'replaced')).toBe(false);
        for (const o of outcomes) if (o.kind === 'replaced') expect(o.ballot.ballotId).toBe(o.previous.ballotId);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('closing freezes the tally', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const sim = simulate(scenario);
        const { ctx, store, tally } = sim;
        let poll = sim.poll;
        if (scenario.closeBy === 'host') {
          poll = unwrap(closePoll(poll, ctx.now));
        } else {
          // The deadline passes: the poll is still marked open until the server closes it.
          ctx.now = poll.closesAt!;
        }
        const before = tally.snapshot(true);
        const storedBefore = structuredClone([...store.entries()]);
        for (const seed of scenario.lateAttempts) {
          ctx.tick();
          const { voterId, input } = castInput(poll, scenario, seed);
          const cast = castBallot(poll, voterId, input, ctx);
          expect(cast.ok).toBe(false);
          if (!cast.ok) expect(cast.error.code).toBe('POLL_CLOSED');
        }
        expect(tally.snapshot(true)).toEqual(before);
        expect([...store.entries()]).toEqual(storedBefore);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never counts below zero', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { minCount, tally } = simulate(scenario);
        expect(minCount).toBeGreaterThanOrEqual(0);
        for (const q of Object.values(tally.questions))
          for (const c of Object.values(q.counts)) expect(Number.isInteger(c) && c >= 0).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
