import { z } from 'zod';
import { answerSchema } from './ballot';
import { pollSchema } from './poll';
import { pollTallySchema } from './tally';

/** One ballot in a JSON export; `voterId` only when the poll is not anonymous. */
export const exportedBallotSchema = z.strictObject({
  ballotId: z.string(),
  questionId: z.string(),
  answer: answerSchema,
  castAt: z.number(),
  voterId: z.string().optional(),
  /** Named polls: the voter's Zoom display name, from Zoom's webhooks or their profile; never for anonymous polls. */
  voterName: z.string().optional(),
  /** Named polls: the voter's email, where the app has it (users who authorized Quorum); never for anonymous polls. */
  voterEmail: z.string().optional(),
  /** Quiz polls: points this answer scored. */
  points: z.number().int().optional(),
  /** Runs that reached breakout rooms: the room's label ("Main room", "Room n" by first ballot); never for anonymous polls. */
  room: z.string().optional(),
  /** Ballots cast in a breakout room: Zoom's UUID of that room; never for anonymous polls. */
  roomId: z.string().optional(),
});

/**
 * `GET /api/polls/:pollId/runs/:run/export.json`: the poll, the run's full tally (leaderboard
 * included for quizzes) and its ballots. Hidden open-text answers are left out everywhere.
 */
export const runExportSchema = z.strictObject({
  exportedAt: z.number(),
  poll: pollSchema,
  run: z.number().int(),
  tally: pollTallySchema,
  ballots: z.array(exportedBallotSchema),
});

export type ExportedBallot = z.infer<typeof exportedBallotSchema>;
export type RunExport = z.infer<typeof runExportSchema>;
