import { STEPS, type Migration } from '../migration-plan';

/** v5, as in SQLite: the poll library, one row per (owner, template). */
export const TEMPLATES_MIGRATION: Migration = {
  ...STEPS.templates,
  sql: `
    CREATE TABLE templates (
      owner_uid  TEXT   NOT NULL,
      id         TEXT   NOT NULL,
      draft      JSONB  NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (owner_uid, id)
    );
  `,
};
