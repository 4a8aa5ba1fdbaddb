import type Database from 'better-sqlite3';
import type { QaQuestion, QaSettings } from '@quorum/shared';
import {
  bumpPlan,
  numberOutcomes,
  QA_QUESTION_COLS,
  questionParams,
  rowToQuestion,
  storedQa,
  type QaQuestionRow,
} from '../qa-rows';
import { qaTransferSql } from '../qa-voter-sql';
import type { QaRepository, QaUpvoteOutcome, QaUpvoteWrite } from '../types';

const bool = (b: boolean): number => (b ? 1 : 0);
const placeholders = QA_QUESTION_COLS.split(',')
  .map(() => '?')
  .join(', ');

/** Audience Q&A in SQLite: every write one IMMEDIATE transaction that bumps the meeting's version. */
export function qaRepository(db: Database.Database): QaRepository {
  const meeting = db.prepare<[string], { settings: string | null; version: number }>(
    'SELECT settings, version FROM qa_meetings WHERE meeting_id = ?',
  );
  const questions = db.prepare<[string], QaQuestionRow>(
    `SELECT ${QA_QUESTION_COLS} FROM qa_questions WHERE meeting_id = ? ORDER BY created_at, rowid`,
  );
  const upvotes = db.prepare<[string], { question_id: string; voter_id: string }>(
    'SELECT u.question_id, u.voter_id FROM qa_upvotes u JOIN qa_questions q ON q.id = u.question_id WHERE q.meeting_id = ?',
  );
  const bump = db
    .prepare<[string], number>(
      `INSERT INTO qa_meetings (meeting_id, settings, version) VALUES (?, NULL, 1)
       ON CONFLICT (meeting_id) DO UPDATE SET version = version + 1 RETURNING version`,
    )
    .pluck();
  const version = db.prepare<[string], number>('SELECT version FROM qa_meetings WHERE meeting_id = ?').pluck();
  const setSettings = db.prepare<[string, string]>('UPDATE qa_meetings SET settings = ? WHERE meeting_id = ?');
  const byClient = db.prepare<[string, string, string], QaQuestionRow>(
    `SELECT ${QA_QUESTION_COLS} FROM qa_questions WHERE meeting_id = ? AND asker_id = ? AND client_id = ?`,
  );
  const insert = db.prepare(`INSERT INTO qa_questions (${QA_QUESTION_COLS}) VALUES (${placeholders})`);
  const update = db.prepare<[string, string, number, string | null, number | null, string, string]>(
    'UPDATE qa_questions SET text = ?, status = ?, pinned = ?, reply = ?, edited_at = ? WHERE id = ? AND meeting_id = ?',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM qa_questions WHERE id = ? AND meeting_id = ?');
  const liveIn = db.prepare<[string, string], 1>(
    "SELECT 1 FROM qa_questions WHERE id = ? AND meeting_id = ? AND status = 'live'",
  );
  const seen = db.prepare<[string, string, string]>(
    'INSERT INTO qa_upvote_requests (question_id, voter_id, client_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const hasVote = db.prepare<[string, string], 1>('SELECT 1 FROM qa_upvotes WHERE question_id = ? AND voter_id = ?');
  const addVote = db.prepare<[string, string]>('INSERT INTO qa_upvotes (question_id, voter_id) VALUES (?, ?)');
  const dropVote = db.prepare<[string, string]>('DELETE FROM qa_upvotes WHERE question_id = ? AND voter_id = ?');

  const bumpBy = db
    .prepare<[number, string], number>(
      'UPDATE qa_meetings SET version = version + ? WHERE meeting_id = ? RETURNING version',
    )
    .pluck();
  /** One write's outcome, its version left to `numberOutcomes` (each meeting is bumped once, at the end). */
  const stage = (w: QaUpvoteWrite): QaUpvoteOutcome => {
    if (!liveIn.get(w.questionId, w.meetingId)) return { kind: 'refused' };
    const current = hasVote.get(w.questionId, w.voterId) !== undefined;
    if (seen.run(w.questionId, w.voterId, w.clientId).changes === 0)
      return { kind: 'duplicate', up: current, version: 0 };
    if (current === w.up) return { kind: 'unchanged', up: current, version: 0 };
    if (w.up) addVote.run(w.questionId, w.voterId);
    else dropVote.run(w.questionId, w.voterId);
    return { kind: 'counted', up: w.up, version: 0 };
  };
  const upvoteMany = db.transaction((writes: readonly QaUpvoteWrite[]) => {
    const staged = writes.map(stage);
    const plan = bumpPlan(writes, staged);
    const finals = new Map(plan.map(([m, n]) => [m, n === 0 ? (version.get(m) ?? 0) : bumpBy.get(n, m)!]));
    return numberOutcomes(writes, staged, plan, finals);
  });
  const ask = db.transaction((q: QaQuestion) => {
    const stored = byClient.get(q.meetingId, q.askerId, q.clientId);
    if (stored) return { question: rowToQuestion(stored), duplicate: true, version: version.get(q.meetingId) ?? 0 };
    const v = bump.get(q.meetingId)!; // first, so the meeting row the question references exists
    insert.run(...questionParams(q, bool));
    return { question: q, duplicate: false, version: v };
  });
  const save = db.transaction((meetingId: string, qs: readonly QaQuestion[]) => {
    for (const q of qs) update.run(q.text, q.status, bool(q.pinned), q.reply, q.editedAt, q.id, meetingId);
    return bump.get(meetingId)!;
  });
  const withdraw = db.transaction((meetingId: string, questionId: string) => {
    remove.run(questionId, meetingId);
    return bump.get(meetingId)!;
  });
  const putSettings = db.transaction((meetingId: string, settings: QaSettings) => {
    const v = bump.get(meetingId)!;
    setSettings.run(JSON.stringify(settings), meetingId);
    return v;
  });
  type Moved = { from: string; to: string; meeting: string };
  const moves = qaTransferSql((name) => `@${name}`).map((sql) => db.prepare<Moved>(sql));
  const transfer = db.transaction((params: Moved) => {
    const changed = moves.reduce((n, step) => n + step.run(params).changes, 0);
    return changed > 0 ? bump.get(params.meeting)! : undefined;
  });
  const eraseMeeting = db.prepare<[string]>('DELETE FROM qa_meetings WHERE meeting_id = ?');

  return {
    load: async (meetingId) => {
      const m = meeting.get(meetingId);
      const parsed = m && {
        settings: m.settings === null ? null : (JSON.parse(m.settings) as QaSettings),
        version: m.version,
      };
      return storedQa(parsed, questions.all(meetingId), upvotes.all(meetingId));
    },
    putSettings: async (meetingId, settings) => putSettings.immediate(meetingId, settings),
    ask: async (q) => ask.immediate(q),
    save: async (meetingId, qs) => save.immediate(meetingId, qs),
    withdraw: async (meetingId, questionId) => withdraw.immediate(meetingId, questionId),
    upvoteMany: async (writes) => upvoteMany.immediate(writes),
    transferVoter: async (from, to, meeting) => transfer.immediate({ from, to, meeting }),
    eraseMeeting: async (meetingId) => void eraseMeeting.run(meetingId),
  };
}
