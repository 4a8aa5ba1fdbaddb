import { STEPS, type Migration } from '../migration-plan';
import { ELAPSED_MS_COLUMN } from '../migration-sql';

/** v3, as in SQLite: ballots learn `hidden` and `elapsed_ms`; meetings get their settings. */
export const POLL_KINDS_MIGRATION: Migration = {
  ...STEPS.pollKinds,
  sql: `
    ALTER TABLE ballots ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT false;
    ${ELAPSED_MS_COLUMN}

    CREATE TABLE meeting_settings (
      meeting_id       TEXT    NOT NULL PRIMARY KEY,
      co_hosts_may_run BOOLEAN NOT NULL,
      updated_at       BIGINT  NOT NULL
    );
  `,
};
