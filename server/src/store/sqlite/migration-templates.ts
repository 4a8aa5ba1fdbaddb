import { STEPS, type Migration } from '../migration-plan';

/**
 * v5: the poll library. Templates belong to a Zoom user (`owner_uid`), keyed by owner and id so one
 * user's id can never reach another's template. A few hundred rows per user at most: the primary key
 * serves every lookup and the list sorts in memory.
 */
export const TEMPLATES_MIGRATION: Migration = {
  ...STEPS.templates,
  sql: `
    CREATE TABLE templates (
      owner_uid  TEXT    NOT NULL,
      id         TEXT    NOT NULL,
      draft      TEXT    NOT NULL, -- JSON PollDraft, validated before it is written
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (owner_uid, id)
    ) STRICT, WITHOUT ROWID;
  `,
};
