import { pollTallySchema, runExportSchema, type PollTally, type RoomTally } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import type { MeetingReport } from '../src/services/meeting-report';
import { choicePoll, join, launch, useTestServer, vote, type Client, type Person } from './support/harness';
import { get, sleep } from './support/requests';
import { authorizeInClient, cloudPost, startCloudRig, waitFor, type CloudRig } from './support/zoom-cloud';

// Anonymous polls across breakout rooms: a room's share of the results (and its turnout) is shown on
// its own only from K voters (ANONYMOUS_ROOM_MIN_VOTERS, 3 by default), and never so that "All rooms"
// minus the shown rooms leaves fewer than K voters' answers. Exports carry no ballot's room.
const MAIN = 'main-meeting==';
const ROOM_A = 'room-a-uuid==';
const ROOM_B = 'room-b-uuid==';
const ROOM_C = 'room-c-uuid==';
const inRoom =
  (room: string) =>
  (uid: string): Person => ({ mid: room, pid: MAIN, uid });
const host = (): Person => ({ mid: MAIN, uid: 'host', role: 'host' });

const counts = (t: Pick<PollTally, 'questions'> | RoomTally | undefined) => {
  const q = t?.questions?.q1;
  return q?.kind === 'choice' ? q.counts : undefined;
};
const roomIn = (t: PollTally, roomId: string | null) => t.rooms?.find((r) => r.roomId === roomId);
/** What each room shows: its turnout, or why it is withheld. */
const shapes = (t: PollTally) => t.rooms?.map((r) => [r.roomId, 'suppressed' in r ? r.suppressed : r.turnout]);

/** Casts each vote a few ms apart, so the rooms' order (by first ballot) is certain. */
async function votes(pollId: string, casts: [Client, string][]): Promise<void> {
  for (const [client, option] of casts) {
    expect((await vote(client, pollId, option)).ok).toBe(true);
    await sleep(5);
  }
}

