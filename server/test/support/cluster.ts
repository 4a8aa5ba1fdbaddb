import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe } from 'vitest';
import { testConfig } from '../../src/config';
import type { Endpoint } from './harness';
import { spawnServer, type ServerProcess } from './process';

/**
 * PostgreSQL and Redis for the cluster tests: their default local ports unless TEST_DATABASE_URL /
 * TEST_REDIS_URL point elsewhere. When either does not answer the tests are skipped, saying why.
 */
export const CLUSTER_DB_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const CLUSTER_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(): Promise<string | undefined> {
  const db = new pg.Client({ connectionString: CLUSTER_DB_URL, connectionTimeoutMillis: 2_000 });
  db.on('error', () => undefined);
  const redis = new Redis(CLUSTER_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await db.connect();
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `PostgreSQL or Redis is not reachable (${reason}); start both or set TEST_DATABASE_URL and TEST_REDIS_URL`;
  } finally {
    await db.end().catch(() => undefined);
    redis.disconnect();
  }
}

const problem = await reachable();

/** `describe` when PostgreSQL and Redis are there; otherwise skipped, saying why. */
export function describeCluster(name: string, body: () => void): void {
  if (problem) console.warn(`[${name}] skipped: ${problem}`);
  describe.skipIf(problem !== undefined)(name, body);
}

/**
 * One test's share of PostgreSQL and Redis: its own schema and key prefix, and the environment that
 * makes spawned servers one cluster (same database, Redis and session secret, so a session opened
 * on one process is valid on every other). `dispose` kills the servers and drops the schema.
 */
export function clusterScope(redisUrl = CLUSTER_REDIS_URL) {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const schema = `quorum_cluster_${tag}`;
  const servers: ServerProcess[] = [];
  const env: Record<string, string> = {
    DATABASE_URL: CLUSTER_DB_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `quorum-test-${tag}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  return {
    env,
    /** Spawns `server/src/main.ts` with this cluster's environment (plus `extra`), on `port` if given (a restart in place). */
    async spawn(extra: Record<string, string> = {}, port?: number): Promise<ServerProcess> {
      const server = await spawnServer({ ...env, ...extra }, undefined, port);
      servers.push(server);
      return server;
    },
    async dispose(): Promise<void> {
      for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      const db = new pg.Client({ connectionString: CLUSTER_DB_URL });
      await db.connect();
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => db.end());
    },
  };
}

/** Where a test client connects: a spawned server (dev secrets, as the harness seals contexts with). */
export const endpoint = (server: Pick<ServerProcess, 'url'>): Endpoint => ({ url: server.url, config: testConfig() });
