/**
 * DDL that SQLite and PostgreSQL take word for word, so the two schemas cannot drift apart there.
 * Table definitions stay with each dialect: their column types differ.
 */

/** v1: only open polls with a deadline are scanned at restart, so the index holds just those rows. */
export const OPEN_DEADLINE_INDEX = `
  CREATE INDEX polls_open_deadline_idx ON polls (closes_at)
    WHERE status = 'open' AND closes_at IS NOT NULL;`;

/** v2: expired OAuth states are swept by expiry. */
export const OAUTH_STATES_INDEX = 'CREATE INDEX oauth_states_expiry_idx ON oauth_states (expires_at);';

/** v2: the inbox worker reads pending events in arrival order. */
export const INBOX_PENDING_INDEX =
  "CREATE INDEX webhook_inbox_pending_idx ON webhook_inbox (id) WHERE status = 'pending';";

/** v2: attendance is read per meeting in time order, and per Zoom user. */
export const ATTENDANCE_INDEXES = `
  CREATE INDEX attendance_meeting_idx ON attendance (meeting_uuid, at);
  CREATE INDEX attendance_user_idx ON attendance (user_id) WHERE user_id IS NOT NULL;`;

/** v3: quiz answer time, corrected for the voter's latency (NULL for other kinds). */
export const ELAPSED_MS_COLUMN = 'ALTER TABLE ballots ADD COLUMN elapsed_ms INTEGER CHECK (elapsed_ms >= 0);';
