import type { Ballot, ExportedBallot, Poll, PollTally, RunExport } from '@quorum/shared';
import { ballotPoints, exportableBallots } from './csv-export';

/**
 * `export.json`: the poll, the run's tally (with a quiz's leaderboard) and its ballots. Hidden
 * open-text answers are left out, and anonymous polls export no voter ids.
 */
export function exportRunJson(poll: Poll, tally: PollTally, ballots: readonly Ballot[], now: number): RunExport {
  const points = ballotPoints(poll);
  const exported = exportableBallots(ballots, tally.run).map((b): ExportedBallot => {
    const row: ExportedBallot = { ballotId: b.ballotId, questionId: b.questionId, answer: b.answer, castAt: b.castAt };
    if (!poll.settings.anonymous) row.voterId = b.voterId;
    const scored = points(b);
    if (scored !== undefined) row.points = scored;
    return row;
  });
  return { exportedAt: now, poll, run: tally.run, tally, ballots: exported };
}
