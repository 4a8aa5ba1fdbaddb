import type { ClientBase, Pool } from 'pg';
import { pendingMigrations, STEPS, type Migration } from '../migration-plan';
import { OPEN_DEADLINE_INDEX } from '../migration-sql';
import { BREAKOUT_ROOMS_MIGRATION } from '../migration-breakout-rooms';
import { QA_POSTGRES } from '../migration-qa';
import { SESSION_REVOCATIONS_POSTGRES } from '../migration-session-revocations';
import { BALLOT_CHANGES_MIGRATION } from './migration-ballot-changes';
import { POLL_KINDS_MIGRATION } from './migration-poll-kinds';
import { TEMPLATES_MIGRATION } from './migration-templates';
import { ZOOM_CLOUD_MIGRATION } from './migration-zoom-cloud';
import { checkSchemaName, inTransaction } from './pg-pool';

/**
 * The PostgreSQL schema, oldest first: the same versions and names as the SQLite migrations, table for
 * table, in PostgreSQL's types (BIGINT epoch ms, BOOLEAN flags, JSONB bodies, identity columns where
 * SQLite orders by rowid).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    ...STEPS.pollsBallotsRuns,
    sql: `
      CREATE TABLE polls (
        id             TEXT    NOT NULL PRIMARY KEY,
        meeting_id     TEXT    NOT NULL,
        status         TEXT    NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
        run            INTEGER NOT NULL CHECK (run >= 0),
        body           JSONB   NOT NULL, -- {title, questions, settings}: only ever read whole
        results_shared BOOLEAN NOT NULL,
        created_at     BIGINT  NOT NULL,
        opened_at      BIGINT,
        closed_at      BIGINT,
        closes_at      BIGINT,
        -- Breaks ties between polls created in the same millisecond (SQLite uses its rowid).
        seq            BIGINT  GENERATED ALWAYS AS IDENTITY
      );

      CREATE INDEX polls_meeting_idx ON polls (meeting_id, created_at, seq);

      ${OPEN_DEADLINE_INDEX}

      CREATE TABLE ballots (
        ballot_id        TEXT    NOT NULL PRIMARY KEY,
        poll_id          TEXT    NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        run              INTEGER NOT NULL CHECK (run >= 1),
        question_id      TEXT    NOT NULL,
        voter_id         TEXT    NOT NULL,
        client_ballot_id TEXT    NOT NULL,
        answer           JSONB   NOT NULL,
        cast_at          BIGINT  NOT NULL,
        -- The one-ballot rule as a constraint, and the arbiter of INSERT … ON CONFLICT. Voter before
        -- question so the one index also serves the run listing, the voter snapshot and the cascade.
        CONSTRAINT ballots_one_per_voter UNIQUE (poll_id, run, voter_id, question_id)
      );

      CREATE TABLE poll_runs (
        poll_id       TEXT    NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        run           INTEGER NOT NULL CHECK (run >= 1),
        tally_version BIGINT  NOT NULL DEFAULT 0 CHECK (tally_version >= 0),
        PRIMARY KEY (poll_id, run)
      );
    `,
  },
  ZOOM_CLOUD_MIGRATION,
  POLL_KINDS_MIGRATION,
  BALLOT_CHANGES_MIGRATION,
  TEMPLATES_MIGRATION,
  BREAKOUT_ROOMS_MIGRATION,
  SESSION_REVOCATIONS_POSTGRES,
  QA_POSTGRES,
];

/** Advisory lock class of schema migrations (an arbitrary constant: "Qm"); the object id is the schema. */
export const MIGRATION_LOCK_CLASS = 0x516d;

/** Waits for, then holds until the transaction ends, the advisory lock that serializes migrations of `schema`. */
export async function lockMigrations(client: ClientBase, schema: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]);
}

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at BIGINT  NOT NULL
  )`;

/**
 * Brings `schema` (or the connection's default schema) up to date in one transaction and returns the
 * versions applied. A transaction-level advisory lock makes instances starting together take turns:
 * the second waits, then finds nothing left to do. Refuses a schema written by newer code.
 */
export async function applyMigrations(
  pool: Pool,
  schema?: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    if (schema === undefined) {
      const found = await client.query<{ s: string | null }>('SELECT current_schema() AS s');
      await lockMigrations(client, found.rows[0]?.s ?? 'public');
    } else {
      await lockMigrations(client, checkSchemaName(schema));
      // Under the lock: IF NOT EXISTS alone still races (two creators, one unique violation).
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    }
    await client.query(CREATE_LEDGER);
    const current =
      (await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations')).rows[0]?.v ??
      0;
    const pending = pendingMigrations(migrations, current);
    for (const m of pending) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        now(),
      ]);
    }
    return pending.map((m) => m.version);
  });
}
