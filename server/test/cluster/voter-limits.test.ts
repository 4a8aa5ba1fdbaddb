import { afterEach, expect, it } from 'vitest';
import { clusterScope, describeCluster, endpoint } from '../support/cluster';
import { connectSession, disconnectAll, join, launch, openSession, vote, type Client } from '../support/harness';

const RATE = 10;
/** The most a bucket of `capacity` per 10 s can grant in `elapsedMs`: a full bucket plus its refill. */
const mostAllowed = (capacity: number, elapsedMs: number) => capacity + Math.ceil((elapsedMs * capacity) / 10_000);

describeCluster('ballot limits across instances (Redis)', () => {
  let scope: ReturnType<typeof clusterScope>;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    await scope.dispose();
  });

  it('holds one voter with sockets on both instances to one budget', async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([
      scope.spawn({ BALLOT_RATE_LIMIT: String(RATE) }),
      scope.spawn({ BALLOT_RATE_LIMIT: String(RATE) }),
    ]);
    const mid = 'limits-meeting';
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    clients.push(host);
    const pollId = await launch(host);
    // One session (the cluster shares the session secret), five sockets on each instance.
    const opened = await openSession(endpoint(a), { mid, uid: 'abuser' });
    const sockets = await Promise.all(
      Array.from({ length: 10 }, (_, i) => connectSession(endpoint(i % 2 ? a : b), opened)),
    );
    clients.push(...sockets);
    const started = performance.now();
    const acks = await Promise.all(
      sockets.flatMap((s) => Array.from({ length: 20 }, (_, i) => vote(s, pollId, i % 2 ? 'a' : 'b'))),
    );
    const accepted = acks.filter((r) => r.ok || r.error.code !== 'RATE_LIMITED').length;
    expect(accepted).toBeGreaterThanOrEqual(RATE);
    // Each instance alone would allow RATE: together they must still allow only one budget.
    expect(accepted).toBeLessThanOrEqual(mostAllowed(RATE, performance.now() - started));
  });
});
