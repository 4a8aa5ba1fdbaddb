import { STEPS, type Migration } from '../migration-plan';
import { ATTENDANCE_INDEXES, INBOX_PENDING_INDEX, OAUTH_STATES_INDEX } from '../migration-sql';

/** v2: Zoom users and their sealed tokens, pending OAuth states, the webhook inbox and audit trail,
 * meetings with attendance, and the deliveries a meeting event sets off. */
export const ZOOM_CLOUD_MIGRATION: Migration = {
  ...STEPS.zoomCloud,
  sql: `
    CREATE TABLE zoom_users (
      uid           TEXT    NOT NULL PRIMARY KEY,
      email         TEXT,
      display_name  TEXT,
      account_id    TEXT,
      sealed_tokens TEXT,             -- AES-256-GCM, never plaintext
      expires_at    INTEGER NOT NULL,
      scope         TEXT    NOT NULL,
      updated_at    INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE oauth_states (
      state           TEXT    NOT NULL PRIMARY KEY,
      purpose         TEXT    NOT NULL CHECK (purpose IN ('in-client', 'install')),
      voter_id        TEXT,
      sealed_verifier TEXT    NOT NULL,
      expires_at      INTEGER NOT NULL
    ) STRICT;

    ${OAUTH_STATES_INDEX}

    -- The durable inbox: a verified event is written here before Zoom gets its 200. Either unique key
    -- catches a redelivery; NULL tracking ids never collide with each other.
    CREATE TABLE webhook_inbox (
      id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
      event       TEXT    NOT NULL,
      event_ts    INTEGER,
      tracking_id TEXT UNIQUE,
      event_key   TEXT    NOT NULL UNIQUE,
      payload     TEXT    NOT NULL, -- JSON without credential fields
      received_at INTEGER NOT NULL,
      status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'failed')),
      attempts    INTEGER NOT NULL DEFAULT 0,
      last_error  TEXT,
      processed_at INTEGER
    ) STRICT;

    ${INBOX_PENDING_INDEX}

    CREATE TABLE webhook_audit (
      id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
      received_at INTEGER NOT NULL,
      event       TEXT,
      tracking_id TEXT,
      outcome     TEXT    NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'validated', 'rejected')),
      reason      TEXT,
      source_ip   TEXT
    ) STRICT;

    CREATE TABLE meetings (
      uuid       TEXT NOT NULL PRIMARY KEY,
      zoom_id    TEXT,
      topic      TEXT,
      host_id    TEXT,
      status     TEXT NOT NULL CHECK (status IN ('started', 'ended', 'unknown')),
      started_at INTEGER,
      ended_at   INTEGER
    ) STRICT;

    CREATE TABLE attendance (
      id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
      meeting_uuid    TEXT    NOT NULL,
      participant_key TEXT    NOT NULL,
      user_id         TEXT,
      name            TEXT,
      kind            TEXT    NOT NULL CHECK (kind IN ('joined', 'left')),
      at              INTEGER NOT NULL
    ) STRICT;

    ${ATTENDANCE_INDEXES}

    CREATE TABLE deliveries (
      id           TEXT    NOT NULL PRIMARY KEY,
      meeting_uuid TEXT    NOT NULL,
      kind         TEXT    NOT NULL CHECK (kind IN ('email', 'webhook')),
      target       TEXT    NOT NULL,
      status       TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
      attempts     INTEGER NOT NULL,
      last_error   TEXT,
      created_at   INTEGER NOT NULL,
      updated_at   INTEGER NOT NULL
    ) STRICT;

    CREATE INDEX deliveries_meeting_idx ON deliveries (meeting_uuid, created_at);
  `,
};
