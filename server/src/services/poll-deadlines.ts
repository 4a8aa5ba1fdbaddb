import type { Poll } from '@quorum/shared';

/**
 * Closes polls at their deadline on the server's clock. Votes after the deadline are refused by
 * the domain rule anyway; this timer makes the close visible to everyone on time.
 */
export class PollDeadlines {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly close: (poll: Poll) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts, moves or cancels the poll's timer to match its state. */
  watch(poll: Poll): void {
    clearTimeout(this.timers.get(poll.id));
    this.timers.delete(poll.id);
    if (poll.status !== 'open' || poll.closesAt === null) return;
    // setTimeout caps at ~24.8 days; deadlines are at most a day away (LIMITS.closeAfterSecMax).
    const delay = Math.max(0, poll.closesAt - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(poll.id);
      void this.close(poll);
    }, delay);
    timer.unref();
    this.timers.set(poll.id, timer);
  }

  stop(): void {
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }
}
