import { beforeEach, describe, expect, it } from 'vitest';
import { API_HANDLERS } from './api-handlers';
import { createCallRouter } from './call-router';
import { createMeeting, type Meeting } from './meeting-controller';
import { initialState } from './meeting-state';
import { readSimOptions } from './sim-options';
import { createStore } from './sim-store';
import type { PaneKey } from './sim-types';
import type { ZoomCloudClient } from './zoom-cloud-client';

// The breakout-room control and what the bridge answers once people are in rooms, through the same
// call router (capability and role checks included) that serves the app's frames.
const CAPABILITIES = [
  'getMeetingUUID',
  'getMeetingParticipants',
  'getAppContext',
  'getBreakoutRoomList',
  'sendAppInvitationToAllParticipants',
  'onBreakoutRoomChange',
];

let meeting: Meeting;
let events: { pane: string; name: string; data: unknown }[];
let sealed: Record<string, unknown>[];
let call: (pane: string, apiName: string, data?: unknown) => Promise<unknown>;

beforeEach(async () => {
  events = [];
  sealed = [];
  const store = createStore(initialState(undefined, () => true));
  meeting = createMeeting(store, {
    post: (pane, name, data) => events.push({ pane, name, data }) > 0,
    now: () => 1_700_000_000_000,
    toastMs: 0,
  });
  const route = createCallRouter(meeting, API_HANDLERS, {
    options: readSimOptions('?toastMs=0', 'http://localhost:3000'),
    fetchContext: async (body) => {
      sealed.push(body as Record<string, unknown>);
      return 'sealed-context';
    },
    cloud: {} as ZoomCloudClient,
  });
  call = async (pane, apiName, data) => {
    const outcome = await route(pane, { jsCallId: 'c', apiName, data });
    if (!outcome.ok) throw new Error(`${outcome.errorCode} ${outcome.errorMessage}`);
    return outcome.result;
  };
  for (const p of meeting.state().persons) await call(`${p.id}:inMeeting`, 'config', { js_api_lists: CAPABILITIES });
});

// Person ids count up across meetings, so people are named by their place in the default roster.
const ROSTER = { hana: 0, ines: 1, omar: 2, paul: 3 } as const;
type Who = keyof typeof ROSTER;
const person = (who: Who) => meeting.state().persons[ROSTER[who]]!;
const pane = (who: Who): PaneKey => `${person(who).id}:inMeeting`;
const names = (result: unknown) =>
  (result as { participants: { screenName: string }[] }).participants.map((p) => p.screenName);

describe('breakout rooms in the simulator', () => {
  it('splits everyone but the host between the rooms and tells each moved app, which is not reloaded', async () => {
    const before = {
      uuid: person('ines').participantUUID,
      generation: meeting.state().panes[pane('ines')]?.generation,
    };
    meeting.openBreakoutRooms(2);
    const [blue, green] = meeting.state().meeting.rooms;
    expect([blue?.name, green?.name]).toEqual(['Blue room', 'Green room']);
    expect((['hana', 'ines', 'omar', 'paul'] as const).map((who) => person(who).roomId)).toEqual([
      undefined,
      blue?.uuid,
      green?.uuid,
      blue?.uuid,
    ]);
    expect(events.map((e) => [e.pane, e.name, (e.data as { action: string }).action])).toEqual([
      [pane('ines'), 'onBreakoutRoomChange', 'join'],
      [pane('omar'), 'onBreakoutRoomChange', 'join'],
      [pane('paul'), 'onBreakoutRoomChange', 'join'],
    ]);
    // A new participantUUID in the room, as Zoom gives; the same app instance.
    expect(person('ines').participantUUID).not.toBe(before.uuid);
    expect(meeting.state().panes[pane('ines')]?.generation).toBe(before.generation);
  });

  it('answers getMeetingUUID with parentUUID and seals the room into the app context (mid = room, pid = main)', async () => {
    meeting.openBreakoutRooms(2);
    const main = meeting.state().meeting.uuid;
    const room = person('ines').roomId;
    expect(await call(pane('ines'), 'getMeetingUUID')).toEqual({ meetingUUID: room, parentUUID: main });
    expect(await call(pane('hana'), 'getMeetingUUID')).toEqual({ meetingUUID: main });
    await call(pane('ines'), 'getAppContext');
    expect(sealed.at(-1)).toMatchObject({ mid: room, pid: main });
  });

  it('lists and invites only the caller’s room, and names the rooms', async () => {
    meeting.openBreakoutRooms(2);
    meeting.setRole(person('ines').id, 'coHost');
    expect(names(await call(pane('ines'), 'getMeetingParticipants'))).toEqual(['Ines', 'Paul']);
    expect(names(await call(pane('hana'), 'getMeetingParticipants'))).toEqual(['Hana']);
    await call(pane('ines'), 'sendAppInvitationToAllParticipants');
    expect(Object.keys(meeting.state().invitations)).toEqual([person('paul').id]);
    const list = (await call(pane('hana'), 'getBreakoutRoomList')) as {
      rooms: { name: string; participants?: unknown[] }[];
    };
    expect(list.rooms.map((r) => [r.name, r.participants?.length])).toEqual([
      ['Blue room', 2],
      ['Green room', 1],
    ]);
  });

  it('moves one person (leave, then join) and closes the rooms, everyone back in the main room', async () => {
    meeting.openBreakoutRooms(2);
    const green = meeting.state().meeting.rooms[1]!.uuid;
    events.length = 0;
    meeting.moveToRoom(person('ines').id, green);
    expect(events.map((e) => (e.data as { action: string }).action)).toEqual(['leave', 'join']);
    meeting.closeBreakoutRooms();
    expect(meeting.state().persons.every((p) => p.roomId === undefined)).toBe(true);
    expect(meeting.state().meeting.rooms).toEqual([]);
    await expect(call(pane('hana'), 'getBreakoutRoomList')).rejects.toThrow('10092');
  });
});
