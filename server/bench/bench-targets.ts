import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ChildBundles } from './child-bundle';
import type { PhaseEnded } from './ipc';
import { startServer, type ServerChild } from './server-process';

/** The configurations the benchmark can measure (`--config`). */
export const CONFIGS = ['raw-ws', 'embedded', 'per-vote', 'pg-redis', 'pg-redis-2'] as const;
export type ConfigName = (typeof CONFIGS)[number];

export const CONFIG_LABELS: Record<ConfigName, string> = {
  'raw-ws': 'raw ws floor',
  embedded: 'embedded (SQLite)',
  'per-vote': 'per-vote (SQLite)',
  'pg-redis': 'PG+Redis x1',
  'pg-redis-2': 'PG+Redis x2',
};

/** PostgreSQL and Redis for the scale-out configurations (the machine's own by default). */
const BENCH_DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One measured configuration: its server processes, and where clients connect (round robin). */
export interface BenchTarget {
  config: ConfigName;
  children: ServerChild[];
  urls: string[];
  /** True for the raw ws floor, which speaks its own protocol and has no poll to launch. */
  raw: boolean;
  /** Asks every child the same thing; each answers once. */
  phaseStart(finalTurnout: number): Promise<void>;
  phaseEnd(): Promise<Omit<PhaseEnded, 'type'>>;
  stop(): Promise<void>;
}

async function dropSchema(schema: string): Promise<void> {
  const db = new pg.Client({ connectionString: BENCH_DB_URL });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => db.end());
}

/** What several children saw, as one: worst latencies, summed counts. */
function combine(readings: Omit<PhaseEnded, 'type'>[]): Omit<PhaseEnded, 'type'> {
  // NaN (what the floor does not measure) crosses IPC as null.
  const values = (key: keyof Omit<PhaseEnded, 'type'>) =>
    readings.map((r) => (typeof r[key] === 'number' ? r[key] : NaN));
  const max = (key: keyof Omit<PhaseEnded, 'type'>) => Math.max(...values(key));
  const sum = (key: keyof Omit<PhaseEnded, 'type'>) => values(key).reduce((total, v) => total + v, 0);
  return {
    ackP50Ms: max('ackP50Ms'),
    ackP99Ms: max('ackP99Ms'),
    fanoutP50Ms: max('fanoutP50Ms'),
    fanoutMaxMs: max('fanoutMaxMs'),
    finalAfterLastBallotMs: max('finalAfterLastBallotMs'),
    tallyBroadcasts: sum('tallyBroadcasts'),
    rateLimited: sum('rateLimited'),
    internalErrors: sum('internalErrors'),
    loopDelayP99Ms: max('loopDelayP99Ms'),
    loopDelayMaxMs: max('loopDelayMaxMs'),
  };
}

/** Starts a configuration's server processes (fresh database, schema or Redis prefix each time). */
export async function startTarget(config: ConfigName, bundles: ChildBundles): Promise<BenchTarget> {
  const children: ServerChild[] = [];
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const scaleOut = config === 'pg-redis' || config === 'pg-redis-2';
  const schema = `quorum_bench_${tag}`;
  const env: Record<string, string> = scaleOut
    ? {
        DATABASE_URL: BENCH_DB_URL,
        DATABASE_SCHEMA: schema,
        REDIS_URL: BENCH_REDIS_URL,
        REDIS_KEY_PREFIX: `quorum-bench-${tag}`,
        SESSION_SECRET: randomBytes(32).toString('hex'),
      }
    : {};
  const count = config === 'pg-redis-2' ? 2 : 1;
  const entry = config === 'raw-ws' ? bundles.raw : bundles.server;
  try {
    // One after the other: the first creates the schema, the second finds it done.
    for (let i = 0; i < count; i++) children.push(await startServer(entry, config === 'per-vote' ? 0 : 50, env));
  } catch (error) {
    await Promise.all(children.map((c) => c.stop()));
    throw error;
  }
  return {
    config,
    children,
    urls: children.map((c) => c.url),
    raw: config === 'raw-ws',
    phaseStart: async (finalTurnout) =>
      void (await Promise.all(children.map((c) => c.request({ type: 'phase-start', finalTurnout })))),
    phaseEnd: async () =>
      combine(
        await Promise.all(
          children.map(async (c) => (({ type: _, ...rest }) => rest)(await c.request({ type: 'phase-end' }))),
        ),
      ),
    stop: async () => {
      await Promise.all(children.map((c) => c.stop()));
      if (scaleOut) await dropSchema(schema);
    },
  };
}

/** Measures each configuration of `--config` in order, each on fresh server processes stopped after. */
export async function measureEach<F>(
  configs: readonly ConfigName[],
  bundles: ChildBundles,
  measure: (target: BenchTarget) => Promise<F>,
): Promise<{ config: ConfigName; label: string; f: F }[]> {
  const rows: { config: ConfigName; label: string; f: F }[] = [];
  for (const config of configs) {
    const target = await startTarget(config, bundles);
    try {
      rows.push({ config, label: CONFIG_LABELS[config], f: await measure(target) });
    } finally {
      await target.stop();
    }
  }
  return rows;
}
