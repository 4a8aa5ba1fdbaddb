import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { resolveRecast, type Answer, type Ballot, type Poll } from '@quorum/shared';
import type { BallotRepository, BallotWrite, BallotWriteResult, PollRepository, Store } from '../types';
import { applyMigrations } from './migrations';
import { deliveryRepository, meetingRepository, webhookRepository } from './webhook-repositories';
import { oauthStateRepository, zoomUserRepository } from './zoom-user-repositories';

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

/** A `ballots` row as SQLite returns it. */
export interface BallotRow {
  ballot_id: string;
  poll_id: string;
  run: number;
  question_id: string;
  voter_id: string;
  client_ballot_id: string;
  answer: string;
  cast_at: number;
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

/** Maps a ballot to its row. */
export function ballotToRow(b: Ballot): BallotRow {
  return {
    ballot_id: b.ballotId,
    poll_id: b.pollId,
    run: b.run,
    question_id: b.questionId,
    voter_id: b.voterId,
    client_ballot_id: b.clientBallotId,
    answer: JSON.stringify(b.answer),
    cast_at: b.castAt,
  };
}

/** Maps a row back to a ballot (answer JSON written by `ballotToRow` from a validated answer). */
export function rowToBallot(r: BallotRow): Ballot {
  return {
    ballotId: r.ballot_id,
    pollId: r.poll_id,
    run: r.run,
    questionId: r.question_id,
    clientBallotId: r.client_ballot_id,
    answer: JSON.parse(r.answer) as Answer,
    castAt: r.cast_at,
    voterId: r.voter_id,
  };
}

type RunKey = [pollId: string, run: number];

/** Opens (creating if needed) the SQLite store at `path`, or an in-memory one for ':memory:'. */
export function openSqliteStore(path: string): Store {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  configure(db);
  applyMigrations(db);
  return {
    polls: pollRepository(db),
    ballots: ballotRepository(db),
    zoomUsers: zoomUserRepository(db),
    oauthStates: oauthStateRepository(db),
    webhooks: webhookRepository(db),
    meetings: meetingRepository(db),
    deliveries: deliveryRepository(db),
    ping: async () => void db.prepare('SELECT 1').get(),
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
  // Another process (a backup, an overlapping deploy) may briefly hold the lock: wait, don't fail.
  db.pragma('busy_timeout = 5000');
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
  const byMeeting = db.prepare<[string], PollRow>(`SELECT ${cols} FROM polls WHERE meeting_id = ? ORDER BY created_at, rowid`);
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

/** Every ballot statement, compiled once per connection. */
function prepareBallotStatements(db: Database.Database) {
  const ballotCols = 'ballot_id, poll_id, run, question_id, voter_id, client_ballot_id, answer, cast_at';
  const findOwn = db.prepare<[string, number, string, string], BallotRow>(
    `SELECT ${ballotCols} FROM ballots WHERE poll_id = ? AND run = ? AND voter_id = ? AND question_id = ?`,
  );
  const insert = db.prepare<BallotRow>(
    `INSERT INTO ballots (${ballotCols}) VALUES (@ballot_id, @poll_id, @run, @question_id, @voter_id, @client_ballot_id, @answer, @cast_at)`,
  );
  const replace = db.prepare<BallotRow>(
    'UPDATE ballots SET client_ballot_id = @client_ballot_id, answer = @answer, cast_at = @cast_at WHERE ballot_id = @ballot_id',
  );
  const forRun = db.prepare<RunKey, BallotRow>(`SELECT ${ballotCols} FROM ballots WHERE poll_id = ? AND run = ? ORDER BY cast_at, ballot_id`);
  const forVoter = db.prepare<[...RunKey, string], BallotRow>(`SELECT ${ballotCols} FROM ballots WHERE poll_id = ? AND run = ? AND voter_id = ?`);
  const version = db.prepare<RunKey, number>('SELECT tally_version FROM poll_runs WHERE poll_id = ? AND run = ?').pluck();
  const bump = db
    .prepare<RunKey, number>(
      `INSERT INTO poll_runs (poll_id, run, tally_version) VALUES (?, ?, 1)
       ON CONFLICT (poll_id, run) DO UPDATE SET tally_version = poll_runs.tally_version + 1 RETURNING tally_version`,
    )
    .pluck();
  return { findOwn, insert, replace, forRun, forVoter, version, bump };
}

function ballotRepository(db: Database.Database): BallotRepository {
  const { findOwn, insert, replace, forRun, forVoter, version, bump } = prepareBallotStatements(db);

  /** One write: read the voter's ballot, apply the pure rule, persist the outcome. */
  const writeOne = ({ ballot, allowAnswerChange }: BallotWrite): BallotWriteResult => {
    const key: RunKey = [ballot.pollId, ballot.run];
    const existing = findOwn.get(...key, ballot.voterId, ballot.questionId);
    const outcome = resolveRecast(existing && rowToBallot(existing), ballot, allowAnswerChange);
    if (outcome.kind === 'duplicate' || outcome.kind === 'rejected') return { ...outcome, tallyVersion: version.get(...key) ?? 0 };
    (outcome.kind === 'inserted' ? insert : replace).run(ballotToRow(outcome.ballot));
    return { ...outcome, tallyVersion: bump.get(...key) ?? 0 };
  };

  // Read-then-write is atomic here: better-sqlite3 runs the whole transaction synchronously on the
  // one connection, and IMMEDIATE takes SQLite's single write lock up front, so nothing interleaves
  // and a later write in the batch sees an earlier one. The PostgreSQL store, with concurrent
  // writers, will instead use INSERT … ON CONFLICT (poll_id, run, voter_id, question_id).
  const writeAll = db.transaction((writes: readonly BallotWrite[]) => writes.map(writeOne));

  return {
    writeMany: async (writes) => (writes.length === 0 ? [] : writeAll.immediate(writes)),
    listForRun: async (pollId, run) => forRun.all(pollId, run).map(rowToBallot),
    listForVoter: async (voterId, polls) => polls.flatMap((p) => forVoter.all(p.id, p.run, voterId).map(rowToBallot)),
    tallyVersion: async (pollId, run) => version.get(pollId, run) ?? 0,
  };
}
