import { STEPS, type Migration } from '../migration-plan';

/** v4, as in SQLite: the per-run change log behind `changesSince` (see the SQLite migration). */
export const BALLOT_CHANGES_MIGRATION: Migration = {
  ...STEPS.ballotChanges,
  sql: `
    CREATE TABLE ballot_changes (
      poll_id  TEXT    NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
      run      INTEGER NOT NULL CHECK (run >= 1),
      version  BIGINT  NOT NULL CHECK (version >= 1),
      ballot   JSONB   NOT NULL,
      previous JSONB,
      PRIMARY KEY (poll_id, run, version)
    );
  `,
};
