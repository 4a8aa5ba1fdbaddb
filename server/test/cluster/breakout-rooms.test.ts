import type { PollTally } from '@quorum/shared';
import { afterEach, expect, it } from 'vitest';
import { clusterScope, describeCluster, endpoint } from '../support/cluster';
import { disconnectAll, join, launch, vote, type Client } from '../support/harness';

const MAIN = 'cluster-breakout==';
const ROOM_A = 'cluster-room-a==';
const ROOM_B = 'cluster-room-b==';

const countsOf = (share: Pick<PollTally, 'questions'> | undefined) => {
  const q = share?.questions?.q1;
  return q?.kind === 'choice' ? q.counts : undefined;
};

describeCluster('breakout rooms across two server processes', () => {
  let scope: ReturnType<typeof clusterScope>;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    await scope.dispose();
  });

  it('gives hosts every room and each participant their room, whichever process they are on', async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const host = await join(endpoint(a), { mid: MAIN, uid: 'host', role: 'host' });
    const [ines, yuki, omar, paul] = await Promise.all([
      join(endpoint(b), { mid: ROOM_A, pid: MAIN, uid: 'ines' }),
      join(endpoint(a), { mid: ROOM_A, pid: MAIN, uid: 'yuki' }),
      join(endpoint(a), { mid: MAIN, bmid: ROOM_B, uid: 'omar' }),
      join(endpoint(b), { mid: MAIN, uid: 'paul' }),
    ]);
    clients.push(host, ines!, yuki!, omar!, paul!);
    const seen = Promise.all(
      [ines, yuki, omar, paul].map(
        (c) => new Promise<void>((resolve) => c!.socket.once('poll:updated', () => resolve())),
      ),
    );
    const pollId = await launch(host);
    await seen;

    const cast = await Promise.all([
      vote(ines!, pollId, 'a'),
      vote(yuki!, pollId, 'b'),
      vote(omar!, pollId, 'b'),
      vote(paul!, pollId, 'c'),
    ]);
    expect(cast.every((r) => r.ok)).toBe(true);

    const forHost = await host.waitForTally(pollId, (t) => t.turnout === 4 && (t.rooms?.length ?? 0) === 3, 10_000);
    const byRoom = new Map(forHost.rooms?.map((r) => [r.roomId, r]));
    expect(countsOf(byRoom.get(ROOM_A))).toEqual({ a: 1, b: 1, c: 0 });
    expect(countsOf(byRoom.get(ROOM_B))).toEqual({ a: 0, b: 1, c: 0 });
    expect(countsOf(byRoom.get(null))).toEqual({ a: 0, b: 0, c: 1 });
    for (const [client, room, counts] of [
      [ines, ROOM_A, { a: 1, b: 1, c: 0 }],
      [yuki, ROOM_A, { a: 1, b: 1, c: 0 }],
      [omar, ROOM_B, { a: 0, b: 1, c: 0 }],
      [paul, null, { a: 0, b: 0, c: 1 }],
    ] as const) {
      const t = await client!.waitForTally(
        pollId,
        (x) => x.turnout === 4 && x.room?.turnout === (room === ROOM_A ? 2 : 1),
        10_000,
      );
      expect(t.room?.roomId).toBe(room);
      expect(countsOf(t.room)).toEqual(counts);
      expect(t.rooms).toBeUndefined();
    }
  }, 60_000);
});
