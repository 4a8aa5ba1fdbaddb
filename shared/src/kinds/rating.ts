import { z } from 'zod';
import { fail, ok } from '../protocol/errors';
import { idSchema, LIMITS, promptSchema, requiredSchema } from '../schemas/common';
import { defineKind, type SummaryRow } from './kind-def';

export const ratingQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('rating'),
  prompt: promptSchema,
  min: z.number().int().min(0).max(1),
  max: z.number().int().min(2).max(LIMITS.ratingSpanMax),
  minLabel: z.string().trim().max(LIMITS.scaleLabelMax).default(''),
  maxLabel: z.string().trim().max(LIMITS.scaleLabelMax).default(''),
  required: requiredSchema,
});

const answer = z.strictObject({ kind: z.literal('rating'), value: z.number().int() });

/** Counts per scale value, with the sum so a mean costs nothing. */
export const ratingTallySchema = z.strictObject({
  kind: z.literal('rating'),
  voters: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  sum: z.number(),
});
export type RatingTally = z.infer<typeof ratingTallySchema>;

const mean = (sum: number, voters: number): string | number => (voters > 0 ? Number((sum / voters).toFixed(2)) : '');

/** Rating scale: a whole number from `min` (0 or 1) to `max`. */
export const ratingKind = defineKind({
  kind: 'rating',
  schemas: {
    question: ratingQuestionSchema,
    draft: ratingQuestionSchema.extend({ id: idSchema.optional() }),
    answer,
    tally: ratingTallySchema,
  },
  normalize(draft, at) {
    if (draft.max <= draft.min)
      return fail('INVALID', 'the scale maximum must exceed its minimum', `questions.${at.index}.max`);
    return ok({ ...draft, id: at.id });
  },
  validateAnswer(question, a) {
    // NaN and fractions slip through a range check; they would add keys outside the scale to the tally.
    if (!Number.isInteger(a.value) || a.value < question.min || a.value > question.max) {
      return fail('INVALID', `choose a value from ${question.min} to ${question.max}`, 'answer.value');
    }
    return ok(a);
  },
  counter(question) {
    const counts: Record<string, number> = {};
    for (let v = question.min; v <= question.max; v++) counts[String(v)] = 0;
    const tally: RatingTally = { kind: 'rating', voters: 0, counts, sum: 0 };
    return {
      add({ answer: a }, sign) {
        tally.voters += sign;
        tally.counts[String(a.value)] = (tally.counts[String(a.value)] ?? 0) + sign;
        tally.sum += sign * a.value;
      },
      view: () => ({ ...tally, counts: { ...tally.counts } }),
    };
  },
  describeAnswer: (_question, a) => String(a.value),
  summaryRows: (_question, tally) => [
    ['voters', '', tally.voters],
    ...Object.entries(tally.counts).map(([value, n]): SummaryRow => ['votes', value, n]),
    ['mean', '', mean(tally.sum, tally.voters)],
  ],
  example: {
    id: 'q1',
    kind: 'rating',
    prompt: 'How was the sprint?',
    min: 1,
    max: 5,
    minLabel: 'Rough',
    maxLabel: 'Great',
  },
});
