import type { Pool, PoolClient } from 'pg';
import type { QaSettings } from '@quorum/shared';
import {
  bumpPlan,
  numberOutcomes,
  QA_QUESTION_COLS,
  questionParams,
  rowToQuestion,
  storedQa,
  type QaQuestionRow,
} from '../qa-rows';
import type { QaRepository, QaUpvoteOutcome, QaUpvoteWrite } from '../types';
import { qaTransferSql } from '../qa-voter-sql';
import { numbered } from './numbered';
import { inTransaction } from './pg-pool';

const placeholders = QA_QUESTION_COLS.split(',')
  .map((_, i) => `$${i + 1}`)
  .join(', ');

/** Bumps (creating) the meeting's row; always the last lock a write takes, so writes cannot deadlock on it. */
const BUMP = `INSERT INTO qa_meetings (meeting_id, settings, version) VALUES ($1, NULL, 1)
  ON CONFLICT (meeting_id) DO UPDATE SET version = qa_meetings.version + 1 RETURNING version`;

async function bump(client: PoolClient, meetingId: string): Promise<number> {
  return (await client.query<{ version: number }>(BUMP, [meetingId])).rows[0]!.version;
}

async function versionOf(client: PoolClient | Pool, meetingId: string): Promise<number> {
  const rows = (
    await client.query<{ version: number }>('SELECT version FROM qa_meetings WHERE meeting_id = $1', [meetingId])
  ).rows;
  return rows[0]?.version ?? 0;
}

/** One live question's upvote write, its version left to `numberOutcomes`. */
async function stage(client: PoolClient, w: QaUpvoteWrite): Promise<QaUpvoteOutcome> {
  const seen = await client.query(
    'INSERT INTO qa_upvote_requests (question_id, voter_id, client_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [w.questionId, w.voterId, w.clientId],
  );
  if (seen.rowCount === 0) {
    const has = await client.query('SELECT 1 FROM qa_upvotes WHERE question_id = $1 AND voter_id = $2', [
      w.questionId,
      w.voterId,
    ]);
    return { kind: 'duplicate', up: (has.rowCount ?? 0) > 0, version: 0 };
  }
  const change = w.up
    ? 'INSERT INTO qa_upvotes (question_id, voter_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
    : 'DELETE FROM qa_upvotes WHERE question_id = $1 AND voter_id = $2';
  const changed = ((await client.query(change, [w.questionId, w.voterId])).rowCount ?? 0) > 0;
  return { kind: changed ? 'counted' : 'unchanged', up: w.up, version: 0 };
}

async function bumpBy(client: PoolClient, meetingId: string, n: number): Promise<number> {
  if (n === 0) return versionOf(client, meetingId);
  const sql = 'UPDATE qa_meetings SET version = version + $1 WHERE meeting_id = $2 RETURNING version';
  return (await client.query<{ version: number }>(sql, [n, meetingId])).rows[0]!.version;
}

/** Audience Q&A in PostgreSQL: the same contract as SQLite, one transaction per write. */
export function qaRepository(pool: Pool): QaRepository {
  return {
    load: async (meetingId) => {
      const [meeting, questions, upvotes] = await Promise.all([
        pool.query<{ settings: QaSettings | null; version: number }>(
          'SELECT settings, version FROM qa_meetings WHERE meeting_id = $1',
          [meetingId],
        ),
        pool.query<QaQuestionRow>(
          `SELECT ${QA_QUESTION_COLS} FROM qa_questions WHERE meeting_id = $1 ORDER BY created_at, id`,
          [meetingId],
        ),
        pool.query<{ question_id: string; voter_id: string }>(
          'SELECT u.question_id, u.voter_id FROM qa_upvotes u JOIN qa_questions q ON q.id = u.question_id WHERE q.meeting_id = $1',
          [meetingId],
        ),
      ]);
      return storedQa(meeting.rows[0], questions.rows, upvotes.rows);
    },
    putSettings: (meetingId, settings) =>
      inTransaction(pool, async (client) => {
        const v = await bump(client, meetingId);
        await client.query('UPDATE qa_meetings SET settings = $1 WHERE meeting_id = $2', [
          JSON.stringify(settings),
          meetingId,
        ]);
        return v;
      }),
    ask: (q) =>
      inTransaction(pool, async (client) => {
        const stored = () =>
          client.query<QaQuestionRow>(
            `SELECT ${QA_QUESTION_COLS} FROM qa_questions WHERE meeting_id = $1 AND asker_id = $2 AND client_id = $3`,
            [q.meetingId, q.askerId, q.clientId],
          );
        const before = (await stored()).rows[0];
        if (before)
          return { question: rowToQuestion(before), duplicate: true, version: await versionOf(client, q.meetingId) };
        const v = await bump(client, q.meetingId); // first, so the meeting row the question references exists
        const inserted = await client.query(
          `INSERT INTO qa_questions (${QA_QUESTION_COLS}) VALUES (${placeholders})
           ON CONFLICT (meeting_id, asker_id, client_id) DO NOTHING`,
          questionParams(q, (b) => b),
        );
        if ((inserted.rowCount ?? 0) > 0) return { question: q, duplicate: false, version: v };
        // The same ask committed by another instance meanwhile: that one is the question.
        return { question: rowToQuestion((await stored()).rows[0]!), duplicate: true, version: v };
      }),
    save: (meetingId, qs) =>
      inTransaction(pool, async (client) => {
        for (const q of qs)
          await client.query(
            'UPDATE qa_questions SET text = $1, status = $2, pinned = $3, reply = $4, edited_at = $5 WHERE id = $6 AND meeting_id = $7',
            [q.text, q.status, q.pinned, q.reply, q.editedAt, q.id, meetingId],
          );
        return bump(client, meetingId);
      }),
    withdraw: (meetingId, questionId) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM qa_questions WHERE id = $1 AND meeting_id = $2', [questionId, meetingId]);
        return bump(client, meetingId);
      }),
    upvoteMany: (writes) =>
      inTransaction(pool, async (client) => {
        // FOR SHARE, every row at once in id order: upvotes on one question run side by side, a
        // moderation's UPDATE waits for them (and they for it), and two batches cannot deadlock.
        const ids = [...new Set(writes.map((w) => w.questionId))];
        const live = await client.query<{ id: string; meeting_id: string }>(
          "SELECT id, meeting_id FROM qa_questions WHERE id = ANY($1::text[]) AND status = 'live' ORDER BY id FOR SHARE",
          [ids],
        );
        const liveIn = new Map(live.rows.map((r) => [r.id, r.meeting_id]));
        const staged: QaUpvoteOutcome[] = [];
        for (const w of writes)
          staged.push(liveIn.get(w.questionId) === w.meetingId ? await stage(client, w) : { kind: 'refused' });
        const plan = bumpPlan(writes, staged);
        const finals = new Map<string, number>();
        for (const [meetingId, n] of plan) finals.set(meetingId, await bumpBy(client, meetingId, n));
        return numberOutcomes(writes, staged, plan, finals);
      }),
    transferVoter: (from, to, meeting) =>
      inTransaction(pool, async (client) => {
        let changed = 0;
        for (const sql of qaTransferSql((name) => `:${name}`))
          changed += (await client.query(...numbered(sql, { from, to, meeting }))).rowCount ?? 0;
        return changed > 0 ? bump(client, meeting) : undefined;
      }),
    eraseMeeting: async (meetingId) =>
      void (await pool.query('DELETE FROM qa_meetings WHERE meeting_id = $1', [meetingId])),
  };
}
