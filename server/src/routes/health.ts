import type { FastifyPluginAsync } from 'fastify';
import { within } from '../cluster/lease';
import type { Store } from '../store/types';

/** How long one dependency may take to answer before it counts as down: a probe must answer fast. */
const CHECK_TIMEOUT_MS = 2_000;

type Status = 'up' | 'down' | 'degraded';

/** 'up' when `ping` resolves in time, 'down' when it rejects or hangs. */
const check = (ping: () => Promise<void>, what: string): Promise<Status> =>
  within(ping(), CHECK_TIMEOUT_MS, what).then(
    (): Status => 'up',
    (): Status => 'down',
  );

/**
 * Readiness for load balancers: the database (SQLite or PostgreSQL) and, with REDIS_URL, Redis, each
 * 'up' or 'down' (the database 'degraded', answered 200, while a write waits for another process's
 * SQLite lock); 503 when any is down, since this instance would then refuse ballots or miss
 * broadcasts. Plus the socket layer's rejection counters for operators.
 */
export const healthRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get('/healthz', async (_request, reply) => {
    const { pingRedis } = app.realtime;
    const [database, redis] = await Promise.all([
      check(() => store.ping(), 'a health check'),
      pingRedis && check(pingRedis, 'a health check'),
    ]);
    // Up but with a write stuck behind another process's lock: reads and sockets work, writes wait.
    const stalled = database === 'up' ? store.writeStalledSince?.() : undefined;
    const dependencies = {
      database: stalled === undefined ? database : ('degraded' as const),
      ...(redis ? { redis } : {}),
    };
    if (database === 'down' || redis === 'down')
      return reply.code(503).send({ status: 'unavailable', ...dependencies });
    const stall = stalled === undefined ? {} : { status: 'degraded', writeStalledMs: Date.now() - stalled };
    return {
      status: 'ok',
      ...dependencies,
      ...stall,
      sockets: app.io.engine.clientsCount,
      rejected: app.realtime.metrics,
    };
  });
};
