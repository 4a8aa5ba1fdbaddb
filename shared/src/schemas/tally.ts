import { z } from 'zod';
import { questionTallySchema } from '../kinds/registry';
import { leaderboardSchema } from './quiz';

export { questionTallySchema };

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

export type QuestionTally = z.infer<typeof questionTallySchema>;
export type ShownRoomTally = z.infer<typeof shownRoomTallySchema>;
export type SuppressedRoomTally = z.infer<typeof suppressedRoomTallySchema>;
export type RoomTally = z.infer<typeof roomTallySchema>;
export type PollTally = z.infer<typeof pollTallySchema>;
