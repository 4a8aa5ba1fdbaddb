import { z } from 'zod';
import { draftQuestionSchema, questionSchema } from '../kinds/registry';
import { idSchema, LIMITS } from './common';
import { quizSettingsSchema } from './quiz';

export { idSchema, LIMITS } from './common';
export { draftQuestionSchema, questionSchema };

export const roleSchema = z.enum(['host', 'cohost', 'participant', 'panelist', 'attendee']);

export const resultsVisibilitySchema = z.enum(['live', 'after_close', 'host_only']);

/** One word a host adds to the profanity filter. */
const blockedWordSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.blockedWordMax)
  .regex(/^[\p{L}\p{N}]+$/u, 'one word each, letters and digits only');

export const pollSettingsSchema = z.strictObject({
  anonymous: z.boolean().default(false),
  resultsVisibility: resultsVisibilitySchema.default('live'),
  allowAnswerChange: z.boolean().default(true),
  /** Seconds after launch at which the server closes the run; null = closed by the host. */
  closeAfterSec: z.number().int().min(5).max(LIMITS.closeAfterSecMax).nullable().default(null),
  /** Masks profanity in open-text answers; absent means on. */
  profanityFilter: z.boolean().optional(),
  /** The host's own words for the profanity filter, on top of the built-in lists. */
  blockedWords: z.array(blockedWordSchema).max(LIMITS.blockedWordsMax).optional(),
  /** Present = a quiz: choice questions with `correctOptionIds` score points. */
  quiz: quizSettingsSchema.optional(),
});

/**
 * What a host writes: questions and options may omit ids (the server assigns them);
 * the domain checks the cross-field rules (unique ids, minPicks ≤ maxPicks ≤ options).
 */
export const pollDraftSchema = z.strictObject({
  /** May be blank: the poll is then titled by its first question (see normalizeDraft). */
  title: z.string().trim().max(LIMITS.titleMax),
  questions: z.array(draftQuestionSchema).min(1).max(LIMITS.questionsMax),
  settings: pollSettingsSchema.default({
    anonymous: false,
    resultsVisibility: 'live',
    allowAnswerChange: true,
    closeAfterSec: null,
  }),
});

export const pollStatusSchema = z.enum(['draft', 'open', 'closed']);

/** A poll as the server stores it and sends it. `run` counts launches: 0 while a draft. */
export const pollSchema = z.strictObject({
  id: idSchema,
  meetingId: z.string().min(1),
  title: z.string(),
  questions: z.array(questionSchema),
  settings: pollSettingsSchema,
  status: pollStatusSchema,
  run: z.number().int().min(0),
  resultsShared: z.boolean(),
  createdAt: z.number(),
  openedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  /** Server-clock deadline of the current run, when the poll has a close time. */
  closesAt: z.number().nullable(),
});

export type Role = z.infer<typeof roleSchema>;
export type ResultsVisibility = z.infer<typeof resultsVisibilitySchema>;
export type PollSettings = z.infer<typeof pollSettingsSchema>;
export type Question = z.infer<typeof questionSchema>;
export type { QuestionKind } from '../kinds/registry';
export type PollDraft = z.infer<typeof pollDraftSchema>;
export type PollDraftInput = z.input<typeof pollDraftSchema>;
export type PollStatus = z.infer<typeof pollStatusSchema>;
export type Poll = z.infer<typeof pollSchema>;
/** A question of one kind, e.g. `QuestionOf<'rank'>`. */
export type QuestionOf<K extends Question['kind']> = Extract<Question, { kind: K }>;
