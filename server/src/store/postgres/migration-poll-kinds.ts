import type { Migration } from '../sqlite/migrations';

/** v3, as in SQLite: ballots learn `hidden` and `elapsed_ms`; meetings get their settings. */
export const POLL_KINDS_MIGRATION: Migration = {
  version: 3,
  name: 'poll-kinds-host-tools',
  sql: `
    ALTER TABLE ballots ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT false;
    ALTER TABLE ballots ADD COLUMN elapsed_ms INTEGER CHECK (elapsed_ms >= 0);

    CREATE TABLE meeting_settings (
      meeting_id       TEXT    NOT NULL PRIMARY KEY,
      co_hosts_may_run BOOLEAN NOT NULL,
      updated_at       BIGINT  NOT NULL
    );
  `,
};
