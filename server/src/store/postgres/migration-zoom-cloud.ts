import { STEPS, type Migration } from '../migration-plan';
import { ATTENDANCE_INDEXES, INBOX_PENDING_INDEX, OAUTH_STATES_INDEX } from '../migration-sql';

/** v2, as in SQLite: Zoom users and tokens, OAuth states, the webhook inbox and audit, meetings, deliveries. */
export const ZOOM_CLOUD_MIGRATION: Migration = {
  ...STEPS.zoomCloud,
  sql: `
    CREATE TABLE zoom_users (
      uid           TEXT   NOT NULL PRIMARY KEY,
      email         TEXT,
      display_name  TEXT,
      account_id    TEXT,
      sealed_tokens TEXT,             -- AES-256-GCM, never plaintext
      expires_at    BIGINT NOT NULL,
      scope         TEXT   NOT NULL,
      updated_at    BIGINT NOT NULL
    );

    CREATE TABLE oauth_states (
      state           TEXT   NOT NULL PRIMARY KEY,
      purpose         TEXT   NOT NULL CHECK (purpose IN ('in-client', 'install')),
      voter_id        TEXT,
      sealed_verifier TEXT   NOT NULL,
      expires_at      BIGINT NOT NULL
    );

    ${OAUTH_STATES_INDEX}

    CREATE TABLE webhook_inbox (
      id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event        TEXT    NOT NULL,
      event_ts     BIGINT,
      tracking_id  TEXT UNIQUE,
      event_key    TEXT    NOT NULL UNIQUE,
      -- JSON, not JSONB: the verified payload is kept byte for byte (JSONB would reorder keys and
      -- refuse a \\u0000 that Zoom is free to send).
      payload      JSON    NOT NULL,
      received_at  BIGINT  NOT NULL,
      status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'failed')),
      attempts     INTEGER NOT NULL DEFAULT 0,
      last_error   TEXT,
      processed_at BIGINT
    );

    ${INBOX_PENDING_INDEX}

    CREATE TABLE webhook_audit (
      id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      received_at BIGINT NOT NULL,
      event       TEXT,
      tracking_id TEXT,
      outcome     TEXT   NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'validated', 'rejected')),
      reason      TEXT,
      source_ip   TEXT
    );

    CREATE TABLE meetings (
      uuid       TEXT NOT NULL PRIMARY KEY,
      zoom_id    TEXT,
      topic      TEXT,
      host_id    TEXT,
      status     TEXT NOT NULL CHECK (status IN ('started', 'ended', 'unknown')),
      started_at BIGINT,
      ended_at   BIGINT
    );

    CREATE TABLE attendance (
      id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_uuid    TEXT   NOT NULL,
      participant_key TEXT   NOT NULL,
      user_id         TEXT,
      name            TEXT,
      kind            TEXT   NOT NULL CHECK (kind IN ('joined', 'left')),
      at              BIGINT NOT NULL
    );

    ${ATTENDANCE_INDEXES}

    CREATE TABLE deliveries (
      id           TEXT    NOT NULL PRIMARY KEY,
      meeting_uuid TEXT    NOT NULL,
      kind         TEXT    NOT NULL CHECK (kind IN ('email', 'webhook')),
      target       TEXT    NOT NULL,
      status       TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
      attempts     INTEGER NOT NULL,
      last_error   TEXT,
      created_at   BIGINT  NOT NULL,
      updated_at   BIGINT  NOT NULL,
      seq          BIGINT  GENERATED ALWAYS AS IDENTITY -- tie-break, as SQLite's rowid
    );

    CREATE INDEX deliveries_meeting_idx ON deliveries (meeting_uuid, created_at, seq);
  `,
};