describe('breakout rooms in anonymous polls (K = 3)', () => {
  const ctx = useTestServer();

  /** Room A: Ines alone. Room B: three people. Room C: two. The host stays in the main room. */
  async function meeting(anonymous: boolean) {
    const chair = await ctx.enter(host());
    const [ines, omar, olga, oscar, cara, carl] = await Promise.all([
      ctx.enter(inRoom(ROOM_A)('ines')),
      ...['omar', 'olga', 'oscar'].map((uid) => ctx.enter(inRoom(ROOM_B)(uid))),
      ...['cara', 'carl'].map((uid) => ctx.enter(inRoom(ROOM_C)(uid))),
    ]);
    const pollId = await launch(chair, choicePoll({ anonymous }));
    await votes(pollId, [
      [ines!, 'a'],
      [omar!, 'b'],
      [olga!, 'b'],
      [oscar!, 'c'],
      [cara!, 'c'],
      [carl!, 'a'],
    ]);
    return { chair, ines: ines!, omar: omar!, cara: cara!, pollId };
  }

  it('shows hosts the 3-voter room and withholds the rooms of 1 and 2 voters, live and in the snapshot', async () => {
    const { chair, ines, omar, cara, pollId } = await meeting(true);
    const forHost = await chair.waitForTally(pollId, (t) => t.turnout === 6 && t.rooms?.length === 3);
    expect(pollTallySchema.parse(forHost)).toEqual(forHost);
    expect(counts(forHost)).toEqual({ a: 2, b: 2, c: 2 }); // "All rooms" is whole
    expect(shapes(forHost)).toEqual([
      [ROOM_A, 'few-voters'],
      [ROOM_B, 3],
      [ROOM_C, 'few-voters'],
    ]);
    expect(counts(roomIn(forHost, ROOM_B))).toEqual({ a: 0, b: 2, c: 1 });
    // A withheld room carries neither counts nor turnout.
    expect(roomIn(forHost, ROOM_A)).toEqual({ roomId: ROOM_A, suppressed: 'few-voters', minVoters: 3 });

    // Ines, alone in room A, gets "All rooms" but not her room's share; room B's people get theirs.
    const forInes = await ines.waitForTally(pollId, (t) => t.turnout === 6);
    expect(forInes.room).toEqual({ roomId: ROOM_A, suppressed: 'few-voters', minVoters: 3 });
    expect(counts(forInes)).toEqual({ a: 2, b: 2, c: 2 });
    expect(forInes.rooms).toBeUndefined();
    const forCara = await cara.waitForTally(pollId, (t) => t.turnout === 6);
    expect(forCara.room).toMatchObject({ roomId: ROOM_C, suppressed: 'few-voters' });
    const forOmar = await omar.waitForTally(pollId, (t) => t.turnout === 6);
    expect(forOmar.room).toMatchObject({ roomId: ROOM_B, turnout: 3 });
    expect(counts(forOmar.room)).toEqual({ a: 0, b: 2, c: 1 });

    // Arriving later: the snapshot follows the same rule, for participants and hosts.
    const late = await ctx.enter(inRoom(ROOM_A)('late'));
    expect(late.snapshot.tallies[0]?.room).toEqual({ roomId: ROOM_A, suppressed: 'few-voters', minVoters: 3 });
    const cohost = await ctx.enter({ mid: MAIN, uid: 'cohost', role: 'co-host' });
    expect(cohost.snapshot.tallies[0] && shapes(cohost.snapshot.tallies[0])).toEqual(shapes(forHost));
  });

  it('withholds a large room too when subtracting it from "All rooms" would give a small one away', async () => {
    const chair = await ctx.enter(host());
    const [ines, ...roomB] = await Promise.all([
      ctx.enter(inRoom(ROOM_A)('ines')),
      ...['omar', 'olga', 'oscar'].map((uid) => ctx.enter(inRoom(ROOM_B)(uid))),
    ]);
    const pollId = await launch(chair, choicePoll({ anonymous: true }));
    await votes(pollId, [
      [ines!, 'a'],
      [roomB[0]!, 'b'],
      [roomB[1]!, 'b'],
      [roomB[2]!, 'c'],
    ]);
    const forHost = await chair.waitForTally(pollId, (t) => t.turnout === 4 && t.rooms?.length === 2);
    expect(shapes(forHost)).toEqual([
      [ROOM_A, 'few-voters'],
      [ROOM_B, 'would-reveal'],
    ]);
    const forOmar = await roomB[0]!.waitForTally(pollId, (t) => t.turnout === 4);
    expect(forOmar.room).toEqual({ roomId: ROOM_B, suppressed: 'would-reveal', minVoters: 3 });
    const forInes = await ines!.waitForTally(pollId, (t) => t.turnout === 4);
    expect(forInes.room).toMatchObject({ roomId: ROOM_A, suppressed: 'few-voters' });
  });

  it('exports an anonymous poll without room columns, and its summary and report without small rooms', async () => {
    const { chair, pollId } = await meeting(true);
    await chair.waitForTally(pollId, (t) => t.turnout === 6);

    const csv = (await get(ctx.server, chair, `/api/polls/${pollId}/runs/1/export.csv`)).text.trim().split('\r\n');
    expect(csv[0]).toBe('poll,run,question,answer,cast_at');
    expect(csv).toHaveLength(7);
    expect(csv.join('\n')).not.toMatch(/room/i);

    const json = runExportSchema.parse((await get(ctx.server, chair, `/api/polls/${pollId}/runs/1/export.json`)).body);
    expect(json.ballots).toHaveLength(6);
    expect(json.ballots.every((b) => b.room === undefined && b.roomId === undefined && b.voterId === undefined)).toBe(
      true,
    );
    expect(shapes(json.tally)).toEqual([
      [ROOM_A, 'few-voters'],
      [ROOM_B, 3],
      [ROOM_C, 'few-voters'],
    ]);

    const summary = (await get(ctx.server, chair, `/api/polls/${pollId}/runs/1/summary.csv`)).text;
    expect(summary).toContain('Lunch?,1,,,turnout,,6,All rooms');
    expect(summary).toContain('Lunch?,1,Where shall we eat?,single,votes,Tacos,2,Room 2');
    expect(summary).toContain('Lunch?,1,,,hidden,fewer than 3 voters,,Room 1');
    expect(summary).toContain('Lunch?,1,,,hidden,fewer than 3 voters,,Room 3');
    // Nothing but the one "hidden" row for a withheld room.
    expect(summary.split('\r\n').filter((line) => line.endsWith(',Room 1'))).toHaveLength(1);

    const report = await get(ctx.server, chair, '/api/meetings/current/report');
    const run = (report.body as { polls: { runs: { tally: PollTally }[] }[] }).polls[0]?.runs[0];
    expect(run && shapes(run.tally)).toEqual([
      [ROOM_A, 'few-voters'],
      [ROOM_B, 3],
      [ROOM_C, 'few-voters'],
    ]);
  });

  it('leaves named polls as they were: every room shown, rooms in every export', async () => {
    const { chair, ines, pollId } = await meeting(false);
    const forHost = await chair.waitForTally(pollId, (t) => t.turnout === 6 && t.rooms?.length === 3);
    expect(shapes(forHost)).toEqual([
      [ROOM_A, 1],
      [ROOM_B, 3],
      [ROOM_C, 2],
    ]);
    expect(counts(roomIn(forHost, ROOM_A))).toEqual({ a: 1, b: 0, c: 0 });
    const forInes = await ines.waitForTally(pollId, (t) => t.turnout === 6);
    expect(forInes.room).toMatchObject({ roomId: ROOM_A, turnout: 1 });

    const csv = (await get(ctx.server, chair, `/api/polls/${pollId}/runs/1/export.csv`)).text;
    expect(csv.split('\r\n')[0]).toBe('poll,run,question,answer,cast_at,room,room_id,voter,voter_name,voter_email');
    const json = runExportSchema.parse((await get(ctx.server, chair, `/api/polls/${pollId}/runs/1/export.json`)).body);
    expect(json.ballots[0]).toMatchObject({ room: 'Room 1', roomId: ROOM_A });
  });
});

