import type { ZoomErrorKey } from './zoom-errors';
import type { PaneCtx, Person, SdkRole } from './sim-types';

/** Who may call an API, per sdk.d.ts ("Supported roles", "Supports Guest Mode") and the running contexts. */
interface Policy {
  roles?: readonly SdkRole[];
  /** The error for a role outside `roles` (default ROLE_NOT_ALLOWED). */
  roleError?: ZoomErrorKey;
  guests?: false;
  contexts?: readonly PaneCtx[];
}

const HOSTS: readonly SdkRole[] = ['host', 'coHost'];
const IN_MEETING: readonly PaneCtx[] = ['inMeeting'];

// In a meeting (not a webinar) everyone who is not host or co-host is a "Participant", which the SDK
// reports as 'attendee'; so "Host … Panelist" APIs are open to every role here.
const API_POLICIES: Readonly<Record<string, Policy>> = {
  getMeetingParticipants: { roles: HOSTS, guests: false, contexts: IN_MEETING },
  getMeetingContext: { roles: HOSTS, guests: false, contexts: IN_MEETING },
  onParticipantChange: { roles: HOSTS, guests: false, contexts: IN_MEETING },
  sendAppInvitation: { roles: HOSTS, roleError: 'INVITE_NO_PRIVILEGE', guests: false, contexts: IN_MEETING },
  sendAppInvitationToAllParticipants: { roles: [...HOSTS, 'attendee'], roleError: 'INVITE_NO_PRIVILEGE', guests: false, contexts: IN_MEETING },
  sendAppInvitationToMeetingOwner: { guests: false, contexts: IN_MEETING },
  showAppInvitationDialog: { guests: false, contexts: IN_MEETING },
  getMeetingUUID: { contexts: IN_MEETING },
  getBreakoutRoomList: { guests: false, contexts: IN_MEETING },
  sendMessage: { contexts: IN_MEETING },
  authorize: { guests: false },
};

/** Why this person may not use `api` from `ctx`, or undefined when they may. */
export function policyError(api: string, person: Person, ctx: PaneCtx): ZoomErrorKey | undefined {
  const policy = API_POLICIES[api];
  if (!policy) return undefined;
  if (policy.contexts && !policy.contexts.includes(ctx)) return 'WRONG_CONTEXT';
  if (policy.guests === false && person.status === 'unauthenticated') return 'GUEST_MODE';
  if (policy.roles && !policy.roles.includes(person.role)) return policy.roleError ?? 'ROLE_NOT_ALLOWED';
  return undefined;
}
