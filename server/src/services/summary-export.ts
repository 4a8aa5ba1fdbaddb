import {
  isSuppressedRoom,
  kindRules,
  roomLabel,
  roomNumbers,
  type Poll,
  type PollTally,
  type SummaryRow,
  type SuppressedRoomTally,
} from '@quorum/shared';
import { csvDocument, csvRow } from './csv-export';

/** The one row of a room an anonymous poll withholds (room-privacy): why, and no number at all. */
const hiddenRow = (room: SuppressedRoomTally): SummaryRow => [
  'hidden',
  room.suppressed === 'few-voters' ? `fewer than ${room.minVoters} voters` : 'would reveal a smaller room',
  '',
];

/**
 * `summary.csv`: one row per number a results view shows, per question (votes per option, Borda
 * scores and places, word counts, histogram buckets, mean and median), then a quiz's leaderboard.
 * Built from the host's tally, which already leaves hidden answers out; after breakout rooms a `room`
 * column follows, and every room's numbers follow the combined ones (a withheld room: one `hidden` row).
 */
export function exportRunSummaryCsv(poll: Poll, tally: PollTally): string {
  // After breakout rooms every row says whose numbers it is: all rooms, then each room in turn.
  const rooms = tally.rooms;
  const lines = [csvRow(['poll', 'run', 'question', 'kind', 'measure', 'item', 'value', ...(rooms ? ['room'] : [])])];
  const section = (room: string | undefined, turnout: number, questions: PollTally['questions']) => {
    const line = (question: string, kind: string, [measure, item, value]: SummaryRow) =>
      lines.push(
        csvRow([poll.title, tally.run, question, kind, measure, item, value, ...(room === undefined ? [] : [room])]),
      );
    line('', '', ['turnout', '', turnout]);
    for (const question of poll.questions) {
      const t = questions?.[question.id];
      if (t)
        kindRules(question.kind)
          .summaryRows(question, t)
          .forEach((row) => line(question.prompt, question.kind, row));
    }
    return line;
  };
  const all = section(rooms ? 'All rooms' : undefined, tally.turnout, tally.questions);
  for (const entry of tally.leaderboard?.top ?? [])
    all('', 'quiz', [`rank ${entry.rank}`, entry.nickname, entry.points]);
  const numbers = roomNumbers((rooms ?? []).map((r) => r.roomId));
  for (const room of rooms ?? []) {
    const label = roomLabel(room.roomId, numbers);
    if (isSuppressedRoom(room)) lines.push(csvRow([poll.title, tally.run, '', '', ...hiddenRow(room), label]));
    else section(label, room.turnout, room.questions);
  }
  return csvDocument(lines);
}
