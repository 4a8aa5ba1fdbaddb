import { z } from 'zod';

/** Counts per option (single and multiple choice). `voters` = ballots for this question. */
export const choiceTallySchema = z.strictObject({
  kind: z.literal('choice'),
  voters: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

/** Counts per scale value, with the sum so a mean costs nothing. */
export const ratingTallySchema = z.strictObject({
  kind: z.literal('rating'),
  voters: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  sum: z.number(),
});

export const questionTallySchema = z.discriminatedUnion('kind', [choiceTallySchema, ratingTallySchema]);

/**
 * The results of one run of a poll. `version` grows with every change so clients keep the newest;
 * `questions` is absent when the receiver may only see turnout.
 */
export const pollTallySchema = z.strictObject({
  pollId: z.string(),
  run: z.number().int(),
  version: z.number().int(),
  turnout: z.number().int(),
  questions: z.record(z.string(), questionTallySchema).optional(),
});

export type ChoiceTally = z.infer<typeof choiceTallySchema>;
export type RatingTally = z.infer<typeof ratingTallySchema>;
export type QuestionTally = z.infer<typeof questionTallySchema>;
export type PollTally = z.infer<typeof pollTallySchema>;
