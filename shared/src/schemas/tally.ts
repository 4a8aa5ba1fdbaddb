import { z } from 'zod';
import { leaderboardSchema } from './quiz';

const counts = z.record(z.string(), z.number().int());

/** Counts per option (single and multiple choice). `voters` = ballots for this question. */
export const choiceTallySchema = z.strictObject({
  kind: z.literal('choice'),
  voters: z.number().int(),
  counts,
});

/** Counts per scale value, with the sum so a mean costs nothing. */
export const ratingTallySchema = z.strictObject({
  kind: z.literal('rating'),
  voters: z.number().int(),
  counts,
  sum: z.number(),
});

/**
 * Rank order: `counts` is each item's Borda score (n−1 points for first place … 0 for last);
 * `positions[item][p]` counts the voters who put the item at place p (0 = first).
 */
export const rankTallySchema = z.strictObject({
  kind: z.literal('rank'),
  voters: z.number().int(),
  counts,
  positions: z.record(z.string(), z.array(z.number().int())),
});

/**
 * Open text: `counts` are word frequencies for a word cloud (case-folded, stop words out, the
 * top 100 words, each counted once per answer); `answers` the newest visible answers (at most 200
 * and 40,000 characters; exports have them all). Hidden
 * answers are in neither, nor in `voters`; `hidden` counts them.
 */
export const textTallySchema = z.strictObject({
  kind: z.literal('text'),
  voters: z.number().int(),
  hidden: z.number().int(),
  counts,
  answers: z.array(z.strictObject({ ballotId: z.string(), text: z.string() })),
});

/**
 * Numeric estimate: a histogram (`counts` per bucket index, `buckets` their inclusive bounds,
 * at most 20) with sum, mean and median (null without answers).
 */
export const numberTallySchema = z.strictObject({
  kind: z.literal('number'),
  voters: z.number().int(),
  counts,
  buckets: z.array(z.strictObject({ from: z.number(), to: z.number() })),
  sum: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
});

export const questionTallySchema = z.discriminatedUnion('kind', [
  choiceTallySchema,
  ratingTallySchema,
  rankTallySchema,
  textTallySchema,
  numberTallySchema,
]);

/**
 * One breakout room's share of a run (`roomId` null = the main meeting room): its distinct voters and,
 * when the receiver may see results, its question tallies. Every room's counts add up to the whole run's.
 */
export const shownRoomTallySchema = z.strictObject({
  roomId: z.string().nullable(),
  turnout: z.number().int(),
  questions: z.record(z.string(), questionTallySchema).optional(),
});

/**
 * A room share withheld to keep an anonymous poll anonymous (domain/room-privacy.ts): no counts and no
 * turnout. `suppressed` says why: `few-voters` (fewer than `minVoters` there) or `would-reveal` (shown,
 * it would let the hidden rooms be worked out by subtracting it from "All rooms").
 */
export const suppressedRoomTallySchema = z.strictObject({
  roomId: z.string().nullable(),
  suppressed: z.enum(['few-voters', 'would-reveal']),
  minVoters: z.number().int().min(2),
  // Never present: declared so readers of either kind of share can ask for them and get undefined.
  turnout: z.never().optional(),
  questions: z.never().optional(),
});

/** A room's share as sent: shown, or suppressed. */
export const roomTallySchema = z.union([shownRoomTallySchema, suppressedRoomTallySchema]);

/**
 * The results of one run of a poll. `version` grows with every change so clients keep the newest;
 * `questions` is absent when the receiver may only see turnout; `leaderboard` is present for quizzes
 * when the receiver may see the standings (hosts live, participants once the poll closed).
 */
export const pollTallySchema = z.strictObject({
  pollId: z.string(),
  run: z.number().int(),
  version: z.number().int(),
  turnout: z.number().int(),
  questions: z.record(z.string(), questionTallySchema).optional(),
  leaderboard: leaderboardSchema.optional(),
  /** Hosts, once ballots came from a breakout room: every room's share, in order of its first ballot. */
  rooms: z.array(roomTallySchema).optional(),
  /** Participants, once the meeting uses breakout rooms: the share of the room they are in. */
  room: roomTallySchema.optional(),
});

export type ChoiceTally = z.infer<typeof choiceTallySchema>;
export type RatingTally = z.infer<typeof ratingTallySchema>;
export type RankTally = z.infer<typeof rankTallySchema>;
export type TextTally = z.infer<typeof textTallySchema>;
export type NumberTally = z.infer<typeof numberTallySchema>;
export type QuestionTally = z.infer<typeof questionTallySchema>;
export type ShownRoomTally = z.infer<typeof shownRoomTallySchema>;
export type SuppressedRoomTally = z.infer<typeof suppressedRoomTallySchema>;
export type RoomTally = z.infer<typeof roomTallySchema>;
export type PollTally = z.infer<typeof pollTallySchema>;
