import { PROTOCOL_VERSION, runExportSchema, type PollTally, type RoomTally } from '@quorum/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { contextFor, launch, useTestServer, vote, type Client, type Person } from './support/harness';
import { get, sleep } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

// One Zoom meeting with two breakout rooms. Room A's people arrive with Zoom's documented form (the
// room's UUID in mid, the main meeting's in pid); room B's with the SDK typings' form (bmid).
const MAIN = 'main-meeting==';
const ROOM_A = 'room-a-uuid==';
const ROOM_B = 'room-b-uuid==';
const inRoomA = (uid: string): Person => ({ mid: ROOM_A, pid: MAIN, uid });
const inRoomB = (uid: string): Person => ({ mid: MAIN, bmid: ROOM_B, uid });
const inMain = (uid: string, role: Person['role'] = 'participant'): Person => ({ mid: MAIN, uid, role });

/** The counts of q1 in a tally or a room's share. */
const counts = (t: Pick<PollTally, 'questions'> | RoomTally | undefined) => {
  const q = t?.questions?.q1;
  return q?.kind === 'choice' ? q.counts : undefined;
};
const roomOf = (t: PollTally, roomId: string | null) => t.rooms?.find((r) => r.roomId === roomId);

/** Everyone in place: the host in the main room, two people in room A, one in room B, one in the main room. */
async function meeting() {
  const host = await enter(inMain('host', 'host'));
  const [ines, yuki, omar, paul] = await Promise.all([
    enter(inRoomA('ines')),
    enter(inRoomA('yuki')),
    enter(inRoomB('omar')),
    enter(inMain('paul')),
  ]);
  return { host, ines, yuki, omar, paul };
}

