import { afterEach, describe, expect, it } from 'vitest';
import { CLUSTER_DB_URL, clusterScope, describeCluster } from './support/cluster';
import { startServer, useTestServer, type TestServer } from './support/harness';
import { startOwnRedis, type OwnRedis } from './support/redis-server';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

const health = async (server: Pick<TestServer, 'url'>) => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** Polls /healthz until it answers `status` (a reconnect takes a moment), then returns that answer. */
async function healthBecomes(server: Pick<TestServer, 'url'>, status: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await health(server);
    if (answer.status === status || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('/healthz on the embedded default', () => {
  const ctx = useTestServer();

  it('reports the SQLite database and no Redis', async () => {
    const { status, body } = await health(ctx.server);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: 'up' });
    expect(body).not.toHaveProperty('redis');
  });
});

describeCluster('/healthz with PostgreSQL and Redis', () => {
  let scope: ReturnType<typeof clusterScope>;
  let proxy: TcpProxy;
  let redis: OwnRedis;
  let server: TestServer;
  afterEach(async () => {
    proxy.restore();
    await server.close();
    await Promise.all([proxy.close(), redis.stop()]);
    await scope.dispose();
  });

  it('answers 503 naming the dependency that is down, and 200 again once it is back', async () => {
    // A private Redis and a cuttable path to PostgreSQL: the shared ones serve other tests.
    redis = await startOwnRedis();
    scope = clusterScope(redis.url);
    const target = new URL(CLUSTER_DB_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.port = String(proxy.port);
    const { env } = scope;
    server = await startServer({
      databaseUrl: target.toString(),
      databaseSchema: env.DATABASE_SCHEMA!,
      redisUrl: redis.url,
      redisKeyPrefix: env.REDIS_KEY_PREFIX!,
    });

    expect(await health(server)).toMatchObject({ status: 200, body: { status: 'ok', database: 'up', redis: 'up' } });

    await redis.kill();
    expect(await healthBecomes(server, 503)).toEqual({
      status: 503,
      body: { status: 'unavailable', database: 'up', redis: 'down' },
    });
    await redis.start();
    expect(await healthBecomes(server, 200)).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'up', redis: 'up' },
    });

    proxy.cut();
    expect(await healthBecomes(server, 503)).toEqual({
      status: 503,
      body: { status: 'unavailable', database: 'down', redis: 'up' },
    });
    proxy.restore();
    expect(await healthBecomes(server, 200)).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'up', redis: 'up' },
    });
  }, 60_000);
});
