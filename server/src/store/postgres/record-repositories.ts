import type { Pool } from 'pg';
import type {
  AttendanceRecord,
  DeliveryRecord,
  DeliveryRepository,
  InboxEvent,
  MeetingRecord,
  MeetingRepository,
  MeetingSettingsRepository,
  WebhookAuditRecord,
  WebhookRepository,
} from '../types';

// Columns are aliased to the record's field names, so rows come back as records.
const inboxCols = `id, event, event_ts AS "eventTs", tracking_id AS "trackingId", payload::text AS payload, received_at AS "receivedAt",
  status, attempts, last_error AS "lastError"`;
const auditCols =
  'received_at AS "receivedAt", event, tracking_id AS "trackingId", outcome, reason, source_ip AS "sourceIp"';

/** The webhook inbox and audit trail in PostgreSQL. */
export function webhookRepository(pool: Pool): WebhookRepository {
  return {
    // No conflict target: either unique key (tracking id, event key) makes it a duplicate.
    enqueue: async (e) =>
      (
        await pool.query<{ id: number }>(
          `INSERT INTO webhook_inbox (event, event_ts, tracking_id, event_key, payload, received_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
          [e.event, e.eventTs, e.trackingId, e.eventKey, e.payload, e.receivedAt],
        )
      ).rows[0]?.id,
    pending: async (limit) =>
      (
        await pool.query<InboxEvent>(
          `SELECT ${inboxCols} FROM webhook_inbox WHERE status = 'pending' ORDER BY id LIMIT $1`,
          [limit],
        )
      ).rows,
    markProcessed: async (id, at) =>
      void (await pool.query("UPDATE webhook_inbox SET status = 'processed', processed_at = $1 WHERE id = $2", [
        at,
        id,
      ])),
    markAttemptFailed: async (id, error, giveUp) =>
      void (await pool.query(
        'UPDATE webhook_inbox SET attempts = attempts + 1, last_error = $1, status = $2 WHERE id = $3',
        [error, giveUp ? 'failed' : 'pending', id],
      )),
    get: async (id) =>
      (await pool.query<InboxEvent>(`SELECT ${inboxCols} FROM webhook_inbox WHERE id = $1`, [id])).rows[0],
    audit: async (r: WebhookAuditRecord) =>
      void (await pool.query(
        'INSERT INTO webhook_audit (received_at, event, tracking_id, outcome, reason, source_ip) VALUES ($1, $2, $3, $4, $5, $6)',
        [r.receivedAt, r.event, r.trackingId, r.outcome, r.reason, r.sourceIp],
      )),
    listAudit: async (limit) =>
      (
        await pool.query<WebhookAuditRecord>(`SELECT ${auditCols} FROM webhook_audit ORDER BY id DESC LIMIT $1`, [
          limit,
        ])
      ).rows,
    purgeAuditBefore: async (at) =>
      (await pool.query('DELETE FROM webhook_audit WHERE received_at < $1', [at])).rowCount ?? 0,
  };
}

const meetingCols =
  'uuid, zoom_id AS "zoomId", topic, host_id AS "hostId", status, started_at AS "startedAt", ended_at AS "endedAt"';
const attendanceCols =
  'meeting_uuid AS "meetingUuid", participant_key AS "participantKey", user_id AS "userId", name, kind, at';

/** Meetings and attendance in PostgreSQL. */
export function meetingRepository(pool: Pool): MeetingRepository {
  return {
    save: async (m) =>
      void (await pool.query(
        `INSERT INTO meetings (uuid, zoom_id, topic, host_id, status, started_at, ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (uuid) DO UPDATE SET zoom_id = excluded.zoom_id, topic = excluded.topic, host_id = excluded.host_id,
           status = excluded.status, started_at = excluded.started_at, ended_at = excluded.ended_at`,
        [m.uuid, m.zoomId, m.topic, m.hostId, m.status, m.startedAt, m.endedAt],
      )),
    get: async (uuid) =>
      (await pool.query<MeetingRecord>(`SELECT ${meetingCols} FROM meetings WHERE uuid = $1`, [uuid])).rows[0],
    addAttendance: async (r) =>
      void (await pool.query(
        'INSERT INTO attendance (meeting_uuid, participant_key, user_id, name, kind, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [r.meetingUuid, r.participantKey, r.userId, r.name, r.kind, r.at],
      )),
    listAttendance: async (uuid) =>
      (
        await pool.query<AttendanceRecord>(
          `SELECT ${attendanceCols} FROM attendance WHERE meeting_uuid = $1 ORDER BY at, id`,
          [uuid],
        )
      ).rows,
  };
}

const deliveryCols = `id, meeting_uuid AS "meetingUuid", kind, target, status, attempts, last_error AS "lastError",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Outgoing deliveries (email, webhooks) in PostgreSQL. */
export function deliveryRepository(pool: Pool): DeliveryRepository {
  return {
    insert: async (r) =>
      void (await pool.query(
        `INSERT INTO deliveries (id, meeting_uuid, kind, target, status, attempts, last_error, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [r.id, r.meetingUuid, r.kind, r.target, r.status, r.attempts, r.lastError, r.createdAt, r.updatedAt],
      )),
    update: async (id, c) =>
      void (await pool.query(
        'UPDATE deliveries SET status = $1, attempts = $2, last_error = $3, updated_at = $4 WHERE id = $5',
        [c.status, c.attempts, c.lastError, c.updatedAt, id],
      )),
    listByMeeting: async (uuid) =>
      (
        await pool.query<DeliveryRecord>(
          `SELECT ${deliveryCols} FROM deliveries WHERE meeting_uuid = $1 ORDER BY created_at, seq`,
          [uuid],
        )
      ).rows,
  };
}

/** Per-meeting settings, one row per meeting that changed a default. */
export function meetingSettingsRepository(pool: Pool): MeetingSettingsRepository {
  return {
    get: async (meetingId) => {
      const row = (
        await pool.query<{ co_hosts_may_run: boolean }>(
          'SELECT co_hosts_may_run FROM meeting_settings WHERE meeting_id = $1',
          [meetingId],
        )
      ).rows[0];
      return row && { coHostsMayRun: row.co_hosts_may_run };
    },
    put: async (meetingId, settings, at) =>
      void (await pool.query(
        `INSERT INTO meeting_settings (meeting_id, co_hosts_may_run, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id) DO UPDATE SET co_hosts_may_run = excluded.co_hosts_may_run, updated_at = excluded.updated_at`,
        [meetingId, settings.coHostsMayRun, at],
      )),
  };
}
