import { z } from 'zod';
import { LIMITS } from './common';
import { idSchema, pollDraftSchema } from './poll';

export const pollRefSchema = z.strictObject({ pollId: idSchema });

export const pollUpdateSchema = z.strictObject({ pollId: idSchema, draft: pollDraftSchema });

/** `poll:extend`: moves the deadline later (or starts one from now when the poll has none). */
export const pollExtendSchema = z.strictObject({
  pollId: idSchema,
  seconds: z.number().int().min(1).max(LIMITS.extendSecMax),
});

/** `answer:hide`: a host hides (or shows again) one open-text answer of a run. */
export const answerHideSchema = z.strictObject({
  pollId: idSchema,
  run: z.number().int().min(1),
  ballotId: idSchema,
  hidden: z.boolean(),
});

/** `quiz:score`: my standing in a quiz run (the current run when `run` is omitted). */
export const quizScoreRequestSchema = z.strictObject({ pollId: idSchema, run: z.number().int().min(1).optional() });

export type PollExtend = z.infer<typeof pollExtendSchema>;
export type AnswerHide = z.infer<typeof answerHideSchema>;
export type QuizScoreRequest = z.infer<typeof quizScoreRequestSchema>;
