import { STEPS, type Migration } from '../migration-plan';
import { ELAPSED_MS_COLUMN } from '../migration-sql';

/**
 * v3: what the richer question kinds and host tools need. Ballots learn `hidden` (a host hid an
 * open-text answer) and `elapsed_ms` (quiz answer time, corrected for the voter's latency); meetings
 * get their settings (who may run polls).
 */
export const POLL_KINDS_MIGRATION: Migration = {
  ...STEPS.pollKinds,
  sql: `
    ALTER TABLE ballots ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
    ${ELAPSED_MS_COLUMN}

    CREATE TABLE meeting_settings (
      meeting_id       TEXT    NOT NULL PRIMARY KEY,
      co_hosts_may_run INTEGER NOT NULL CHECK (co_hosts_may_run IN (0, 1)),
      updated_at       INTEGER NOT NULL
    ) STRICT;
  `,
};
