import { z } from 'zod';
import { fail, ok } from '../protocol/errors';
import { draftOptionSchema, idSchema, LIMITS, optionSchema, promptSchema, requiredSchema } from '../schemas/common';
import { labelOf, normalizeOptions } from './choice-common';
import { defineKind, type SummaryRow } from './kind-def';

/** Rank order: the voter orders every item, best first. */
export const rankQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('rank'),
  prompt: promptSchema,
  required: requiredSchema,
  options: z.array(optionSchema).min(LIMITS.optionsMin).max(LIMITS.rankItemsMax),
});
export type RankQuestion = z.infer<typeof rankQuestionSchema>;

/** Every item of the question, best first. */
const answer = z.strictObject({ kind: z.literal('rank'), optionIds: z.array(idSchema).max(LIMITS.rankItemsMax) });

/**
 * Rank order: `counts` is each item's Borda score (n−1 points for first place … 0 for last);
 * `positions[item][p]` counts the voters who put the item at place p (0 = first).
 */
export const rankTallySchema = z.strictObject({
  kind: z.literal('rank'),
  voters: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  positions: z.record(z.string(), z.array(z.number().int())),
});
export type RankTally = z.infer<typeof rankTallySchema>;

/** Rank order: a full ordering of 2 to 10 items, counted as Borda scores and places. */
export const rankKind = defineKind({
  kind: 'rank',
  schemas: {
    question: rankQuestionSchema,
    draft: rankQuestionSchema.extend({
      id: idSchema.optional(),
      options: z.array(draftOptionSchema).min(LIMITS.optionsMin).max(LIMITS.rankItemsMax),
    }),
    answer,
    tally: rankTallySchema,
  },
  normalize(draft, at) {
    const options = normalizeOptions(draft.options, at);
    return options.ok ? ok({ ...draft, id: at.id, options: options.data }) : options;
  },
  validateAnswer(question, a) {
    const known = new Set(question.options.map((o) => o.id));
    const seen = new Set<string>();
    for (const id of a.optionIds) {
      if (!known.has(id)) return fail('INVALID', `unknown item ${id}`, 'answer.optionIds');
      if (seen.has(id)) return fail('INVALID', `item ${id} was ranked twice`, 'answer.optionIds');
      seen.add(id);
    }
    if (seen.size !== known.size) return fail('INVALID', `rank all ${known.size} items`, 'answer.optionIds');
    return ok(a);
  },
  counter(question) {
    const ids = question.options.map((o) => o.id);
    const tally: RankTally = {
      kind: 'rank',
      voters: 0,
      counts: Object.fromEntries(ids.map((id) => [id, 0])),
      positions: Object.fromEntries(ids.map((id) => [id, ids.map(() => 0)])),
    };
    return {
      add({ answer: a }, sign) {
        tally.voters += sign;
        const n = a.optionIds.length;
        a.optionIds.forEach((id, place) => {
          tally.counts[id] = (tally.counts[id] ?? 0) + sign * (n - 1 - place);
          const places = tally.positions[id];
          if (places && place < places.length) places[place] = (places[place] ?? 0) + sign;
        });
      },
      view: () => ({
        ...tally,
        counts: { ...tally.counts },
        positions: Object.fromEntries(Object.entries(tally.positions).map(([id, places]) => [id, [...places]])),
      }),
    };
  },
  describeAnswer: (question, a) => a.optionIds.map((id) => labelOf(question.options, id)).join(' > '),
  summaryRows: (question, tally) => [
    ['voters', '', tally.voters],
    ...Object.entries(tally.counts).map(([id, n]): SummaryRow => ['borda score', labelOf(question.options, id), n]),
    ...Object.entries(tally.positions).flatMap(([id, places]) =>
      places.map((n, p): SummaryRow => [`place ${p + 1}`, labelOf(question.options, id), n]),
    ),
  ],
  example: {
    id: 'q1',
    kind: 'rank',
    prompt: 'Order the topics for next week',
    options: [
      { id: 'a', label: 'Roadmap' },
      { id: 'b', label: 'Hiring' },
      { id: 'c', label: 'Budget' },
    ],
  },
});
