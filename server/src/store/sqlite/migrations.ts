import type { Database } from 'better-sqlite3';
import { pendingMigrations, STEPS, type Migration } from '../migration-plan';
import { OPEN_DEADLINE_INDEX } from '../migration-sql';
import { SESSION_REVOCATIONS_SQLITE } from '../migration-session-revocations';
import { BREAKOUT_ROOMS_MIGRATION } from '../migration-breakout-rooms';
import { QA_SQLITE } from '../migration-qa';
import { BALLOT_CHANGES_MIGRATION } from './migration-ballot-changes';
import { POLL_KINDS_MIGRATION } from './migration-poll-kinds';
import { TEMPLATES_MIGRATION } from './migration-templates';
import { ZOOM_CLOUD_MIGRATION } from './migration-zoom-cloud';

/**
 * The schema, oldest first. Kept to types and constraints PostgreSQL shares (TEXT, INTEGER→BIGINT,
 * JSON text→JSONB, partial indexes, ON DELETE CASCADE) so the scale-out store can mirror it table for table.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    ...STEPS.pollsBallotsRuns,
    sql: `
      -- STRICT makes SQLite reject a wrongly typed value the way PostgreSQL would.
      CREATE TABLE polls (
        id             TEXT    NOT NULL PRIMARY KEY,
        meeting_id     TEXT    NOT NULL,
        status         TEXT    NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
        run            INTEGER NOT NULL CHECK (run >= 0),
        body           TEXT    NOT NULL, -- JSON {title, questions, settings}: only ever read whole
        results_shared INTEGER NOT NULL CHECK (results_shared IN (0, 1)),
        created_at     INTEGER NOT NULL,
        opened_at      INTEGER,
        closed_at      INTEGER,
        closes_at      INTEGER
      ) STRICT;

      CREATE INDEX polls_meeting_idx ON polls (meeting_id, created_at);

      ${OPEN_DEADLINE_INDEX}

      CREATE TABLE ballots (
        ballot_id        TEXT    NOT NULL PRIMARY KEY,
        poll_id          TEXT    NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        run              INTEGER NOT NULL CHECK (run >= 1),
        question_id      TEXT    NOT NULL,
        voter_id         TEXT    NOT NULL,
        client_ballot_id TEXT    NOT NULL,
        answer           TEXT    NOT NULL, -- JSON Answer
        cast_at          INTEGER NOT NULL,
        -- The one-ballot rule as a constraint. Column order puts voter before question so this one
        -- index also serves the run listing (poll, run), the voter snapshot (poll, run, voter) and the
        -- cascade (poll): no second index to maintain on the write hot path.
        CONSTRAINT ballots_one_per_voter UNIQUE (poll_id, run, voter_id, question_id)
      ) STRICT;

      -- A row per launched run; tally_version grows with every counted ballot write, in the same
      -- transaction, so a tally snapshot can be tagged and compared without counting ballots.
      CREATE TABLE poll_runs (
        poll_id       TEXT    NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        run           INTEGER NOT NULL CHECK (run >= 1),
        tally_version INTEGER NOT NULL DEFAULT 0 CHECK (tally_version >= 0),
        PRIMARY KEY (poll_id, run)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  ZOOM_CLOUD_MIGRATION,
  POLL_KINDS_MIGRATION,
  BALLOT_CHANGES_MIGRATION,
  TEMPLATES_MIGRATION,
  BREAKOUT_ROOMS_MIGRATION,
  SESSION_REVOCATIONS_SQLITE,
  QA_SQLITE,
];

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`;

/**
 * Brings the schema up to date in one transaction and returns the versions it applied (none on reopen).
 * Refuses a database written by newer code rather than guess at a schema it does not know.
 */
export function applyMigrations(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): number[] {
  // IMMEDIATE takes the write lock before reading the ledger, so two processes opening the same
  // file at once cannot both decide to apply the same step.
  return db
    .transaction(() => {
      db.exec(CREATE_LEDGER);
      const current =
        db.prepare<[], number>('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get() ?? 0;
      const pending = pendingMigrations(migrations, current);
      const record = db.prepare<[number, string, number]>(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
      );
      for (const m of pending) {
        db.exec(m.sql);
        record.run(m.version, m.name, now());
      }
      return pending.map((m) => m.version);
    })
    .immediate();
}
