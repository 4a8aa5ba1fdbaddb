import { afterEach, expect, it } from 'vitest';
import { clusterScope, describeCluster, endpoint } from '../support/cluster';
import { ballotId, disconnectAll, join, launch, vote, type Client } from '../support/harness';
import { startOwnRedis, type OwnRedis } from '../support/redis-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeCluster('Redis restarted mid-poll', () => {
  let scope: ReturnType<typeof clusterScope>;
  let redis: OwnRedis;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    await scope.dispose();
    await redis.stop();
  });

  it('keeps accepting ballots while Redis is gone and shows every client the full count once it is back', async () => {
    // A private redis-server: killing the shared one would disturb every other test.
    redis = await startOwnRedis();
    scope = clusterScope(redis.url);
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const mid = 'redis-restart';
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    const voters = await Promise.all(
      Array.from({ length: 30 }, (_, i) => join(endpoint(i % 2 ? b : a), { mid, uid: `v${i}` })),
    );
    clients.push(host, ...voters);
    const pollId = await launch(host);
    await sleep(300);
    const castRange = async (from: number, to: number) => {
      const replies = await Promise.all(voters.slice(from, to).map((v) => vote(v, pollId, 'b', ballotId())));
      expect(replies.every((r) => r.ok)).toBe(true);
    };

    await castRange(0, 10);
    await Promise.all(clients.map((c) => c.waitForTally(pollId, (t) => t.turnout === 10)));
    await redis.kill();
    await castRange(10, 20); // the vote path needs PostgreSQL only
    await sleep(1_500); // long enough for the hints of those ballots to be given up
    await redis.start();
    // Nothing new is cast: only the resync after the reconnect can bring the others up to 20.
    await Promise.all(clients.map((c) => c.waitForTally(pollId, (t) => t.turnout === 20, 15_000)));
    await castRange(20, 30);

    await Promise.all(clients.map((c) => c.waitForTally(pollId, (t) => t.turnout === 30, 15_000)));
    expect((await host.socket.emitWithAck('poll:close', { pollId })).ok).toBe(true);
    const finals = await Promise.all(clients.map((c) => c.waitForTally(pollId, (t) => t.version === 30, 10_000)));
    for (const t of finals)
      expect(t.questions).toEqual({ q1: { kind: 'choice', voters: 30, counts: { a: 0, b: 30, c: 0 } } });
  }, 90_000);
});
