import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS, qaStatusSchema } from '../schemas/qa';
import { compareQuestions, type Orderable, type QaOrder } from './order';
import { qaViewFor } from './projection';
import type { QaBoard, QaQuestion } from './question';

const NUM_RUNS = 300;
const voters = ['v1', 'v2', 'v3', 'v4', 'v5'];

const orderableArb: fc.Arbitrary<Orderable> = fc.record({
  id: fc.stringMatching(/^[a-f0-9]{1,4}$/),
  createdAt: fc.integer({ min: 0, max: 5 }),
  upvotes: fc.integer({ min: 0, max: 3 }),
});
const orderArb = fc.constantFrom<QaOrder>('top', 'recent');

/** Distinct ids, as the store guarantees; few values so ties on votes and time are common. */
const listArb = fc.uniqueArray(orderableArb, { selector: (o) => o.id, maxLength: 12 });

const questionArb = (i: number): fc.Arbitrary<QaQuestion> =>
  fc
    .record({
      askerId: fc.constantFrom(...voters),
      anonymous: fc.boolean(),
      status: fc.constantFrom(...qaStatusSchema.options),
      pinned: fc.boolean(),
      createdAt: fc.integer({ min: 0, max: 3 }),
      roomId: fc.constantFrom(undefined, 'room-a'),
    })
    .map(({ roomId, ...q }) => ({
      ...q,
      id: `q${i}`,
      meetingId: 'm1',
      text: `Question ${i}`,
      reply: null,
      editedAt: null,
      clientId: `client-${i}`,
      ...(roomId ? { roomId } : {}),
    }));

const boardArb: fc.Arbitrary<QaBoard> = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => questionArb(i))))
  .chain((questions) =>
    fc.tuple(fc.tuple(...questions.map(() => fc.subarray(voters))), fc.boolean()).map(([votes, upvotesShown]) => ({
      meetingId: 'm1',
      settings: { ...DEFAULT_QA_SETTINGS, enabled: true, upvotesShown },
      version: 1,
      questions,
      upvoters: new Map(questions.map((q, i) => [q.id, new Set(votes[i])])),
    })),
  );

describe('Q&A ordering is a total order', () => {
  it('is antisymmetric and zero only for the same question', () => {
    fc.assert(
      fc.property(orderArb, orderableArb, orderableArb, (order, a, b) => {
        const cmp = compareQuestions(order);
        expect(Math.sign(cmp(a, b))).toBe(-Math.sign(cmp(b, a)));
        if (a.id !== b.id) expect(cmp(a, b)).not.toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is transitive, so any input order sorts to the same list', () => {
    fc.assert(
      fc.property(orderArb, listArb, (order, list) => {
        const cmp = compareQuestions(order);
        for (const a of list)
          for (const b of list)
            for (const c of list) if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
        const sorted = [...list].sort(cmp).map((o) => o.id);
        expect(
          [...list]
            .reverse()
            .sort(cmp)
            .map((o) => o.id),
        ).toEqual(sorted);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('Q&A projection never leaks', () => {
  it('never sends the asker of an anonymous question, nor others’ unpublished questions, to anyone', () => {
    fc.assert(
      fc.property(boardArb, fc.constantFrom(undefined, ...voters), (board, voterId) => {
        const viewers = [
          { host: true as const },
          voterId === undefined ? { host: false as const } : { host: false as const, voterId },
        ];
        for (const viewer of viewers) {
          const view = qaViewFor(board, viewer);
          for (const shown of view.questions) {
            const q = board.questions.find((x) => x.id === shown.id)!;
            if (q.anonymous) {
              expect(shown).not.toHaveProperty('askerId');
              expect(shown).not.toHaveProperty('roomId');
            }
            if (viewer.host) continue;
            expect(shown).not.toHaveProperty('askerId');
            expect(shown).not.toHaveProperty('roomId');
            if (!['live', 'answered'].includes(q.status)) expect(q.askerId).toBe(voterId);
            if (!board.settings.upvotesShown) expect(shown).not.toHaveProperty('upvotes');
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
