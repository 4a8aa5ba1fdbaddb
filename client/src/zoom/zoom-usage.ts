import type { ZoomCapability } from './capabilities';

/** A role as Zoom's API tables in sdk.d.ts name it (a meeting's non-host is a Participant, a webinar's an Attendee). */
export type ZoomTableRole = 'Host' | 'Co-Host' | 'Participant' | 'Panelist' | 'Attendee';

/** The running contexts Quorum serves (running-context.ts maps each to a surface). */
export type QuorumRunningContext =
  'inMeeting' | 'inWebinar' | 'inCollaborate' | 'inImmersive' | 'inCamera' | 'inMainClient';

/** Where, and for whom, the app calls one Zoom API. zoom-usage.test.ts holds every row to Zoom's table. */
export interface ZoomApiUse {
  api: ZoomCapability;
  roles: readonly ZoomTableRole[];
  contexts: readonly QuorumRunningContext[];
  /** Whether people in guest mode (who have not added the app) make the call. */
  guests: boolean;
  /** What the call is for, and what keeps it from the people it is not for. */
  why: string;
}

const EVERYONE: readonly ZoomTableRole[] = ['Host', 'Co-Host', 'Participant', 'Panelist', 'Attendee'];
const HOSTS: readonly ZoomTableRole[] = ['Host', 'Co-Host'];
const MEETING_SURFACE: readonly QuorumRunningContext[] = ['inMeeting', 'inWebinar', 'inCollaborate'];
const EVERYWHERE: readonly QuorumRunningContext[] = [...MEETING_SURFACE, 'inImmersive', 'inCamera', 'inMainClient'];

/**
 * Every Zoom API call the app makes (events are listened to, not called: they are in ZOOM_CAPABILITIES
 * only). Host-only rows are reached from the host view, which the server grants from the sealed context;
 * the rest are also gated by config's unsupportedApis (`useSupports`).
 */
export const ZOOM_API_USES: readonly ZoomApiUse[] = [
  {
    api: 'getAppContext',
    roles: EVERYONE,
    contexts: EVERYWHERE,
    guests: true,
    why: 'the sealed context for POST /api/session, on every surface',
  },
  {
    api: 'getUserContext',
    roles: EVERYONE,
    contexts: MEETING_SURFACE,
    guests: true,
    why: 'my participantUUID for the socket handshake and the invite picker',
  },
  {
    api: 'showNotification',
    roles: EVERYONE,
    contexts: MEETING_SURFACE,
    guests: true,
    why: 'a poll opened or closed while the panel is hidden',
  },
  { api: 'expandApp', roles: EVERYONE, contexts: MEETING_SURFACE, guests: true, why: 'present mode widens the panel' },
  {
    api: 'promptAuthorize',
    roles: EVERYONE,
    contexts: MEETING_SURFACE,
    guests: true,
    why: 'a guest adds the app (guest note)',
  },
  {
    api: 'getMeetingParticipants',
    roles: HOSTS,
    contexts: MEETING_SURFACE,
    guests: false,
    why: 'turnout "N of M" and the invite picker, host view only',
  },
  {
    api: 'sendAppInvitation',
    roles: HOSTS,
    contexts: MEETING_SURFACE,
    guests: false,
    why: 'invite chosen participants, host view only',
  },
  {
    api: 'sendAppInvitationToAllParticipants',
    roles: HOSTS,
    contexts: ['inMeeting', 'inCollaborate'],
    guests: false,
    why: 'invite everyone, host view; in a webinar only the host may, and unsupportedApis hides it from co-hosts',
  },
  {
    api: 'sendAppInvitationToAllParticipants',
    roles: ['Host'],
    contexts: ['inWebinar'],
    guests: false,
    why: 'the host opens the app for all attendees',
  },
  {
    api: 'getBreakoutRoomList',
    roles: ['Host', 'Co-Host', 'Participant'],
    contexts: ['inMeeting'],
    guests: true,
    why: 'room names beside per-room results, only once a poll has room results (breakout rooms exist in meetings, not webinars or collaborate mode)',
  },
  {
    api: 'connect',
    roles: HOSTS,
    contexts: MEETING_SURFACE,
    guests: false,
    why: 'bring the main client’s poll library into the meeting (host view)',
  },
  {
    api: 'postMessage',
    roles: HOSTS,
    contexts: MEETING_SURFACE,
    guests: false,
    why: 'the meeting side asks the main client for its library',
  },
  {
    api: 'postMessage',
    roles: ['Host', 'Co-Host', 'Participant'],
    contexts: ['inMainClient'],
    guests: false,
    why: 'the main client answers with its library',
  },
  {
    api: 'authorize',
    roles: HOSTS,
    contexts: MEETING_SURFACE,
    guests: false,
    why: '“Connect Zoom account” in the host view, for the meeting topic and reports',
  },
];
