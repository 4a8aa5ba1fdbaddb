import { newMeetingNumber, newParticipantUuid, newUserId, newZoomUuid, participantIdFor } from './ids';
import type {
  LogEntry,
  MeetingInfo,
  PaneCtx,
  PaneKey,
  PaneState,
  Person,
  SdkRole,
  SimRunningContext,
  SimState,
} from './sim-types';

/** The debug log keeps this many entries. */
const LOG_LIMIT = 500;

/** The people a fresh meeting starts with. */
export const DEFAULT_PEOPLE: ReadonlyArray<{ name: string; role: SdkRole }> = [
  { name: 'Hana', role: 'host' },
  { name: 'Ines', role: 'attendee' },
  { name: 'Omar', role: 'attendee' },
  { name: 'Paul', role: 'attendee' },
];

/** The key of a person's instance in a running context. */
export const paneKey = (personId: string, ctx: PaneCtx): PaneKey => `${personId}:${ctx}`;

let personCounter = 0;

/** A new person with Zoom-like ids; ids `p1`, `p2`… are stable handles for tests. */
export function createPerson(screenName: string, role: SdkRole): Person {
  personCounter += 1;
  return {
    id: `p${personCounter}`,
    screenName,
    role,
    participantUUID: newParticipantUuid(),
    participantId: participantIdFor(personCounter),
    userId: newUserId(),
    status: 'authorized',
    dnd: false,
  };
}

/** A just-opened instance: no config yet, not connected. */
export const createPane = (personId: string, ctx: PaneCtx, openedFrom?: string): PaneState => ({
  key: paneKey(personId, ctx),
  personId,
  ctx,
  generation: 0,
  capabilities: null,
  connected: false,
  expanded: false,
  popoutSize: null,
  poppedOut: false,
  ...(openedFrom ? { openedFrom } : {}),
  toasts: [],
});

/** The initial meeting: default people, and the apps `openFor` says are open. */
export function initialState(
  meetingUuid: string | undefined,
  openFor: (p: Person) => boolean,
  pkceMethod: SimState['pkceMethod'] = 'plain',
): SimState {
  const persons = DEFAULT_PEOPLE.map(({ name, role }) => createPerson(name, role));
  const panes: SimState['panes'] = {};
  for (const p of persons.filter(openFor)) panes[paneKey(p.id, 'inMeeting')] = createPane(p.id, 'inMeeting');
  return {
    meeting: {
      uuid: meetingUuid ?? newZoomUuid(),
      meetingID: newMeetingNumber(),
      topic: 'Team sync',
      ended: false,
      kind: 'meeting',
      view: 'inMeeting',
      rooms: [],
    },
    persons,
    panes,
    invitations: {},
    disabledApis: [],
    enforceCapabilities: true,
    pkceMethod,
    log: [],
  };
}

/** Replaces one person; unknown ids leave the state as it is. */
export function withPerson(state: SimState, id: string, change: (p: Person) => Person): SimState {
  if (!state.persons.some((p) => p.id === id)) return state;
  return { ...state, persons: state.persons.map((p) => (p.id === id ? change(p) : p)) };
}

/** Replaces one pane; a closed pane stays closed. */
export function withPane(state: SimState, key: string, change: (pane: PaneState) => PaneState): SimState {
  const pane = state.panes[key as PaneKey];
  return pane ? { ...state, panes: { ...state.panes, [key]: change(pane) } } : state;
}

/** Removes panes matching `drop`. */
export function withoutPanes(state: SimState, drop: (pane: PaneState) => boolean): SimState {
  const panes: SimState['panes'] = {};
  for (const pane of Object.values(state.panes)) if (pane && !drop(pane)) panes[pane.key] = pane;
  return { ...state, panes };
}

/** Appends a log entry, numbering it and trimming the oldest. */
export function withLog(state: SimState, entry: Omit<LogEntry, 'seq'>): SimState {
  const seq = (state.log[state.log.length - 1]?.seq ?? 0) + 1;
  return { ...state, log: [...state.log, { ...entry, seq }].slice(-LOG_LIMIT) };
}

/** All open panes, meeting side first. */
export const openPanes = (state: SimState): PaneState[] =>
  Object.values(state.panes).filter((p): p is PaneState => p !== undefined);

/** The person behind a pane. */
export const personOf = (state: SimState, pane: PaneState): Person | undefined =>
  state.persons.find((p) => p.id === pane.personId);

/** The other instance of the same person (meeting ↔ main client). */
export const peerKey = (pane: PaneState): PaneKey =>
  paneKey(pane.personId, pane.ctx === 'inMeeting' ? 'inMainClient' : 'inMeeting');

/** The breakout room a person is in, when rooms are open and they were put in one. */
export const roomOfPerson = (state: SimState, person: Person) =>
  state.meeting.rooms.find((r) => r.uuid === person.roomId);

/** True when two people share a room (the main room counts as one): Zoom scopes lists and invitations so. */
export const sameRoom = (a: Person, b: Person): boolean => (a.roomId ?? null) === (b.roomId ?? null);

/** The running context Zoom reports to an instance: the main client's, or the meeting's as it runs now. */
export function runningContextOf(
  meeting: Pick<MeetingInfo, 'kind' | 'view'>,
  pane: Pick<PaneState, 'ctx'>,
): SimRunningContext {
  if (pane.ctx === 'inMainClient') return 'inMainClient';
  return meeting.kind === 'webinar' ? 'inWebinar' : meeting.view;
}
