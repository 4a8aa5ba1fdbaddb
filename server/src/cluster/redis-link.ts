import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { QuorumServer } from '../realtime/types';

/** The Redis connections of one server process. */
export interface RedisLink {
  /** Commands (publishes, leases). */
  redis: Redis;
  /** Calls `listener` each time the link is back after a loss (messages may have been missed meanwhile). */
  onReconnect(listener: () => void): void;
  /** Resolves when both connections are up and Redis answers a PING; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How long startup waits for Redis before refusing to start: a cluster without fan-out would be silently wrong. */
const CONNECT_TIMEOUT_MS = 10_000;
/** After a loss, wait this long for the subscriptions to be restored before asking for a resync. */
const RESUBSCRIBE_GRACE_MS = 250;

function connect(url: string): Redis {
  const client = new Redis(url, {
    // Reconnect forever, backing off to 2 s: Redis restarts are expected and short.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
    // A publish waits through a short outage, then fails rather than queue without bound.
    maxRetriesPerRequest: 3,
    lazyConnect: true,
  });
  // Connection errors are reported through 'close'/'reconnecting'; unhandled, ioredis would log each one.
  client.on('error', () => undefined);
  return client;
}

async function ready(client: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CONNECT_TIMEOUT_MS))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The adapter fires `publish` and drops the promise: while Redis is down each one would reject
 * unhandled, and Node ends the process on an unhandled rejection. A handler added here marks them
 * handled; the lost hints are made up by the resync after the reconnect.
 */
function guardPublish(client: Redis): Redis {
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
  (client as unknown as { publish: typeof publish }).publish = (...args) => {
    const sent = publish(...args);
    sent.catch(() => undefined);
    return sent;
  };
  return client;
}

/**
 * Connects to REDIS_URL and gives socket.io the pub/sub Redis adapter (`@socket.io/redis-adapter`;
 * server/bench/BENCHMARKS.md says why not the streams adapter), with every channel under `prefix`
 * so several deployments (or tests) can share one Redis.
 */
export async function connectRedis(io: QuorumServer, url: string, prefix: string): Promise<RedisLink> {
  const pub = connect(url);
  const sub = pub.duplicate();
  sub.on('error', () => undefined);
  try {
    await Promise.all([ready(pub), ready(sub)]);
  } catch (error) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(`REDIS_URL: Redis is not reachable (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  io.adapter(createAdapter(guardPublish(pub), sub, { key: `${prefix}:sio`, publishOnSpecificResponseChannel: true }));
  const listeners: (() => void)[] = [];
  // Resync once both connections are back, whichever order they return in.
  const down = new Set<Redis>();
  let missed = false;
  for (const client of [pub, sub]) {
    client.on('close', () => {
      down.add(client);
      missed = true;
    });
    client.on('ready', () => {
      down.delete(client);
      if (!missed || down.size > 0) return;
      missed = false;
      setTimeout(() => listeners.forEach((l) => l()), RESUBSCRIBE_GRACE_MS).unref();
    });
  }
  return {
    redis: pub,
    onReconnect: (listener) => void listeners.push(listener),
    ping: async () => {
      // The subscriber cannot be pinged like the publisher; without it broadcasts stop arriving, so it counts too.
      if (sub.status !== 'ready') throw new Error(`Redis subscriber connection is ${sub.status}`);
      await pub.ping();
    },
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
      pub.disconnect();
      sub.disconnect();
    },
  };
}
