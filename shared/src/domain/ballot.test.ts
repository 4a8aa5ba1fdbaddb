import { describe, expect, it } from 'vitest';
import type { Result } from '../protocol/errors';
import type { Answer, Ballot, CastBallot } from '../schemas/ballot';
import type { Poll, Question } from '../schemas/poll';
import { openPollOf, options, question } from '../testing';
import { castBallot, resolveRecast, toReceipt, validateAnswer } from './ballot';
import type { DomainContext } from './poll';

const single = question('single', { options: options('a', 'b', 'c') });
const multiple = question('multiple', { id: 'q2', options: options('w', 'x', 'y', 'z') });
const rating = question('rating', { id: 'q3' });

/** Single q1 (a|b|c), multiple q2 (w..z, 1 to 3 picks), rating q3 (1..5), open in run 2. */
const openPollFixture = (overrides: Partial<Poll> = {}): Poll =>
  openPollOf([single, multiple, rating], { id: 'poll-1', run: 2, openedAt: 100, ...overrides });

function context(now = 1_000): DomainContext {
  let n = 0;
  return { now, newId: () => `ballot-${++n}` };
}

function expectFail<T>(result: Result<T>, code: string, field?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  if (field !== undefined) expect(result.error.field).toBe(field);
}

function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('validateAnswer', () => {
  it.each([
    [single, { kind: 'multiple', optionIds: ['a'] }],
    [single, { kind: 'rating', value: 1 }],
    [multiple, { kind: 'single', optionId: 'w' }],
    [multiple, { kind: 'rating', value: 1 }],
    [rating, { kind: 'single', optionId: 'a' }],
    [rating, { kind: 'multiple', optionIds: [] }],
  ] as [Question, Answer][])('rejects a %s question answered as %j', (question, answer) => {
    expectFail(validateAnswer(question, answer), 'INVALID', 'answer.kind');
  });

  describe('single choice', () => {
    it('accepts a known option', () => {
      expect(expectOk(validateAnswer(single, { kind: 'single', optionId: 'b' }))).toEqual({
        kind: 'single',
        optionId: 'b',
      });
    });

    it('rejects an unknown option', () => {
      expectFail(validateAnswer(single, { kind: 'single', optionId: 'nope' }), 'INVALID', 'answer.optionId');
      // An option id of another question is still unknown here.
      expectFail(validateAnswer(single, { kind: 'single', optionId: 'w' }), 'INVALID', 'answer.optionId');
    });
  });

  describe('multiple choice', () => {
    it('accepts picks within the bounds and puts them in option order', () => {
      expect(expectOk(validateAnswer(multiple, { kind: 'multiple', optionIds: ['z', 'w', 'y'] }))).toEqual({
        kind: 'multiple',
        optionIds: ['w', 'y', 'z'],
      });
      expect(expectOk(validateAnswer(multiple, { kind: 'multiple', optionIds: ['x'] }))).toEqual({
        kind: 'multiple',
        optionIds: ['x'],
      });
    });

    it('gives the same answer for every order of the same picks', () => {
      const orders = [
        ['y', 'x'],
        ['x', 'y'],
      ];
      const results = orders.map((optionIds) => expectOk(validateAnswer(multiple, { kind: 'multiple', optionIds })));
      expect(results[0]).toEqual(results[1]);
    });

    it('rejects a duplicate pick', () => {
      expectFail(validateAnswer(multiple, { kind: 'multiple', optionIds: ['w', 'w'] }), 'INVALID', 'answer.optionIds');
    });

    it('rejects an unknown option', () => {
      expectFail(validateAnswer(multiple, { kind: 'multiple', optionIds: ['w', 'a'] }), 'INVALID', 'answer.optionIds');
    });

    it('rejects too few picks', () => {
      expectFail(validateAnswer(multiple, { kind: 'multiple', optionIds: [] }), 'INVALID', 'answer.optionIds');
    });

    it('rejects too many picks', () => {
      expectFail(
        validateAnswer(multiple, { kind: 'multiple', optionIds: ['w', 'x', 'y', 'z'] }),
        'INVALID',
        'answer.optionIds',
      );
    });

    it('accepts an empty answer when minPicks is 0', () => {
      const optional: Question = { ...multiple, minPicks: 0 };
      expect(expectOk(validateAnswer(optional, { kind: 'multiple', optionIds: [] }))).toEqual({
        kind: 'multiple',
        optionIds: [],
      });
    });
  });

  describe('rating', () => {
    it('accepts every value of the scale, ends included', () => {
      for (let value = 1; value <= 5; value++) {
        expect(expectOk(validateAnswer(rating, { kind: 'rating', value }))).toEqual({ kind: 'rating', value });
      }
    });

    it.each([0, 6, -1, 100])('rejects %d, outside 1..5', (value) => {
      expectFail(validateAnswer(rating, { kind: 'rating', value }), 'INVALID', 'answer.value');
    });

    it.each([2.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d, not a point of the scale', (value) => {
      expectFail(validateAnswer(rating, { kind: 'rating', value }), 'INVALID', 'answer.value');
    });
  });
});

