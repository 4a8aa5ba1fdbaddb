import { effectiveStatus } from './api-policy';
import { toParticipantChangeRole } from './roles';
import type { MeetingInfo, Person } from './sim-types';

// Payload shapes shared by API answers and pushed events (sdk.d.ts types, §1 of zoom-platform.md).

/** Zoom event timestamps are epoch seconds. */
export const zoomTimestamp = (ms: number): number => Math.floor(ms / 1000);

/** A getMeetingParticipants row. */
export const participantRow = (p: Person) => ({
  screenName: p.screenName,
  participantId: p.participantId,
  participantUUID: p.participantUUID,
  role: toParticipantChangeRole(p.role),
});

/** One onParticipantChange entry. */
export const participantChange = (p: Person, status: 'join' | 'leave') => ({ status, ...participantRow(p) });

/** getUserContext's answer. */
export const userContext = (p: Person, meeting: Pick<MeetingInfo, 'kind'>) => ({
  screenName: p.screenName,
  participantId: p.participantId,
  participantUUID: p.participantUUID,
  role: p.role,
  status: effectiveStatus(p, meeting),
});

/** onMyUserContextChange (ZAR reads `status` from it although the type omits it). */
export const userContextChange = (p: Person, meeting: Pick<MeetingInfo, 'kind'>, nowMs: number) => ({
  timestamp: zoomTimestamp(nowMs),
  role: p.role,
  screenName: p.screenName,
  status: effectiveStatus(p, meeting),
});
