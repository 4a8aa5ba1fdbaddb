import type { SdkRole } from './sim-types';

/** `attendrole` spelling in the app context: a meeting's participant is 'participant', a webinar's 'attendee'. */
const APP_CONTEXT_ROLE: Record<SdkRole, string> = {
  host: 'host',
  coHost: 'co-host',
  attendee: 'participant',
  panelist: 'panelist',
};

/** onParticipantChange spelling ('cohost', lower case). */
const PARTICIPANT_CHANGE_ROLE: Record<SdkRole, string> = {
  host: 'host',
  coHost: 'cohost',
  attendee: 'attendee',
  panelist: 'panelist',
};

/** Labels for the role selects. */
export const ROLE_LABELS: Record<SdkRole, string> = {
  host: 'Host',
  coHost: 'Co-host',
  attendee: 'Participant',
  panelist: 'Panelist',
};

/** All roles in display order. */
export const SDK_ROLES = Object.keys(ROLE_LABELS) as SdkRole[];

/** The role as the app context header spells it. */
export const toAppContextRole = (role: SdkRole, meeting: { kind: 'meeting' | 'webinar' }): string =>
  meeting.kind === 'webinar' && role === 'attendee' ? 'attendee' : APP_CONTEXT_ROLE[role];

/** The role as onParticipantChange (and getMeetingParticipants) spell it. */
export const toParticipantChangeRole = (role: SdkRole): string => PARTICIPANT_CHANGE_ROLE[role];

/** Hosts and co-hosts: the roles Zoom lets see participants and send invitations. */
export const isHostLike = (role: SdkRole): boolean => role === 'host' || role === 'coHost';
