import { randomInt } from 'node:crypto';
import type { SimZoomEventRequest } from '@quorum/shared';
import type { FakeMeeting, FakeParticipant, FakeZoomState } from './fake-zoom-state';

/** A webhook body as Zoom would send it, or why the simulator's request cannot become one. */
export type BuiltEvent =
  | { ok: true; envelope: { event: string; event_ts: number; payload: Record<string, unknown> } }
  | { ok: false; message: string };

const meetingObject = (m: FakeMeeting) => ({
  id: String(m.id),
  uuid: m.uuid,
  host_id: m.host_id,
  topic: m.topic,
  type: 2,
  start_time: m.start_time,
  timezone: 'UTC',
  duration: 60,
});

/** Finds or records the person's row in the meeting's participant list (the past-participants report). */
function participantRow(
  m: FakeMeeting,
  req: NonNullable<SimZoomEventRequest['participant']>,
  at: string,
  joining: boolean,
): FakeParticipant {
  const open = [...m.participants]
    .reverse()
    .find((p) => (req.uid ? p.id === req.uid : p.name === req.name) && p.leave_time === '');
  if (!joining && open) {
    open.leave_time = at;
    return open;
  }
  const row: FakeParticipant = {
    id: req.uid ?? '',
    user_id: String(randomInt(16_000_000, 17_000_000)),
    name: req.name,
    user_email: req.email ?? '',
    join_time: at,
    leave_time: joining ? '' : at,
  };
  m.participants.push(row);
  return row;
}

function participantEvent(
  state: FakeZoomState,
  req: SimZoomEventRequest,
  m: FakeMeeting,
  at: string,
): Record<string, unknown> | string {
  if (!req.participant) return 'participant events need participant {name, uid?, email?}';
  const joining = req.event === 'meeting.participant_joined';
  const row = participantRow(m, req.participant, at, joining);
  if (req.participant.uid) state.user(req.participant.uid, req.participant.name, req.participant.email);
  const participant = {
    user_id: row.user_id,
    user_name: row.name,
    ...(row.id ? { id: row.id } : {}),
    participant_uuid: `sim-${req.participant.uid ?? req.participant.name}`,
    email: row.user_email,
    ...(joining ? { join_time: row.join_time } : { leave_time: row.leave_time, leave_reason: 'left the meeting' }),
  };
  return { ...meetingObject(m), participant };
}

function meetingPayload(state: FakeZoomState, req: SimZoomEventRequest, at: string): Record<string, unknown> | string {
  if (!req.meetingUuid) return `${req.event} needs meetingUuid`;
  const m = state.upsertMeeting({
    uuid: req.meetingUuid,
    ...(req.topic ? { topic: req.topic } : {}),
    ...(req.hostId ? { hostId: req.hostId } : {}),
  });
  if (req.event === 'meeting.started') m.start_time = at;
  const object =
    req.event === 'meeting.started' || req.event === 'meeting.ended'
      ? { ...meetingObject(m), ...(req.event === 'meeting.ended' ? { end_time: at } : {}) }
      : participantEvent(state, req, m, at);
  return typeof object === 'string' ? object : { account_id: 'sim-account', object };
}

/** Turns a simulator request into the webhook Zoom would send, updating the fake cloud's records. */
export function buildFakeEvent(
  state: FakeZoomState,
  req: SimZoomEventRequest,
  now: number,
  clientId: string,
): BuiltEvent {
  const at = new Date(now).toISOString();
  let payload: Record<string, unknown> | string;
  if (req.event === 'app_deauthorized') {
    if (!req.userId) return { ok: false, message: 'app_deauthorized needs userId' };
    state.revoke(req.userId);
    // Zoom still sends the legacy `signature` field here; the app must not store it.
    payload = {
      account_id: 'sim-account',
      user_id: req.userId,
      client_id: clientId,
      deauthorization_time: at,
      signature: 'sim-legacy-signature',
    };
  } else {
    payload = meetingPayload(state, req, at);
  }
  return typeof payload === 'string'
    ? { ok: false, message: payload }
    : { ok: true, envelope: { event: req.event, event_ts: now, payload } };
}