describe('castBallot', () => {
  const cast = (questionId: string, answer: Answer, clientBallotId = 'client-0001'): CastBallot => ({
    pollId: 'poll-1',
    questionId,
    answer,
    clientBallotId,
  });

  it('builds a ballot for the current run', () => {
    const ballot = expectOk(
      castBallot(openPollFixture(), 'voter-1', cast('q2', { kind: 'multiple', optionIds: ['y', 'w'] }), context(5_000)),
    );
    expect(ballot).toEqual({
      ballotId: 'ballot-1',
      pollId: 'poll-1',
      run: 2,
      questionId: 'q2',
      clientBallotId: 'client-0001',
      answer: { kind: 'multiple', optionIds: ['w', 'y'] },
      castAt: 5_000,
      voterId: 'voter-1',
    });
  });

  it('fails with POLL_CLOSED on a draft', () => {
    expectFail(
      castBallot(
        openPollFixture({ status: 'draft', run: 0 }),
        'v',
        cast('q1', { kind: 'single', optionId: 'a' }),
        context(),
      ),
      'POLL_CLOSED',
    );
  });

  it('fails with POLL_CLOSED on a closed poll', () => {
    expectFail(
      castBallot(
        openPollFixture({ status: 'closed', closedAt: 500 }),
        'v',
        cast('q1', { kind: 'single', optionId: 'a' }),
        context(),
      ),
      'POLL_CLOSED',
    );
  });

  it('fails with POLL_CLOSED once the deadline has passed, even before the server closes the run', () => {
    const poll = openPollFixture({ closesAt: 2_000 });
    expect(castBallot(poll, 'v', cast('q1', { kind: 'single', optionId: 'a' }), context(1_999)).ok).toBe(true);
    expectFail(castBallot(poll, 'v', cast('q1', { kind: 'single', optionId: 'a' }), context(2_000)), 'POLL_CLOSED');
    expectFail(castBallot(poll, 'v', cast('q1', { kind: 'single', optionId: 'a' }), context(9_000)), 'POLL_CLOSED');
  });

  it('checks the poll state before the question', () => {
    expectFail(
      castBallot(
        openPollFixture({ status: 'closed' }),
        'v',
        cast('nope', { kind: 'single', optionId: 'a' }),
        context(),
      ),
      'POLL_CLOSED',
    );
  });

  it('fails with NOT_FOUND for an unknown question', () => {
    expectFail(
      castBallot(openPollFixture(), 'v', cast('nope', { kind: 'single', optionId: 'a' }), context()),
      'NOT_FOUND',
      'questionId',
    );
  });

  it('passes answer errors through', () => {
    expectFail(
      castBallot(openPollFixture(), 'v', cast('q3', { kind: 'rating', value: 9 }), context()),
      'INVALID',
      'answer.value',
    );
    expectFail(
      castBallot(openPollFixture(), 'v', cast('q1', { kind: 'rating', value: 3 }), context()),
      'INVALID',
      'answer.kind',
    );
  });

  it('does not take an id for a refused ballot', () => {
    let calls = 0;
    const ctx: DomainContext = { now: 1, newId: () => `id-${++calls}` };
    castBallot(openPollFixture(), 'v', cast('q3', { kind: 'rating', value: 9 }), ctx);
    castBallot(openPollFixture({ status: 'closed' }), 'v', cast('q3', { kind: 'rating', value: 3 }), ctx);
    expect(calls).toBe(0);
  });
});

describe('resolveRecast', () => {
  const ballot = (overrides: Partial<Ballot> = {}): Ballot => ({
    ballotId: 'b-1',
    pollId: 'poll-1',
    run: 1,
    questionId: 'q1',
    clientBallotId: 'client-aaaa',
    answer: { kind: 'single', optionId: 'a' },
    castAt: 10,
    voterId: 'voter-1',
    ...overrides,
  });

  it('inserts a first ballot', () => {
    const incoming = ballot();
    expect(resolveRecast(undefined, incoming, false)).toEqual({ kind: 'inserted', ballot: incoming });
    expect(resolveRecast(undefined, incoming, true)).toEqual({ kind: 'inserted', ballot: incoming });
  });

  it('treats the same clientBallotId as a duplicate that returns the stored ballot', () => {
    const existing = ballot();
    const retry = ballot({ ballotId: 'b-2', castAt: 20 });
    for (const allow of [true, false]) {
      const outcome = resolveRecast(existing, retry, allow);
      expect(outcome.kind).toBe('duplicate');
      expect(outcome.kind === 'duplicate' && outcome.ballot).toBe(existing);
    }
  });

  it('rejects a different ballot when answers may not change', () => {
    const existing = ballot();
    expect(
      resolveRecast(
        existing,
        ballot({ ballotId: 'b-2', clientBallotId: 'client-bbbb', answer: { kind: 'single', optionId: 'b' } }),
        false,
      ),
    ).toEqual({
      kind: 'rejected',
      existing,
    });
  });

  it('replaces the answer but keeps the ballot id when answers may change', () => {
    const existing = ballot();
    const incoming = ballot({
      ballotId: 'b-2',
      clientBallotId: 'client-bbbb',
      answer: { kind: 'single', optionId: 'b' },
      castAt: 30,
    });
    const outcome = resolveRecast(existing, incoming, true);
    expect(outcome).toEqual({ kind: 'replaced', ballot: { ...incoming, ballotId: 'b-1' }, previous: existing });
    expect(incoming.ballotId).toBe('b-2');
  });
});

describe('toReceipt', () => {
  it('drops the voter id', () => {
    const receipt = toReceipt({
      ballotId: 'b',
      pollId: 'p',
      run: 1,
      questionId: 'q',
      clientBallotId: 'client-aaaa',
      answer: { kind: 'rating', value: 3 },
      castAt: 1,
      voterId: 'secret',
    });
    expect(receipt).not.toHaveProperty('voterId');
    expect(receipt.ballotId).toBe('b');
  });
});
