import { afterEach, expect, it } from 'vitest';
import { CLUSTER_DB_URL, clusterScope, describeCluster } from '../support/cluster';
import {
  ballotId,
  disconnectAll,
  launch,
  startServer,
  vote,
  join,
  type Client,
  type TestServer,
} from '../support/harness';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

describeCluster('PostgreSQL unreachable mid-poll', () => {
  let scope: ReturnType<typeof clusterScope>;
  let proxy: TcpProxy;
  let server: TestServer;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    proxy.restore();
    await server.close();
    await proxy.close();
    await scope.dispose();
  });

  it('refuses ballots with a clear error while it is gone, and takes the same ballots once it is back', async () => {
    scope = clusterScope();
    const target = new URL(CLUSTER_DB_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.port = String(proxy.port);
    const { env } = scope;
    server = await startServer({
      databaseUrl: target.toString(),
      databaseSchema: env.DATABASE_SCHEMA!,
      redisUrl: env.REDIS_URL!,
      redisKeyPrefix: env.REDIS_KEY_PREFIX!,
    });
    const mid = 'db-outage';
    const host = await join(server, { mid, uid: 'host', role: 'host' });
    const voters = await Promise.all(Array.from({ length: 10 }, (_, i) => join(server, { mid, uid: `v${i}` })));
    clients.push(host, ...voters);
    const pollId = await launch(host);
    const ids = voters.map(() => ballotId());
    const cast = (from: number, to: number) =>
      Promise.all(voters.slice(from, to).map((v, i) => vote(v, pollId, 'c', ids[from + i])));

    expect((await cast(0, 5)).every((r) => r.ok)).toBe(true);
    // Tallies are coalesced and may trail the acks: wait for the five before cutting the database off.
    await host.waitForTally(pollId, (t) => t.turnout === 5);
    proxy.cut();
    const started = Date.now();
    const refused = await cast(5, 10);
    expect(Date.now() - started).toBeLessThan(8_000); // refused, never left hanging
    for (const reply of refused) {
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: expect.stringMatching(/database is unavailable/) },
      });
    }
    expect(host.tallies.get(pollId)?.turnout).toBe(5);

    proxy.restore();
    // The client's outbox sends the same ballots again; each is stored once.
    const retried = await cast(5, 10);
    expect(retried.every((r) => r.ok)).toBe(true);
    const again = await cast(0, 10);
    expect(again.every((r) => r.ok)).toBe(true);
    await Promise.all(clients.map((c) => c.waitForTally(pollId, (t) => t.turnout === 10 && t.version === 10)));
  }, 60_000);
});
