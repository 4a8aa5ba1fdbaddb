import apiTable from './policy/zoom-api-table.json';
import type { ApiDoc, ApiTable, TableRole } from './policy/sdk-doc-table';
import type { MeetingInfo, Person, SimRunningContext, UserStatus } from './sim-types';
import type { ZoomErrorKey } from './zoom-errors';

/** Zoom's table, generated from sdk.d.ts (`npm run zoom:api-table`); zoom-api-table.test.ts keeps it current. */
export const ZOOM_API_TABLE = apiTable as ApiTable;

/**
 * Facts the typings state only in prose or leave to Zoom's guides; each is applied on top of the table.
 * - APIs that act on a meeting: with no *Running context* line they still need one (getMeetingUUID's and
 *   getMeetingContext's comments say "only available in meetings"; connect fails with 10039 outside it).
 */
const MEETING_APIS: ReadonlySet<string> = new Set([
  'getMeetingParticipants',
  'onParticipantChange',
  'sendAppInvitation',
  'sendAppInvitationToAllParticipants',
  'sendAppInvitationToMeetingOwner',
  'showAppInvitationDialog',
  'getBreakoutRoomList',
  'onBreakoutRoomChange',
  'onMeeting',
  'connect',
]);

/** The invitation APIs answer a role refusal with their own error (sdk.d.ts error tables, 10027). */
const ROLE_ERRORS: Readonly<Record<string, ZoomErrorKey>> = {
  sendAppInvitation: 'INVITE_NO_PRIVILEGE',
  sendAppInvitationToAllParticipants: 'INVITE_NO_PRIVILEGE',
};

/** The running contexts that are inside a meeting or webinar. */
const IN_MEETING_CONTEXTS: ReadonlySet<SimRunningContext> = new Set([
  'inMeeting',
  'inWebinar',
  'inCollaborate',
  'inImmersive',
  'inCamera',
]);

/** The role as the typings' tables name it: a meeting's non-host is a Participant, a webinar's an Attendee. */
export function tableRole(person: Person, meeting: Pick<MeetingInfo, 'kind'>): TableRole {
  switch (person.role) {
    case 'host':
      return 'Host';
    case 'coHost':
      return 'Co-Host';
    case 'panelist':
      return 'Panelist';
    case 'attendee':
      return meeting.kind === 'webinar' ? 'Attendee' : 'Participant';
  }
}

/** getUserContext's status: webinar attendees always run in guest mode (docs/zoom-apps/guides/webinar). */
export function effectiveStatus(person: Person, meeting: Pick<MeetingInfo, 'kind'>): UserStatus {
  return meeting.kind === 'webinar' && person.role === 'attendee' ? 'unauthenticated' : person.status;
}

/** Guest mode is everyone who has not added the app: signed out, or signed in without it (guest-mode guide). */
export const inGuestMode = (person: Person, meeting: Pick<MeetingInfo, 'kind'>): boolean =>
  effectiveStatus(person, meeting) !== 'authorized';

function contextAllows(api: string, doc: ApiDoc, ctx: SimRunningContext): boolean {
  if (doc.contexts === 'all') return true;
  if (doc.contexts) return doc.contexts.includes(ctx);
  return doc.meetingsOnly || MEETING_APIS.has(api) ? IN_MEETING_CONTEXTS.has(ctx) : true;
}

/** Why this person may not call (or be sent) `api` in `ctx`, or undefined when Zoom allows it. */
export function policyError(
  api: string,
  person: Person,
  ctx: SimRunningContext,
  meeting: Pick<MeetingInfo, 'kind'>,
): ZoomErrorKey | undefined {
  const doc = ZOOM_API_TABLE.apis[api];
  if (!doc) return undefined;
  if (!contextAllows(api, doc, ctx)) return 'WRONG_CONTEXT';
  if (doc.guestMode === false && inGuestMode(person, meeting)) return 'GUEST_MODE';
  const role = tableRole(person, meeting);
  if (doc.roles && !doc.roles.includes(role)) return ROLE_ERRORS[api] ?? 'ROLE_NOT_ALLOWED';
  // "Only the host can open the app for attendees" (docs/zoom-apps/guides/webinar).
  if (api === 'sendAppInvitationToAllParticipants' && ctx === 'inWebinar' && role !== 'Host')
    return 'INVITE_NO_PRIVILEGE';
  return undefined;
}
