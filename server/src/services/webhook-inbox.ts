import type { Release } from '../cluster/lease';
import type { InboxEvent, WebhookRepository } from '../store/types';

/** Handles one stored event; throwing leaves it pending for another attempt. */
export type InboxHandler = (event: InboxEvent) => Promise<void>;

/** What {@link WebhookInbox} needs; `maxAttempts` failures park an event as `failed`. */
export interface WebhookInboxDeps {
  repo: WebhookRepository;
  handle: InboxHandler;
  onError: (error: unknown, event: InboxEvent) => void;
  /**
   * With several server processes draining one inbox: claims an event for this process (a lease),
   * undefined when another process has it. Absent = this process is the only one.
   */
  claim?: (event: InboxEvent) => Promise<Release | undefined>;
  now?: () => number;
  maxAttempts?: number;
  batchSize?: number;
}

/**
 * Drains the durable inbox one event at a time, oldest first, so a participant's join is applied
 * before their leave. `kick()` is cheap and coalesced: the webhook route calls it after every insert,
 * startup calls it to pick up what a previous process left pending.
 */
export class WebhookInbox {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly deps: WebhookInboxDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Schedules a drain after the current I/O (the HTTP response goes out first). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.loop());
  }

  /** Resolves when no drain is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking new work and waits for the event in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.drainBatch()) > 0);
      } while (this.again && !this.stopped);
    } finally {
      this.running = undefined;
    }
  }

  /** Processes one batch; returns how many events succeeded (0 stops the loop). */
  private async drainBatch(): Promise<number> {
    const batch = await this.deps.repo.pending(this.deps.batchSize ?? 20);
    let done = 0;
    for (const event of batch) {
      if (this.stopped) break;
      const release = await this.claim(event);
      if (!release) continue;
      try {
        if (await this.process(event)) done++;
      } finally {
        await release();
      }
    }
    return done;
  }

  /** This process's turn at the event, re-read under the claim: another may have finished it since. */
  private async claim(event: InboxEvent): Promise<Release | undefined> {
    if (!this.deps.claim) return async () => undefined;
    const release = await this.deps.claim(event);
    if (!release) return undefined;
    if ((await this.deps.repo.get(event.id))?.status === 'pending') return release;
    await release();
    return undefined;
  }

  private async process(event: InboxEvent): Promise<boolean> {
    try {
      await this.deps.handle(event);
      await this.deps.repo.markProcessed(event.id, this.now());
      return true;
    } catch (error) {
      this.deps.onError(error, event);
      const message = error instanceof Error ? error.message : String(error);
      await this.deps.repo.markAttemptFailed(
        event.id,
        message.slice(0, 500),
        event.attempts + 1 >= (this.deps.maxAttempts ?? 3),
      );
      return false;
    }
  }
}
