import { effectiveStatus } from './api-policy';
import { runningContextOf } from './meeting-state';
import { toAppContextRole } from './roles';
import type { MeetingInfo, PaneState, Person } from './sim-types';

/** The context fields the dev server seals for a person (see server/src/sim/sim-context.ts). */
export function contextFields(meeting: MeetingInfo, person: Person, pane: PaneState): Record<string, string> {
  return {
    // In a breakout room, Zoom's guide: the room's UUID in mid and the main meeting's in pid.
    ...(person.roomId === undefined || pane.ctx !== 'inMeeting'
      ? { mid: meeting.uuid }
      : { mid: person.roomId, pid: meeting.uuid }),
    // Guests are the unauthenticated: Zoom leaves uid out of their context.
    ...(effectiveStatus(person, meeting) === 'unauthenticated' ? {} : { uid: person.userId }),
    role: toAppContextRole(person.role, meeting),
    ...(pane.openedFrom ? { iid: pane.openedFrom } : {}),
  };
}

/** The context's `typ`: 'panel' in the main client, else the kind of meeting (zoom-platform.md §3). */
const contextType = (meeting: MeetingInfo, pane: PaneState): string =>
  pane.ctx === 'inMainClient' ? 'panel' : meeting.kind;

/** The Home URL as this person's Zoom client would load it, through the header-adding dev route. */
export function frameSrc(meeting: MeetingInfo, person: Person, pane: PaneState): string {
  const query = new URLSearchParams({
    ...contextFields(meeting, person, pane),
    name: person.screenName,
    ctx: runningContextOf(meeting, pane),
  });
  return `/sim/frame?${query.toString()}`;
}

/** The getAppContext body for `POST /sim/api/context`. */
export function contextRequest(meeting: MeetingInfo, person: Person, pane: PaneState): object {
  return { ...contextFields(meeting, person, pane), typ: contextType(meeting, pane) };
}

/** Asks the dev server to seal a context; rejects with the server's message on failure. */
export async function fetchAppContext(body: object): Promise<string> {
  const res = await fetch('/sim/api/context', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { context?: string; error?: { message?: string } };
  if (!res.ok || typeof json.context !== 'string') throw new Error(json.error?.message ?? `HTTP ${res.status}`);
  return json.context;
}
