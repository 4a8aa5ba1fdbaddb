import { STEPS, type Migration } from '../migration-plan';

/**
 * v4: the per-run change log. Every counted write (a first ballot, a replacement, a hide) appends
 * the ballot after it and the one before it, under the run's tally version after the bump, in the
 * same transaction. Another instance replays `changesSince(version)` onto its running tally instead
 * of recounting. Runs counted before this version have no log: a reader that finds the log does not
 * start right after its version recounts the run from its ballots.
 */
export const BALLOT_CHANGES_MIGRATION: Migration = {
  ...STEPS.ballotChanges,
  sql: `
    CREATE TABLE ballot_changes (
      poll_id  TEXT    NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
      run      INTEGER NOT NULL CHECK (run >= 1),
      version  INTEGER NOT NULL CHECK (version >= 1),
      ballot   TEXT    NOT NULL, -- JSON Ballot after the change
      previous TEXT,             -- JSON Ballot before it; NULL for a first ballot
      PRIMARY KEY (poll_id, run, version)
    ) STRICT, WITHOUT ROWID;
  `,
};
