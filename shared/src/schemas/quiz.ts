import { z } from 'zod';
import { LIMITS } from './common';

/**
 * Quiz mode for a poll: `points` for a correct answer plus up to `speedBonus` more, decaying linearly
 * from the moment the question reached the voter to the end of the speed window (the poll's time
 * limit when `speedWindowSec` is null, else 30 s).
 */
export const quizSettingsSchema = z.strictObject({
  points: z.number().int().min(0).max(LIMITS.pointsMax).default(500),
  speedBonus: z.number().int().min(0).max(LIMITS.pointsMax).default(500),
  speedWindowSec: z.number().int().min(1).max(LIMITS.speedWindowSecMax).nullable().default(null),
});

/** One line of a leaderboard: players appear under a pseudonym, never their Zoom identity. */
export const leaderboardEntrySchema = z.strictObject({
  rank: z.number().int().min(1),
  nickname: z.string(),
  points: z.number().int(),
  /** Questions answered correctly. */
  correct: z.number().int(),
});

/** The top of a quiz run's standings; the podium is its first three places. */
export const leaderboardSchema = z.strictObject({
  players: z.number().int(),
  top: z.array(leaderboardEntrySchema),
});

/** One player's own standing (`quiz:score`). */
export const quizScoreSchema = leaderboardEntrySchema.extend({ players: z.number().int() });

export type QuizSettings = z.infer<typeof quizSettingsSchema>;
export type LeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;
export type Leaderboard = z.infer<typeof leaderboardSchema>;
export type QuizScore = z.infer<typeof quizScoreSchema>;
