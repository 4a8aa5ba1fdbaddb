import { newParticipantUuid, newZoomUuid } from './ids';
import { paneKey } from './meeting-state';
import { zoomTimestamp } from './payloads';
import type { Store } from './sim-store';
import type { BreakoutRoom, Person, SimState } from './sim-types';

/** Names the simulator gives its rooms, so a test can tell Zoom's names from Quorum's "Room n" fallback. */
export const ROOM_NAMES = ['Blue room', 'Green room', 'Gold room', 'Red room'];

/** Most rooms the control creates at once (Zoom allows many more; a screen of panes does not). */
export const MAX_ROOMS = 8;

type Emit = (paneKey: string, name: string, data: unknown) => void;

/** The person in another room: Zoom hands out a new participantUUID in every room. */
function placed(person: Person, roomId: string | undefined): Person {
  const { roomId: _old, ...rest } = person;
  return { ...rest, participantUUID: newParticipantUuid(), ...(roomId === undefined ? {} : { roomId }) };
}

/**
 * Breakout rooms as Zoom runs them for an app: people move without the app reloading, each moved
 * instance gets `onBreakoutRoomChange` (leave the old room, join the new one) and must take a fresh
 * app context; the bridge then answers getMeetingUUID with `parentUUID`, lists only the caller's room
 * in getMeetingParticipants, and scopes invitations to it.
 */
export function breakoutActions(store: Store<SimState>, emit: Emit, now: () => number) {
  /** Applies the moves (state first: the app asks for its new context as soon as it hears of them). */
  const move = (
    targets: ReadonlyMap<string, string | undefined>,
    rooms: BreakoutRoom[] = store.get().meeting.rooms,
  ) => {
    const before = new Map(store.get().persons.map((p) => [p.id, p.roomId]));
    const moving = [...targets].filter(([id, to]) => before.has(id) && before.get(id) !== to);
    const change = new Map(moving);
    store.update((s) => ({
      ...s,
      meeting: { ...s.meeting, rooms },
      persons: s.persons.map((p) => (change.has(p.id) ? placed(p, change.get(p.id)) : p)),
    }));
    const timestamp = zoomTimestamp(now());
    for (const [id, to] of moving) {
      const from = before.get(id);
      if (from !== undefined)
        emit(paneKey(id, 'inMeeting'), 'onBreakoutRoomChange', { action: 'leave', breakoutRoomUUID: from, timestamp });
      if (to !== undefined)
        emit(paneKey(id, 'inMeeting'), 'onBreakoutRoomChange', { action: 'join', breakoutRoomUUID: to, timestamp });
    }
  };

  return {
    /** Opens `count` rooms and splits everyone but the host between them, in roster order. */
    openBreakoutRooms(count: number) {
      const n = Math.min(MAX_ROOMS, Math.max(1, Math.floor(count)));
      const rooms = Array.from({ length: n }, (_, i): BreakoutRoom => ({
        uuid: newZoomUuid(),
        name: ROOM_NAMES[i] ?? `Room ${i + 1}`,
      }));
      const split = store.get().persons.filter((p) => p.role !== 'host');
      move(new Map(split.map((p, i) => [p.id, rooms[i % n]!.uuid])), rooms);
    },
    /** Closes the rooms: everyone returns to the main room. */
    closeBreakoutRooms() {
      move(new Map(store.get().persons.map((p) => [p.id, undefined])), []);
    },
    /** Moves one person to a room (undefined: the main room), as the host's "Move to" does. */
    moveToRoom(personId: string, roomUuid: string | undefined) {
      if (roomUuid !== undefined && !store.get().meeting.rooms.some((r) => r.uuid === roomUuid)) return;
      move(new Map([[personId, roomUuid]]));
    },
  };
}
