import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Poll } from '@quorum/shared';
import type { PollRepository, Store } from '../types';
import { ballotRepository } from './ballot-repository';
import { BUSY_TIMEOUT_MS, BusyRetry } from './busy-retry';
import { meetingSettingsRepository } from './meeting-settings-repository';
import { applyMigrations } from './migrations';
import { qaRepository } from './qa-repository';
import { templateRepository } from './template-repository';
import { deliveryRepository, meetingRepository, webhookRepository } from './webhook-repositories';
import { oauthStateRepository, sessionRevocationRepository, zoomUserRepository } from './zoom-user-repositories';

export { ballotToRow, rowToBallot, type BallotRow } from './ballot-repository';

/** How long opening the database (migrations) waits for another process's lock. */
const STARTUP_BUSY_TIMEOUT_MS = 5_000;

/** A `polls` row as SQLite returns it. */
export interface PollRow {
  id: string;
  meeting_id: string;
  status: Poll['status'];
  run: number;
  body: string;
  results_shared: number;
  created_at: number;
  opened_at: number | null;
  closed_at: number | null;
  closes_at: number | null;
}

type PollBody = Pick<Poll, 'title' | 'questions' | 'settings'>;

/** Maps a poll to its row; title, questions and settings travel as one JSON body. */
export function pollToRow(poll: Poll): PollRow {
  const body: PollBody = { title: poll.title, questions: poll.questions, settings: poll.settings };
  return {
    id: poll.id,
    meeting_id: poll.meetingId,
    status: poll.status,
    run: poll.run,
    body: JSON.stringify(body),
    results_shared: poll.resultsShared ? 1 : 0,
    created_at: poll.createdAt,
    opened_at: poll.openedAt,
    closed_at: poll.closedAt,
    closes_at: poll.closesAt,
  };
}

/** Maps a row back to a poll. The body is trusted: only `pollToRow` writes it, from a validated poll. */
export function rowToPoll(row: PollRow): Poll {
  const body = JSON.parse(row.body) as PollBody;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    title: body.title,
    questions: body.questions,
    settings: body.settings,
    status: row.status,
    run: row.run,
    resultsShared: row.results_shared === 1,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closesAt: row.closes_at,
  };
}

/** Opens (creating if needed) the SQLite store at `path`, or an in-memory one for ':memory:'. */
export function openSqliteStore(path: string): Store {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  configure(db);
  // Startup may wait longer for another process's lock (an overlapping deploy): nothing is served yet.
  db.pragma(`busy_timeout = ${STARTUP_BUSY_TIMEOUT_MS}`);
  applyMigrations(db);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const busy = new BusyRetry();
  return {
    polls: busy.wrap(pollRepository(db)),
    ballots: busy.wrap(ballotRepository(db)),
    zoomUsers: busy.wrap(zoomUserRepository(db)),
    oauthStates: busy.wrap(oauthStateRepository(db)),
    sessionRevocations: busy.wrap(sessionRevocationRepository(db)),
    webhooks: busy.wrap(webhookRepository(db)),
    meetings: busy.wrap(meetingRepository(db)),
    deliveries: busy.wrap(deliveryRepository(db)),
    meetingSettings: busy.wrap(meetingSettingsRepository(db)),
    templates: busy.wrap(templateRepository(db)),
    qa: busy.wrap(qaRepository(db)),
    ping: async () => void db.prepare('SELECT 1').get(),
    writeStalledSince: () => busy.stalledSince(),
    close: async () => {
      if (!db.open) return;
      // Folds the WAL back into the main file so a closed database is one self-contained file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

function configure(db: Database.Database): void {
  // WAL: readers (snapshots, /healthz) never block the single writer, and a commit is one append.
  db.pragma('journal_mode = WAL');
  // FULL, not NORMAL: in WAL, NORMAL skips the fsync at commit, so an OS crash or power cut can drop
  // the last transactions although their voters already hold receipts. FULL makes "acknowledged only
  // after commit" mean "on disk". The cost is one fsync per writeMany, not per ballot, because the
  // service batches every ballot of an event-loop turn into one transaction (group commit).
  db.pragma('synchronous = FULL');
  // The ballot → poll cascade depends on this. better-sqlite3's build defaults it on, stock SQLite
  // defaults it off: say it here rather than rely on a compile flag.
  db.pragma('foreign_keys = ON');
  // Another process (a backup, an overlapping deploy) may hold the lock. The busy handler waits
  // synchronously, blocking every meeting, so once serving it waits only briefly (set after the
  // migrations, see openSqliteStore); BusyRetry retries on a timer.
}

function pollRepository(db: Database.Database): PollRepository {
  const cols = 'id, meeting_id, status, run, body, results_shared, created_at, opened_at, closed_at, closes_at';
  const insert = db.prepare<PollRow>(
    `INSERT INTO polls (${cols}) VALUES (@id, @meeting_id, @status, @run, @body, @results_shared, @created_at, @opened_at, @closed_at, @closes_at)`,
  );
  const update = db.prepare<PollRow>(
    `UPDATE polls SET meeting_id = @meeting_id, status = @status, run = @run, body = @body, results_shared = @results_shared,
       created_at = @created_at, opened_at = @opened_at, closed_at = @closed_at, closes_at = @closes_at WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM polls WHERE id = ?');
  const get = db.prepare<[string], PollRow>(`SELECT ${cols} FROM polls WHERE id = ?`);
  // rowid breaks ties between polls created in the same millisecond (PostgreSQL: an identity column).
  const byMeeting = db.prepare<[string], PollRow>(
    `SELECT ${cols} FROM polls WHERE meeting_id = ? ORDER BY created_at, rowid`,
  );
  // The WHERE repeats the partial index's predicate word for word so SQLite can use that index.
  const openWithDeadline = db.prepare<[], PollRow>(
    `SELECT ${cols} FROM polls WHERE status = 'open' AND closes_at IS NOT NULL ORDER BY closes_at`,
  );
  return {
    insert: async (poll) => void insert.run(pollToRow(poll)),
    update: async (poll) => void update.run(pollToRow(poll)),
    delete: async (pollId) => void remove.run(pollId),
    get: async (pollId) => {
      const row = get.get(pollId);
      return row && rowToPoll(row);
    },
    listByMeeting: async (meetingId) => byMeeting.all(meetingId).map(rowToPoll),
    listOpenWithDeadline: async () => openWithDeadline.all().map(rowToPoll),
  };
}
