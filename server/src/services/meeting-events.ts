import { summarizeQa, type PollTally } from '@quorum/shared';
import type { InboxEvent, MeetingRecord, Store } from '../store/types';
import type { ZoomRestClient } from '../zoom/rest-client';
import {
  deauthorizedPayloadSchema,
  meetingEventPayloadSchema,
  participantKey,
  type WebhookMeeting,
} from '../zoom/webhook-events';
import { hasEnded } from './meeting-ended';
import { buildMeetingReport } from './meeting-report';
import type { PollService } from './poll-service';
import type { ReportDeliveries } from './report-deliveries';
import type { InboxHandler } from './webhook-inbox';
import type { Deauthorization } from './deauthorization';
import type { ZoomAccounts } from './zoom-accounts';

/** What the webhook handlers act on. */
export interface MeetingEventsDeps {
  store: Store;
  polls: PollService;
  accounts: ZoomAccounts;
  rest: ZoomRestClient;
  deliveries: ReportDeliveries;
  deauthorization: Pick<Deauthorization, 'run'>;
}

/** Epoch ms of an ISO time from Zoom, else of the event, else of its arrival. */
function timeOf(iso: string | undefined, event: InboxEvent): number {
  const parsed = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(parsed) ? (event.eventTs ?? event.receivedAt) : parsed;
}

/** The stored meeting with what this event says about it (webhook fields win when present). */
async function mergeMeeting(
  store: Store,
  object: WebhookMeeting,
  change: Partial<MeetingRecord>,
): Promise<MeetingRecord> {
  const known = await store.meetings.get(object.uuid);
  const merged: MeetingRecord = {
    uuid: object.uuid,
    zoomId: object.id ?? known?.zoomId ?? null,
    topic: object.topic ?? known?.topic ?? null,
    hostId: object.host_id ?? known?.hostId ?? null,
    status: known?.status ?? 'unknown',
    startedAt: known?.startedAt ?? null,
    endedAt: known?.endedAt ?? null,
    ...change,
  };
  await store.meetings.save(merged);
  return merged;
}

/** Distinct participants: Zoom's past-meeting list when the host's token allows, else our webhooks' record. */
async function countParticipants(deps: MeetingEventsDeps, meeting: MeetingRecord): Promise<number> {
  if (meeting.hostId) {
    try {
      const list = await deps.accounts.withToken(meeting.hostId, (token) =>
        deps.rest.listPastParticipants(token, meeting.uuid),
      );
      return new Set(list.map((p) => p.user_id ?? p.id ?? p.name ?? '')).size;
    } catch {
      // Not authorized, or Zoom has not finished the report yet: our own attendance record will do.
    }
  }
  const rows = await deps.store.meetings.listAttendance(meeting.uuid);
  return new Set(rows.filter((r) => r.kind === 'joined').map((r) => r.participantKey)).size;
}

/** meeting.ended: close the meeting's open polls (clients see it live), then report by email and webhooks. */
async function meetingEnded(deps: MeetingEventsDeps, event: InboxEvent, object: WebhookMeeting): Promise<void> {
  const meeting = await mergeMeeting(deps.store, object, { status: 'ended', endedAt: timeOf(object.end_time, event) });
  const polls = await deps.store.polls.listByMeeting(meeting.uuid);
  for (const poll of polls.filter((p) => p.status === 'open')) await deps.polls.closeBySystem(poll.id, meeting.uuid);
  const final = await deps.store.polls.listByMeeting(meeting.uuid);
  const tallies: PollTally[] = [];
  for (const poll of final) {
    // Read through to the database: other server processes may have counted ballots this one has not.
    for (let run = 1; run <= poll.run; run++) tallies.push(await deps.polls.finalTally(poll, run));
  }
  const qa = await deps.store.qa.load(meeting.uuid);
  const report = buildMeetingReport(
    meeting,
    final,
    tallies,
    await countParticipants(deps, meeting),
    summarizeQa(qa.questions, qa.upvoters),
  );
  const host = meeting.hostId ? await deps.accounts.profile(meeting.hostId) : undefined;
  deps.deliveries.dispatch(report, host?.email ?? null);
}

async function attendance(
  deps: MeetingEventsDeps,
  event: InboxEvent,
  object: WebhookMeeting,
  kind: 'joined' | 'left',
): Promise<void> {
  await mergeMeeting(deps.store, object, {});
  const p = object.participant;
  if (!p) return;
  await deps.store.meetings.addAttendance({
    meetingUuid: object.uuid,
    participantKey: participantKey(p),
    userId: p.id ?? null,
    name: p.user_name ?? null,
    kind,
    at: timeOf(kind === 'joined' ? p.join_time : p.leave_time, event),
  });
}

/**
 * The inbox handler: meeting status, poll closing and reports, attendance, and deauthorization.
 * Other subscribed events are acknowledged and only kept in the audit trail.
 */
export function meetingEventHandler(deps: MeetingEventsDeps): InboxHandler {
  return async (event) => {
    const payload: unknown = JSON.parse(event.payload);
    if (event.event === 'app_deauthorized') {
      return deps.deauthorization.run(deauthorizedPayloadSchema.parse(payload));
    }
    if (!event.event.startsWith('meeting.')) return;
    const parsed = meetingEventPayloadSchema.safeParse(payload);
    if (!parsed.success) return; // a meeting event we do not use, or without a UUID: nothing to apply
    const object = parsed.data.object;
    switch (event.event) {
      case 'meeting.started':
        // An ended meeting stays ended: a UUID is one meeting instance, so this is a late or replayed event.
        if (await hasEnded(deps.store, object.uuid)) return;
        await mergeMeeting(deps.store, object, {
          status: 'started',
          startedAt: timeOf(object.start_time, event),
          endedAt: null,
        });
        return;
      case 'meeting.ended':
        return meetingEnded(deps, event, object);
      case 'meeting.participant_joined':
        return attendance(deps, event, object, 'joined');
      case 'meeting.participant_left':
        return attendance(deps, event, object, 'left');
    }
  };
}
