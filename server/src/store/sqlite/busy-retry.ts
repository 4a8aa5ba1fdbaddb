/**
 * SQLite has one writer. When another process (a backup, an overlapping deploy, an operator's shell)
 * holds the write lock, better-sqlite3's busy handler waits *synchronously*: with a long
 * busy_timeout the whole event loop — every meeting's sockets, /healthz — stalls with it. So the
 * connection waits only briefly (BUSY_TIMEOUT_MS) and a refused call is retried here on a timer,
 * which leaves the loop free; `stalledSince` lets /healthz say `degraded` meanwhile.
 */

/** The connection's busy_timeout: the longest the event loop blocks on a lock another process holds. */
export const BUSY_TIMEOUT_MS = 100;

export interface BusyRetryPolicy {
  /** Waits between attempts grow from `firstDelayMs`, doubling, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this long a call gives up and throws the last SQLITE_BUSY (the caller answers INTERNAL). */
  giveUpAfterMs: number;
}

export const DEFAULT_BUSY_RETRY: BusyRetryPolicy = { firstDelayMs: 10, maxDelayMs: 200, giveUpAfterMs: 30_000 };

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
  );
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries calls refused with SQLITE_BUSY, off the event loop, and remembers how long one has been waiting. */
export class BusyRetry {
  /** Start times of calls currently waiting for the lock. */
  private readonly waiting = new Set<number>();

  constructor(private readonly policy: BusyRetryPolicy = DEFAULT_BUSY_RETRY) {}

  /**
   * Runs `call` until it does not fail with SQLITE_BUSY. Safe to repeat: a refused BEGIN IMMEDIATE or
   * autocommit statement changed nothing.
   */
  async run<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!isBusy(error)) throw error;
      return this.retry(call, error);
    }
  }

  /** Epoch ms since which the longest-waiting call has been stuck, or undefined when none is. */
  stalledSince(): number | undefined {
    return this.waiting.size === 0 ? undefined : Math.min(...this.waiting);
  }

  private async retry<T>(call: () => Promise<T>, first: unknown): Promise<T> {
    const started = Date.now();
    const token = started + Math.random() / 2; // distinct entries for calls stuck in the same millisecond
    this.waiting.add(token);
    try {
      let delay = this.policy.firstDelayMs;
      let last = first;
      while (Date.now() - started < this.policy.giveUpAfterMs) {
        await sleep(delay);
        delay = Math.min(delay * 2, this.policy.maxDelayMs);
        try {
          return await call();
        } catch (error) {
          if (!isBusy(error)) throw error;
          last = error;
        }
      }
      throw last;
    } finally {
      this.waiting.delete(token);
    }
  }

  /** The repository with every method run through `run`. */
  wrap<R extends object>(repository: R): R {
    const wrapped = {} as Record<string, unknown>;
    for (const [name, member] of Object.entries(repository)) {
      wrapped[name] =
        typeof member === 'function'
          ? (...args: unknown[]) => this.run(() => (member as (...a: unknown[]) => Promise<unknown>)(...args))
          : member;
    }
    return wrapped as R;
  }
}
