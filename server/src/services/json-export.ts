import type { Ballot, ExportedBallot, Poll, PollTally, RunExport } from '@quorum/shared';
import { ballotPoints, ballotRooms, exportableBallots } from './csv-export';
import type { VoterLabels } from './voter-directory';

/**
 * `export.json`: the poll, the run's tally (with a quiz's leaderboard and, after breakout rooms, each
 * room's share) and its ballots (with the room each was cast in). Hidden
 * open-text answers are left out; named polls give each voter's id, Zoom name and email where known; anonymous polls export no voter ids and no ballot's room (the
 * tally's room shares are withheld below K voters, as everywhere: room-privacy).
 */
export function exportRunJson(
  poll: Poll,
  tally: PollTally,
  ballots: readonly Ballot[],
  now: number,
  labels?: VoterLabels,
): RunExport {
  const points = ballotPoints(poll);
  const kept = exportableBallots(ballots, tally.run);
  const room = ballotRooms(poll, kept);
  const exported = kept.map((b): ExportedBallot => {
    const row: ExportedBallot = { ballotId: b.ballotId, questionId: b.questionId, answer: b.answer, castAt: b.castAt };
    if (room) row.room = room(b);
    if (room && b.roomId !== undefined) row.roomId = b.roomId;
    if (!poll.settings.anonymous) {
      row.voterId = b.voterId;
      const label = labels?.(b.voterId);
      if (label?.name) row.voterName = label.name;
      if (label?.email) row.voterEmail = label.email;
    }
    const scored = points(b);
    if (scored !== undefined) row.points = scored;
    return row;
  });
  return { exportedAt: now, poll, run: tally.run, tally, ballots: exported };
}
