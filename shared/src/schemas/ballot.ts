import { z } from 'zod';
import { answerSchema } from '../kinds/registry';
import { idSchema, LIMITS } from './common';

export { answerSchema };

/** Client-chosen id of one cast attempt: re-sending it is a no-op that returns the same receipt. */
export const clientBallotIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const castBallotSchema = z.strictObject({
  pollId: idSchema,
  questionId: idSchema,
  answer: answerSchema,
  clientBallotId: clientBallotIdSchema,
});

/**
 * `ballot:submit`: every answer of a survey at once, written all or nothing. One `clientBallotId`
 * covers the whole submission, so re-sending it returns the same receipts.
 */
export const submitBallotsSchema = z.strictObject({
  pollId: idSchema,
  answers: z
    .array(z.strictObject({ questionId: idSchema, answer: answerSchema }))
    .min(1)
    .max(LIMITS.questionsMax),
  clientBallotId: clientBallotIdSchema,
});

/** What the voter gets back once the ballot is committed. */
export const receiptSchema = z.strictObject({
  ballotId: z.string(),
  pollId: idSchema,
  run: z.number().int(),
  questionId: idSchema,
  clientBallotId: clientBallotIdSchema,
  answer: answerSchema,
  castAt: z.number(),
});

export type Answer = z.infer<typeof answerSchema>;
export type AnswerKind = Answer['kind'];
export type AnswerOf<K extends AnswerKind> = Extract<Answer, { kind: K }>;
export type CastBallot = z.infer<typeof castBallotSchema>;
export type SubmitBallots = z.infer<typeof submitBallotsSchema>;
export type Receipt = z.infer<typeof receiptSchema>;

/**
 * A stored ballot: the receipt plus who cast it (never sent to other clients), whether a host hid it
 * (open text), for quizzes how long the voter took from the moment the question reached them, and
 * the breakout room it was cast in (absent = the main meeting room).
 */
export type Ballot = Receipt & { voterId: string; hidden?: boolean; elapsedMs?: number; roomId?: string };
