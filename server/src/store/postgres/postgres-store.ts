import type { Pool } from 'pg';
import type { Poll } from '@quorum/shared';
import type { PollRepository, Store } from '../types';
import { ballotRepository } from './ballot-repository';
import { applyMigrations } from './migrations';
import { createPool, type PostgresStoreOptions } from './pg-pool';
import {
  deliveryRepository,
  meetingRepository,
  meetingSettingsRepository,
  webhookRepository,
} from './record-repositories';
import { qaRepository } from './qa-repository';
import { templateRepository } from './template-repository';
import { oauthStateRepository, sessionRevocationRepository, zoomUserRepository } from './zoom-user-repositories';

export type { PostgresStoreOptions } from './pg-pool';

/**
 * Opens the PostgreSQL store at `url` (postgres://…): a connection pool, with the schema brought up
 * to date first. Several server instances may open the same database at once.
 */
export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<Store> {
  const pool = createPool(url, opts);
  try {
    await applyMigrations(pool, opts.schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  return {
    polls: pollRepository(pool),
    ballots: ballotRepository(pool),
    zoomUsers: zoomUserRepository(pool),
    oauthStates: oauthStateRepository(pool),
    sessionRevocations: sessionRevocationRepository(pool),
    webhooks: webhookRepository(pool),
    meetings: meetingRepository(pool),
    deliveries: deliveryRepository(pool),
    meetingSettings: meetingSettingsRepository(pool),
    templates: templateRepository(pool),
    qa: qaRepository(pool),
    ping: async () => void (await pool.query('SELECT 1')),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** A `polls` row as pg returns it (BIGINT parsed to number, JSONB to an object). */
interface PollRow {
  id: string;
  meeting_id: string;
  status: Poll['status'];
  run: number;
  body: Pick<Poll, 'title' | 'questions' | 'settings'>;
  results_shared: boolean;
  created_at: number;
  opened_at: number | null;
  closed_at: number | null;
  closes_at: number | null;
}

const toPoll = (r: PollRow): Poll => ({
  id: r.id,
  meetingId: r.meeting_id,
  title: r.body.title,
  questions: r.body.questions,
  settings: r.body.settings,
  status: r.status,
  run: r.run,
  resultsShared: r.results_shared,
  createdAt: r.created_at,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  closesAt: r.closes_at,
});

/** The poll's columns in `cols` order; title, questions and settings travel as one JSONB body. */
const pollParams = (p: Poll) => [
  p.id,
  p.meetingId,
  p.status,
  p.run,
  JSON.stringify({ title: p.title, questions: p.questions, settings: p.settings }),
  p.resultsShared,
  p.createdAt,
  p.openedAt,
  p.closedAt,
  p.closesAt,
];

const cols = 'id, meeting_id, status, run, body, results_shared, created_at, opened_at, closed_at, closes_at';

function pollRepository(pool: Pool): PollRepository {
  const select = async (where: string, params: unknown[]): Promise<Poll[]> =>
    (await pool.query<PollRow>(`SELECT ${cols} FROM polls ${where}`, params)).rows.map(toPoll);
  return {
    insert: async (poll) =>
      void (await pool.query(
        `INSERT INTO polls (${cols}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        pollParams(poll),
      )),
    update: async (poll) =>
      void (await pool.query(
        `UPDATE polls SET meeting_id = $2, status = $3, run = $4, body = $5, results_shared = $6,
           created_at = $7, opened_at = $8, closed_at = $9, closes_at = $10 WHERE id = $1`,
        pollParams(poll),
      )),
    delete: async (pollId) => void (await pool.query('DELETE FROM polls WHERE id = $1', [pollId])),
    get: async (pollId) => (await select('WHERE id = $1', [pollId]))[0],
    listByMeeting: async (meetingId) => select('WHERE meeting_id = $1 ORDER BY created_at, seq', [meetingId]),
    listOpenWithDeadline: async () => select("WHERE status = 'open' AND closes_at IS NOT NULL ORDER BY closes_at", []),
  };
}
