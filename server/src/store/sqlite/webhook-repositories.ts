import type Database from 'better-sqlite3';
import type {
  AttendanceRecord,
  DeliveryRecord,
  DeliveryRepository,
  InboxEvent,
  MeetingRecord,
  MeetingRepository,
  WebhookAuditRecord,
  WebhookRepository,
} from '../types';

interface InboxRow {
  id: number;
  event: string;
  event_ts: number | null;
  tracking_id: string | null;
  payload: string;
  received_at: number;
  status: InboxEvent['status'];
  attempts: number;
  last_error: string | null;
}

const toInbox = (r: InboxRow): InboxEvent => ({
  id: r.id,
  event: r.event,
  eventTs: r.event_ts,
  trackingId: r.tracking_id,
  payload: r.payload,
  receivedAt: r.received_at,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
});

const inboxCols = 'id, event, event_ts, tracking_id, payload, received_at, status, attempts, last_error';
const auditCols = 'received_at AS receivedAt, event, tracking_id AS trackingId, outcome, reason, source_ip AS sourceIp';

/** The webhook inbox and audit trail in SQLite. */
export function webhookRepository(db: Database.Database): WebhookRepository {
  // OR IGNORE turns either unique key (tracking id, event key) into "duplicate", reported as 0 changes.
  const enqueue = db.prepare(
    `INSERT OR IGNORE INTO webhook_inbox (event, event_ts, tracking_id, event_key, payload, received_at)
     VALUES (@event, @eventTs, @trackingId, @eventKey, @payload, @receivedAt)`,
  );
  const pending = db.prepare<[number], InboxRow>(
    `SELECT ${inboxCols} FROM webhook_inbox WHERE status = 'pending' ORDER BY id LIMIT ?`,
  );
  const done = db.prepare<[number, number]>(
    "UPDATE webhook_inbox SET status = 'processed', processed_at = ? WHERE id = ?",
  );
  const failed = db.prepare<[string, string, number]>(
    'UPDATE webhook_inbox SET attempts = attempts + 1, last_error = ?, status = ? WHERE id = ?',
  );
  const get = db.prepare<[number], InboxRow>(`SELECT ${inboxCols} FROM webhook_inbox WHERE id = ?`);
  const audit = db.prepare<WebhookAuditRecord>(
    `INSERT INTO webhook_audit (received_at, event, tracking_id, outcome, reason, source_ip)
     VALUES (@receivedAt, @event, @trackingId, @outcome, @reason, @sourceIp)`,
  );
  const listAudit = db.prepare<[number], WebhookAuditRecord>(
    `SELECT ${auditCols} FROM webhook_audit ORDER BY id DESC LIMIT ?`,
  );
  const purgeAudit = db.prepare<[number]>('DELETE FROM webhook_audit WHERE received_at < ?');
  return {
    enqueue: async (e) => {
      const result = enqueue.run(e);
      return result.changes === 0 ? undefined : Number(result.lastInsertRowid);
    },
    pending: async (limit) => pending.all(limit).map(toInbox),
    markProcessed: async (id, at) => void done.run(at, id),
    markAttemptFailed: async (id, error, giveUp) => void failed.run(error, giveUp ? 'failed' : 'pending', id),
    get: async (id) => {
      const row = get.get(id);
      return row && toInbox(row);
    },
    audit: async (record) => void audit.run(record),
    listAudit: async (limit) => listAudit.all(limit),
    purgeAuditBefore: async (at) => purgeAudit.run(at).changes,
  };
}

const meetingCols =
  'uuid, zoom_id AS zoomId, topic, host_id AS hostId, status, started_at AS startedAt, ended_at AS endedAt';
const attendanceCols =
  'meeting_uuid AS meetingUuid, participant_key AS participantKey, user_id AS userId, name, kind, at';

/** Meetings and attendance in SQLite. */
export function meetingRepository(db: Database.Database): MeetingRepository {
  const save = db.prepare<MeetingRecord>(
    `INSERT INTO meetings (uuid, zoom_id, topic, host_id, status, started_at, ended_at)
     VALUES (@uuid, @zoomId, @topic, @hostId, @status, @startedAt, @endedAt)
     ON CONFLICT (uuid) DO UPDATE SET zoom_id = excluded.zoom_id, topic = excluded.topic, host_id = excluded.host_id,
       status = excluded.status, started_at = excluded.started_at, ended_at = excluded.ended_at`,
  );
  const get = db.prepare<[string], MeetingRecord>(`SELECT ${meetingCols} FROM meetings WHERE uuid = ?`);
  const attend = db.prepare<AttendanceRecord>(
    'INSERT INTO attendance (meeting_uuid, participant_key, user_id, name, kind, at) VALUES (@meetingUuid, @participantKey, @userId, @name, @kind, @at)',
  );
  const attendance = db.prepare<[string], AttendanceRecord>(
    `SELECT ${attendanceCols} FROM attendance WHERE meeting_uuid = ? ORDER BY at, id`,
  );
  return {
    save: async (m) => void save.run(m),
    get: async (uuid) => get.get(uuid),
    addAttendance: async (r) => void attend.run(r),
    listAttendance: async (uuid) => attendance.all(uuid),
  };
}

const deliveryCols =
  'id, meeting_uuid AS meetingUuid, kind, target, status, attempts, last_error AS lastError, created_at AS createdAt, updated_at AS updatedAt';

/** Outgoing deliveries (email, webhooks) in SQLite. */
export function deliveryRepository(db: Database.Database): DeliveryRepository {
  const insert = db.prepare<DeliveryRecord>(
    `INSERT INTO deliveries (id, meeting_uuid, kind, target, status, attempts, last_error, created_at, updated_at)
     VALUES (@id, @meetingUuid, @kind, @target, @status, @attempts, @lastError, @createdAt, @updatedAt)`,
  );
  const update = db.prepare<Pick<DeliveryRecord, 'id' | 'status' | 'attempts' | 'lastError' | 'updatedAt'>>(
    'UPDATE deliveries SET status = @status, attempts = @attempts, last_error = @lastError, updated_at = @updatedAt WHERE id = @id',
  );
  const list = db.prepare<[string], DeliveryRecord>(
    `SELECT ${deliveryCols} FROM deliveries WHERE meeting_uuid = ? ORDER BY created_at, rowid`,
  );
  return {
    insert: async (r) => void insert.run(r),
    update: async (id, change) => void update.run({ id, ...change }),
    listByMeeting: async (uuid) => list.all(uuid),
  };
}
