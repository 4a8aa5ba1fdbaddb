import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Gives the caller back the key it took; a no-op once the lease has expired or passed on. */
export type Release = () => Promise<void>;

/**
 * Who does a piece of work when several server processes could: a timer's close, a webhook event.
 * The first `take` of a key wins it for `ttlMs`; the others get undefined and must do nothing.
 */
export interface Lease {
  take(key: string, ttlMs: number): Promise<Release | undefined>;
}

/** One process alone: every key is always free (the embedded default). */
export const soloLease: Lease = { take: async () => async () => undefined };

/** Deletes the key only if it still holds our token: never someone else's lease taken after ours expired. */
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Rejects when `promise` takes longer than `ms`: a lease asked of an unreachable Redis must not hang a timer. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Leases as Redis keys: `SET key token NX PX ttl` takes one atomically, a compare-and-delete script
 * gives it back. A lease that cannot be asked for (Redis down) counts as not taken: the caller does
 * nothing now and tries again later, which is safe because the work itself is idempotent.
 */
export function redisLease(redis: Redis, prefix: string, timeoutMs = 2_000): Lease {
  const owner = randomUUID();
  return {
    async take(key, ttlMs) {
      const name = `${prefix}:lease:${key}`;
      const token = `${owner}:${randomUUID()}`;
      const taken = await within(redis.set(name, token, 'PX', ttlMs, 'NX'), timeoutMs, 'a lease').catch(() => null);
      if (taken !== 'OK') return undefined;
      return async () => {
        await within(redis.eval(RELEASE_SCRIPT, 1, name, token), timeoutMs, 'a release').catch(() => undefined);
      };
    },
  };
}

/** How long a cluster-wide lock waits for a key held by another process before giving up. */
const LOCK_WAIT_MS = 5_000;
const LOCK_TTL_MS = 10_000;

/** Thrown when a cluster-wide lock could not be had in time (held elsewhere, or Redis unreachable). */
export class LockUnavailable extends Error {
  constructor(key: string) {
    super(`another server is still changing ${key}, or Redis is unreachable; try again`);
  }
}

/**
 * Runs `task` while holding `key` across every process sharing the lease: a short spin on `take`
 * (held keys are released within milliseconds), then the task, then the release.
 */
export async function withLock<T>(lease: Lease, key: string, task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    const release = await lease.take(`lock:${key}`, LOCK_TTL_MS);
    if (release) {
      try {
        return await task();
      } finally {
        await release();
      }
    }
    if (Date.now() + wait > deadline) throw new LockUnavailable(key);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