describe('breakout rooms in anonymous polls (ANONYMOUS_ROOM_MIN_VOTERS = 2)', () => {
  const ctx = useTestServer({ anonymousRoomMinVoters: 2 });

  it('reads K from the environment, 3 by default', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).anonymousRoomMinVoters).toBe(3);
    expect(loadConfig({ NODE_ENV: 'test', ANONYMOUS_ROOM_MIN_VOTERS: '5' }).anonymousRoomMinVoters).toBe(5);
    expect(() => loadConfig({ NODE_ENV: 'test', ANONYMOUS_ROOM_MIN_VOTERS: '0' })).toThrow(
      /ANONYMOUS_ROOM_MIN_VOTERS must be at least 1/,
    );
  });

  it('shows a 2-voter room and withholds a lone voter with it', async () => {
    const chair = await ctx.enter(host());
    const [ines, cara, carl, omar, olga] = await Promise.all([
      ctx.enter(inRoom(ROOM_A)('ines')),
      ...['cara', 'carl'].map((uid) => ctx.enter(inRoom(ROOM_C)(uid))),
      ...['omar', 'olga'].map((uid) => ctx.enter(inRoom(ROOM_B)(uid))),
    ]);
    const pollId = await launch(chair, choicePoll({ anonymous: true }));
    await votes(pollId, [
      [ines!, 'a'],
      [cara!, 'b'],
      [carl!, 'b'],
      [omar!, 'c'],
      [olga!, 'c'],
    ]);
    const forHost = await chair.waitForTally(pollId, (t) => t.turnout === 5 && t.rooms?.length === 3);
    // Room A alone (1) would be subtracted out: the smaller of the others joins it (first to vote on a tie).
    expect(shapes(forHost)).toEqual([
      [ROOM_A, 'few-voters'],
      [ROOM_C, 'would-reveal'],
      [ROOM_B, 2],
    ]);
    expect(roomIn(forHost, ROOM_A)).toMatchObject({ minVoters: 2 });
  });
});

describe('the end-of-meeting report of an anonymous poll across breakout rooms', () => {
  let rig: CloudRig | undefined;
  afterEach(async () => rig?.close());

  it("emails and posts each room's turnout only where the room is shown", async () => {
    rig = await startCloudRig({ config: (cloud) => ({ outgoingWebhookUrls: [`${cloud}/hooks/crm`] }) });
    const chair = { mid: MAIN, uid: 'host-r', role: 'host' as const };
    expect((await authorizeInClient(rig, chair)).res.status).toBe(200);
    const hostClient = await join(rig.server, chair);
    const people = await Promise.all([
      join(rig.server, inRoom(ROOM_A)('ines')),
      ...['omar', 'olga', 'oscar'].map((uid) => join(rig!.server, inRoom(ROOM_B)(uid))),
      ...['cara', 'carl'].map((uid) => join(rig!.server, inRoom(ROOM_C)(uid))),
    ]);
    const pollId = await launch(hostClient, choicePoll({ anonymous: true }));
    await votes(
      pollId,
      people.map((p, i): [Client, string] => [p, i % 2 === 0 ? 'a' : 'b']),
    );
    await hostClient.waitForTally(pollId, (t) => t.turnout === 6);

    await cloudPost(rig, '/events', { event: 'meeting.started', meetingUuid: MAIN, topic: 'Retro', hostId: chair.uid });
    await cloudPost(rig, '/events', { event: 'meeting.ended', meetingUuid: MAIN });
    const email = await waitFor(() => rig!.cloud.outbox.emails[0], 5000, 'the report email');
    expect(email.text).toContain('Run 1: 6 voted (Room 1: hidden, Room 2: 3, Room 3: hidden)');
    const hook = await waitFor(
      () => rig!.cloud.outbox.webhooks.find((w) => w.name === 'crm' && w.status === 200),
      5000,
      'the webhook',
    );
    const report = (hook.body as { report: MeetingReport }).report;
    expect(report.polls[0]?.runs[0]?.rooms).toEqual([
      { room: 'Room 1', turnout: null },
      { room: 'Room 2', turnout: 3 },
      { room: 'Room 3', turnout: null },
    ]);
    [hostClient, ...people].forEach((c) => c.socket.disconnect());
  });
});
