/** The named values the Q&A erase and transfer statements use. */
type Param = 'voter' | 'anon' | 'personal' | 'from' | 'to' | 'meeting';

/**
 * Deauthorization's Q&A part, in both dialects (`p` writes a parameter the dialect's way): the personal
 * space's Q&A goes; in meetings, the user's questions and upvotes are re-keyed to their pseudonym, so
 * counts and the one-vote rule hold while nothing names them. Each touched meeting's version is bumped
 * first (while the rows still carry the voter id), so every process's cached copy is seen to be stale.
 */
export function qaEraseSql(p: (name: Param) => string): string[] {
  return [
    `DELETE FROM qa_meetings WHERE meeting_id = ${p('personal')}`,
    `UPDATE qa_meetings SET version = version + 1 WHERE meeting_id IN (
       SELECT meeting_id FROM qa_questions WHERE asker_id = ${p('voter')}
       UNION SELECT q.meeting_id FROM qa_upvotes u JOIN qa_questions q ON q.id = u.question_id WHERE u.voter_id = ${p('voter')})`,
    `UPDATE qa_questions SET asker_id = ${p('anon')} WHERE asker_id = ${p('voter')}`,
    `UPDATE qa_upvotes SET voter_id = ${p('anon')} WHERE voter_id = ${p('voter')}`,
    `UPDATE qa_upvote_requests SET voter_id = ${p('anon')} WHERE voter_id = ${p('voter')}`,
  ];
}

/**
 * A voter's Q&A in one meeting moves to another voter id (a guest who signed in), in order: the votes
 * both hold are dropped from `from` (one vote per person stays), the rest and the questions move. The
 * caller bumps the version when any statement changed a row.
 */
export function qaTransferSql(p: (name: Param) => string): string[] {
  const inMeeting = `question_id IN (SELECT id FROM qa_questions WHERE meeting_id = ${p('meeting')})`;
  return [
    `DELETE FROM qa_upvotes WHERE voter_id = ${p('from')} AND ${inMeeting}
       AND question_id IN (SELECT question_id FROM qa_upvotes WHERE voter_id = ${p('to')})`,
    `UPDATE qa_upvotes SET voter_id = ${p('to')} WHERE voter_id = ${p('from')} AND ${inMeeting}`,
    `UPDATE qa_questions SET asker_id = ${p('to')} WHERE asker_id = ${p('from')} AND meeting_id = ${p('meeting')}`,
  ];
}
