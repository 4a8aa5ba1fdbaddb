import type { Migration } from './migrations';

/**
 * v3: what the richer question kinds and host tools need. Ballots learn `hidden` (a host hid an
 * open-text answer) and `elapsed_ms` (quiz answer time, corrected for the voter's latency); meetings
 * get their settings (who may run polls).
 */
export const POLL_KINDS_MIGRATION: Migration = {
  version: 3,
  name: 'poll-kinds-host-tools',
  sql: `
    ALTER TABLE ballots ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
    ALTER TABLE ballots ADD COLUMN elapsed_ms INTEGER CHECK (elapsed_ms >= 0);

    CREATE TABLE meeting_settings (
      meeting_id       TEXT    NOT NULL PRIMARY KEY,
      co_hosts_may_run INTEGER NOT NULL CHECK (co_hosts_may_run IN (0, 1)),
      updated_at       INTEGER NOT NULL
    ) STRICT;
  `,
};