describe('breakout rooms', () => {
  it('derives the meeting and room from the sealed context in both documented forms', async () => {
    const { host, ines, omar, paul } = await meeting();
    expect(host.session).toMatchObject({ meetingId: MAIN, isHost: true });
    expect(host.session.roomId).toBeUndefined();
    expect(ines.session).toMatchObject({ meetingId: MAIN, roomId: ROOM_A });
    expect(omar.session).toMatchObject({ meetingId: MAIN, roomId: ROOM_B });
    expect(paul.session.roomId).toBeUndefined();
  });

  it('runs a poll launched in the main room in every room; hosts see each room and the whole, participants their room', async () => {
    const { host, ines, yuki, omar, paul } = await meeting();
    const pollId = await launch(host);
    // Every room's people were told about the poll, and can vote in it.
    for (const [client, option] of [
      [ines, 'a'],
      [yuki, 'b'],
      [omar, 'b'],
      [paul, 'c'],
    ] as const) {
      const cast = await vote(client, pollId, option);
      expect(cast.ok).toBe(true);
    }

    const forHost = await host.waitForTally(pollId, (t) => t.turnout === 4 && (t.rooms?.length ?? 0) === 3);
    expect(counts(forHost)).toEqual({ a: 1, b: 2, c: 1 });
    // In order of each room's first ballot: A (Ines), B (Omar), then the main room (Paul).
    expect(forHost.rooms?.map((r) => [r.roomId, r.turnout])).toEqual([
      [ROOM_A, 2],
      [ROOM_B, 1],
      [null, 1],
    ]);
    expect(counts(roomOf(forHost, ROOM_A))).toEqual({ a: 1, b: 1, c: 0 });
    expect(counts(roomOf(forHost, ROOM_B))).toEqual({ a: 0, b: 1, c: 0 });
    expect(forHost.room).toBeUndefined();

    const forIne = await ines.waitForTally(pollId, (t) => t.turnout === 4);
    expect(forIne.rooms).toBeUndefined(); // the breakdown is for hosts
    expect(forIne.room).toMatchObject({ roomId: ROOM_A, turnout: 2 });
    expect(counts(forIne.room)).toEqual({ a: 1, b: 1, c: 0 });
    expect(counts(forIne)).toEqual({ a: 1, b: 2, c: 1 }); // "All rooms"
    const forOmar = await omar.waitForTally(pollId, (t) => t.turnout === 4);
    expect(forOmar.room).toMatchObject({ roomId: ROOM_B, turnout: 1 });
    const forPaul = await paul.waitForTally(pollId, (t) => t.turnout === 4);
    expect(forPaul.room).toMatchObject({ roomId: null, turnout: 1 });

    // Joining late gets the same view in the snapshot.
    const late = await enter(inRoomB('late'));
    expect(late.snapshot.tallies[0]).toMatchObject({ turnout: 4, room: { roomId: ROOM_B, turnout: 1 } });
    expect(late.snapshot.tallies[0]?.rooms).toBeUndefined();
    const lateHost = await enter({ mid: ROOM_A, pid: MAIN, uid: 'cohost', role: 'co-host' });
    expect(lateHost.snapshot.tallies[0]?.rooms).toHaveLength(3);
  });

  it('sends each participant one tally per broadcast, whatever the number of rooms', async () => {
    const { host, ines, yuki, omar, paul } = await meeting();
    const pollId = await launch(host);
    await vote(paul, pollId, 'a');
    await Promise.all([host, ines, yuki, omar, paul].map((c) => c.waitForTally(pollId, (t) => t.turnout === 1)));
    const received = new Map<Client, number>();
    for (const c of [host, ines, yuki, omar, paul])
      c.socket.on('poll:tally', () => received.set(c, (received.get(c) ?? 0) + 1));
    await vote(ines, pollId, 'b');
    await sleep(300);
    expect([host, ines, yuki, omar, paul].map((c) => received.get(c) ?? 0)).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps one ballot per voter across rooms: a changed answer from another room moves it', async () => {
    const { host, ines } = await meeting();
    const pollId = await launch(host);
    await vote(ines, pollId, 'a');
    await host.waitForTally(pollId, (t) => roomOf(t, ROOM_A)?.turnout === 1);
    ines.socket.disconnect();
    // Zoom does not reload the app: it fires onBreakoutRoomChange and the app takes a fresh context.
    const moved = await enter(inRoomB('ines'));
    expect(moved.session).toMatchObject({ voterId: ines.session.voterId, roomId: ROOM_B });
    expect(moved.snapshot.myBallots).toHaveLength(1);
    expect(moved.snapshot.tallies[0]?.room).toMatchObject({ roomId: ROOM_B, turnout: 0 });
    const again = await vote(moved, pollId, 'c');
    expect(again.ok).toBe(true);

    const after = await host.waitForTally(pollId, (t) => roomOf(t, ROOM_B)?.turnout === 1);
    expect(after.turnout).toBe(1);
    expect(counts(after)).toEqual({ a: 0, b: 0, c: 1 });
    expect(roomOf(after, ROOM_A)).toBeUndefined(); // an emptied room leaves the breakdown
    const csv = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.csv`);
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
  });

  it('exports the room of every ballot: CSV, summary CSV, JSON', async () => {
    const { host, ines, omar, paul } = await meeting();
    const pollId = await launch(host);
    // A few ms apart, so the export's order by cast time (and the room numbers) is certain.
    for (const [client, option] of [
      [ines, 'a'],
      [omar, 'b'],
      [paul, 'c'],
    ] as const) {
      await vote(client, pollId, option);
      await sleep(5);
    }
    await host.waitForTally(pollId, (t) => t.turnout === 3);

    const csv = (await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.csv`)).text.trim().split('\r\n');
    expect(csv[0]).toBe('poll,run,question,answer,cast_at,room,room_id,voter,voter_name,voter_email');
    expect(
      csv.slice(1).map((line) =>
        line
          .split(',')
          .slice(3)
          .filter((_, i) => i !== 1),
      ),
    ).toEqual([
      ['Noodles', 'Room 1', ROOM_A, 'u:ines', '', ''],
      ['Tacos', 'Room 2', ROOM_B, 'u:omar', '', ''],
      ['Salad', 'Main room', '', 'u:paul', '', ''],
    ]);

    const summary = (await get(ctx.server, host, `/api/polls/${pollId}/runs/1/summary.csv`)).text;
    expect(summary.split('\r\n')[0]).toBe('poll,run,question,kind,measure,item,value,room');
    expect(summary).toContain('Lunch?,1,,,turnout,,3,All rooms');
    expect(summary).toContain('Lunch?,1,Where shall we eat?,single,votes,Noodles,1,Room 1');
    expect(summary).toContain('Lunch?,1,Where shall we eat?,single,votes,Noodles,0,Room 2');
    expect(summary).toContain('Lunch?,1,,,turnout,,1,Main room');

    const json = runExportSchema.parse((await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.json`)).body);
    expect(json.ballots.map((b) => [b.voterId, b.room, b.roomId])).toEqual([
      ['u:ines', 'Room 1', ROOM_A],
      ['u:omar', 'Room 2', ROOM_B],
      ['u:paul', 'Main room', undefined],
    ]);
    expect(json.tally.rooms?.map((r) => r.roomId)).toEqual([ROOM_A, ROOM_B, null]);
  });

  it('leaves no way to claim a room: only the sealed context says where someone is', async () => {
    const { host, ines } = await meeting();
    const pollId = await launch(host);
    // An extra field on a ballot is refused by the strict schema…
    const forged = await ines.socket.emitWithAck('ballot:cast', {
      pollId,
      questionId: 'q1',
      answer: { kind: 'single', optionId: 'a' },
      clientBallotId: 'forged-room-1',
      roomId: ROOM_B,
    } as never);
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    // …and on the session request, which takes nothing but Zoom's sealed context.
    const res = await fetch(`${ctx.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context: contextFor(ctx.server.config, inMain('ines')), roomId: ROOM_B }),
    });
    expect(res.status).toBe(400);
    // A handshake claiming a room is still placed by its session: the vote counts in room A.
    const socket = io(ctx.server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { protocolVersion: PROTOCOL_VERSION, token: ines.token, roomId: ROOM_B },
    });
    try {
      await new Promise((resolve) => socket.once('meeting:snapshot', resolve));
      const cast = await socket.emitWithAck('ballot:cast', {
        pollId,
        questionId: 'q1',
        answer: { kind: 'single', optionId: 'b' },
        clientBallotId: 'claimed-room-1',
      });
      expect(cast.ok).toBe(true);
      const t = await host.waitForTally(pollId, (x) => x.turnout === 1);
      expect(t.rooms?.map((r) => r.roomId)).toEqual([ROOM_A]);
    } finally {
      socket.disconnect();
    }
  });
});
