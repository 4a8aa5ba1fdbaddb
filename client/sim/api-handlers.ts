import { AUTH_HANDLERS } from './api-handlers-auth';
import { MESSAGING_HANDLERS } from './api-handlers-messaging';
import { contextRequest } from './app-context-client';
import { unavailableApis, type ApiHandler } from './call-router';
import { runningContextOf, sameRoom } from './meeting-state';
import { participantRow, userContext } from './payloads';
import type { Person, PopoutSize } from './sim-types';
import { ZoomError } from './zoom-errors';

/** The Zoom client's User-Agent (docs/zoom-apps/architecture). */
const ZOOM_USER_AGENT = 'Mozilla/5.0 ZoomWebKit/537.36 (KHTML, like Gecko) ZoomApps/1.0';

/** Events the simulator can raise; they can be switched off like APIs. */
export const SIM_EVENTS = [
  'onParticipantChange',
  'onMyUserContextChange',
  'onMeeting',
  'onConnect',
  'onMessage',
  'onAuthorized',
  'onBreakoutRoomChange',
] as const;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The SDK sends `popoutSize || size` as `size`: positive whole pixels, or nothing usable. */
function popoutSize(value: unknown): PopoutSize | null {
  const { width, height } = (value ?? {}) as { width?: unknown; height?: unknown };
  const valid = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0;
  return valid(width) && valid(height) ? { width, height } : null;
}

const config: ApiHandler = ({ data, pane, person, meeting, options }) => {
  const request = data as { js_api_lists?: unknown; size?: unknown } | undefined;
  const requested = strings(request?.js_api_lists);
  meeting.setCapabilities(pane.key, requested, popoutSize(request?.size));
  return {
    clientVersion: options.clientVersion,
    runningContext: runningContextOf(meeting.state().meeting, pane),
    unsupportedApis: unavailableApis(meeting.state(), person, pane, requested),
    auth: {
      status: person.status === 'authorized' ? 'authorized' : 'unauthorized',
      upgradable: person.status !== 'authorized',
    },
    product: 'desktop',
    launchContext: { origin: 'App Launcher', openBy: 'user' },
    browserVersion: 'applewebkit/605.1.15',
    userAgent: ZOOM_USER_AGENT,
  };
};

// Everyone gets the rooms and their names; the meeting owner also who is in each (sdk.d.ts BreakoutRoomsResponse).
const breakoutRoomList: ApiHandler = ({ meeting, person }) => {
  const { meeting: info, persons } = meeting.state();
  if (info.rooms.length === 0) throw new ZoomError('ROOMS_NOT_OPEN');
  const owner = person.role === 'host';
  const member = (p: Person) => ({
    participantUUID: p.participantUUID,
    displayName: p.screenName,
    participantStatus: 'joined',
  });
  const rooms = info.rooms.map((r) => ({
    breakoutRoomId: r.uuid,
    name: r.name,
    ...(owner ? { participants: persons.filter((p) => p.roomId === r.uuid).map(member) } : {}),
  }));
  const unassigned = persons
    .filter((p) => p.roomId === undefined)
    .map((p) => ({ participantUUID: p.participantUUID, displayName: p.screenName }));
  return { rooms, state: 'open', ...(owner ? { unassigned } : {}) };
};

const CORE_HANDLERS: Readonly<Record<string, ApiHandler>> = {
  config,
  getSupportedJsApis: ({ meeting, person, pane }) => {
    const all = [...Object.keys(API_HANDLERS).filter((api) => api !== 'config'), ...SIM_EVENTS];
    const unavailable = unavailableApis(meeting.state(), person, pane, all);
    return { supportedApis: all.filter((api) => !unavailable.includes(api)) };
  },
  // The native side answers with the bare string; the SDK wraps it as {context}.
  getRunningContext: ({ pane, meeting }) => runningContextOf(meeting.state().meeting, pane),
  getUserContext: ({ person, meeting }) => userContext(person, meeting.state().meeting),
  // In a breakout room Zoom answers with the room's UUID and the main meeting's as parentUUID.
  getMeetingUUID: ({ meeting, person }) => {
    const main = meeting.state().meeting.uuid;
    return person.roomId === undefined ? { meetingUUID: main } : { meetingUUID: person.roomId, parentUUID: main };
  },
  getMeetingContext: ({ meeting }) => ({
    meetingTopic: meeting.state().meeting.topic,
    meetingID: meeting.state().meeting.meetingID,
  }),
  // Zoom lists the caller's current room only.
  getMeetingParticipants: ({ meeting, person }) => ({
    participants: meeting
      .state()
      .persons.filter((p) => sameRoom(p, person))
      .map(participantRow),
  }),
  getBreakoutRoomList: breakoutRoomList,
  async getAppContext({ meeting, person, pane, fetchContext }) {
    try {
      return { context: await fetchContext(contextRequest(meeting.state().meeting, person, pane)) };
    } catch (error) {
      throw new ZoomError('APP_CONTEXT_FAILED', String(error));
    }
  },
  expandApp({ data, pane, meeting }) {
    const expanded = (data as { action?: unknown } | undefined)?.action === 'expand';
    meeting.update((s) => ({ ...s, panes: { ...s.panes, [pane.key]: { ...pane, expanded } } }));
    return 'Success';
  },
  // The SDK does not wait for this answer; the toast stands in for the system browser opening.
  openUrl({ data, pane, meeting }) {
    meeting.toast(pane.key, {
      type: 'info',
      title: 'Opened in the system browser',
      message: String((data as { url?: unknown } | undefined)?.url),
    });
    return 'Success';
  },
  closeApp({ pane, meeting }) {
    // Closed after the reply has gone out, or the app would never see its promise settle.
    setTimeout(() => meeting.closeApp(pane.key), 50);
    return 'Success';
  },
};

/** Every API the simulator answers, by native apiName. */
export const API_HANDLERS: Readonly<Record<string, ApiHandler>> = {
  ...CORE_HANDLERS,
  ...AUTH_HANDLERS,
  ...MESSAGING_HANDLERS,
};

/** What the settings panel can switch off. */
export const SWITCHABLE_APIS: readonly string[] = [
  ...Object.keys(API_HANDLERS).filter((api) => api !== 'config'),
  ...SIM_EVENTS,
];
