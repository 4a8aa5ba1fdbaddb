import { z } from 'zod';

/** Limits shared by the schemas, the domain and the UI (one place to change them). */
export const LIMITS = {
  titleMax: 120,
  promptMax: 300,
  optionLabelMax: 120,
  optionsMin: 2,
  optionsMax: 20,
  questionsMax: 20,
  ratingSpanMax: 10,
  scaleLabelMax: 40,
  idMax: 64,
  closeAfterSecMax: 24 * 60 * 60,
} as const;

export const idSchema = z.string().min(1).max(LIMITS.idMax).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');

export const roleSchema = z.enum(['host', 'cohost', 'participant', 'panelist', 'attendee']);

export const resultsVisibilitySchema = z.enum(['live', 'after_close', 'host_only']);

export const pollSettingsSchema = z.strictObject({
  anonymous: z.boolean().default(false),
  resultsVisibility: resultsVisibilitySchema.default('live'),
  allowAnswerChange: z.boolean().default(true),
  /** Seconds after launch at which the server closes the run; null = closed by the host. */
  closeAfterSec: z.number().int().min(5).max(LIMITS.closeAfterSecMax).nullable().default(null),
});

const optionSchema = z.strictObject({
  id: idSchema,
  label: z.string().trim().min(1).max(LIMITS.optionLabelMax),
});

const promptSchema = z.string().trim().min(1).max(LIMITS.promptMax);

const options = z.array(optionSchema).min(LIMITS.optionsMin).max(LIMITS.optionsMax);

export const singleChoiceQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('single'),
  prompt: promptSchema,
  options,
});

export const multipleChoiceQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('multiple'),
  prompt: promptSchema,
  options,
  minPicks: z.number().int().min(0).max(LIMITS.optionsMax),
  maxPicks: z.number().int().min(1).max(LIMITS.optionsMax),
});

export const ratingQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('rating'),
  prompt: promptSchema,
  min: z.number().int().min(0).max(1),
  max: z.number().int().min(2).max(LIMITS.ratingSpanMax),
  minLabel: z.string().trim().max(LIMITS.scaleLabelMax).default(''),
  maxLabel: z.string().trim().max(LIMITS.scaleLabelMax).default(''),
});

/** A question; new kinds join this union without touching the existing ones. */
export const questionSchema = z.discriminatedUnion('kind', [
  singleChoiceQuestionSchema,
  multipleChoiceQuestionSchema,
  ratingQuestionSchema,
]);

/**
 * What a host writes: questions and options may omit ids (the server assigns them);
 * the domain checks the cross-field rules (unique ids, minPicks ≤ maxPicks ≤ options).
 */
const draftOption = optionSchema.extend({ id: idSchema.optional() });
export const pollDraftSchema = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  questions: z
    .array(
      z.discriminatedUnion('kind', [
        singleChoiceQuestionSchema.extend({ id: idSchema.optional(), options: z.array(draftOption).min(LIMITS.optionsMin).max(LIMITS.optionsMax) }),
        multipleChoiceQuestionSchema.extend({ id: idSchema.optional(), options: z.array(draftOption).min(LIMITS.optionsMin).max(LIMITS.optionsMax) }),
        ratingQuestionSchema.extend({ id: idSchema.optional() }),
      ]),
    )
    .min(1)
    .max(LIMITS.questionsMax),
  settings: pollSettingsSchema.default({ anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null }),
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
export type QuestionKind = Question['kind'];
export type PollDraft = z.infer<typeof pollDraftSchema>;
export type PollDraftInput = z.input<typeof pollDraftSchema>;
export type PollStatus = z.infer<typeof pollStatusSchema>;
export type Poll = z.infer<typeof pollSchema>;
