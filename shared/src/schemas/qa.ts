import { z } from 'zod';
import { clientBallotIdSchema } from './ballot';
import { idSchema } from './common';

/** Limits of audience Q&A (one place to change them). */
export const QA_LIMITS = {
  /** The longest question a host may allow, in characters. */
  textMax: 1000,
  /** The shortest limit a host may set. */
  textMinLimit: 40,
  /** What a meeting starts with. */
  textDefault: 300,
  replyMax: 1000,
  /** Questions one moderation request may touch (bulk approve / dismiss). */
  bulkMax: 100,
  /** Questions one meeting may hold: every update carries the whole list, so it must stay bounded. */
  questionsMax: 500,
} as const;

/** waiting = in the review queue; live = visible to all; the other three are final-ish states the host sets. */
export const qaStatusSchema = z.enum(['waiting', 'live', 'answered', 'dismissed', 'archived']);

/** The meeting's Q&A settings, changed by whoever may run polls. */
export const qaSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  anonymousAllowed: z.boolean(),
  /** New questions wait in a queue until a host approves them. */
  reviewFirst: z.boolean(),
  /** Participants see upvote counts (hosts always do). */
  upvotesShown: z.boolean(),
  /** Read-only: no new questions, edits or upvotes. */
  closed: z.boolean(),
  maxLength: z.number().int().min(QA_LIMITS.textMinLimit).max(QA_LIMITS.textMax),
});

/** `qa:settings`: any subset of the settings; the rest stay as they are. */
export const qaSettingsPatchSchema = qaSettingsSchema.partial();

/** A client-chosen id of one attempt (ask, upvote): re-sending it changes nothing. */
export const qaClientIdSchema = clientBallotIdSchema;

// The schemas cap text at the absolute maximum; the meeting's own limit is a domain rule naming `text`.
const questionText = z.string().max(QA_LIMITS.textMax * 2);

export const qaAskSchema = z.strictObject({
  text: questionText,
  anonymous: z.boolean().default(false),
  clientId: qaClientIdSchema,
});

export const qaEditSchema = z.strictObject({ questionId: idSchema, text: questionText });

export const qaWithdrawSchema = z.strictObject({ questionId: idSchema });

/** The wanted state, not a flip: a re-sent request lands on the same state. */
export const qaUpvoteSchema = z.strictObject({ questionId: idSchema, up: z.boolean(), clientId: qaClientIdSchema });

const questionIds = z.array(idSchema).min(1).max(QA_LIMITS.bulkMax);

export const qaModerateSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(['approve', 'dismiss', 'answer', 'archive']), questionIds }),
  z.strictObject({ action: z.literal('pin'), questionId: idSchema, pinned: z.boolean() }),
  z.strictObject({
    action: z.literal('reply'),
    questionId: idSchema,
    reply: z.string().trim().max(QA_LIMITS.replyMax).nullable(),
  }),
]);

/** One question as a viewer receives it; what is present depends on who they are (see `qaViewFor`). */
export const qaQuestionViewSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  status: qaStatusSchema,
  pinned: z.boolean(),
  reply: z.string().nullable(),
  anonymous: z.boolean(),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  /** Absent when the viewer may not see counts. */
  upvotes: z.number().int().optional(),
  /** The viewer asked it. */
  mine: z.literal(true).optional(),
  /** The viewer upvoted it. */
  upvoted: z.literal(true).optional(),
  /** Hosts only, and never for an anonymous question. */
  askerId: z.string().optional(),
  /** Hosts, named questions: the asker's Zoom display name, when Zoom gave the server one. */
  askerName: z.string().optional(),
  /** Hosts only: the breakout room it was asked from; never for an anonymous question. */
  roomId: z.string().optional(),
});

/** Everything one audience sees of a meeting's Q&A at a version; questions in Top order. */
export const qaUpdateSchema = z.strictObject({
  meetingId: z.string(),
  version: z.number().int(),
  settings: qaSettingsSchema,
  questions: z.array(qaQuestionViewSchema),
});

export type QaStatus = z.infer<typeof qaStatusSchema>;
export type QaSettings = z.infer<typeof qaSettingsSchema>;
export type QaSettingsPatch = z.infer<typeof qaSettingsPatchSchema>;
export type QaAsk = z.infer<typeof qaAskSchema>;
export type QaEdit = z.infer<typeof qaEditSchema>;
export type QaUpvote = z.infer<typeof qaUpvoteSchema>;
export type QaModerate = z.infer<typeof qaModerateSchema>;
export type QaQuestionView = z.infer<typeof qaQuestionViewSchema>;
export type QaUpdate = z.infer<typeof qaUpdateSchema>;

/** Q&A starts off; once on, anonymous questions allowed, published at once, counts shown. */
export const DEFAULT_QA_SETTINGS: QaSettings = {
  enabled: false,
  anonymousAllowed: true,
  reviewFirst: false,
  upvotesShown: true,
  closed: false,
  maxLength: QA_LIMITS.textDefault,
};
