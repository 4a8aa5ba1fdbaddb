/**
 * Coalesces tally broadcasts per poll: the first change after a quiet spell goes out at once,
 * later ones at most once per window. With N voters that is O(N) messages per window rather
 * than one message to every client per vote (O(N²)).
 */
export class TallyBroadcaster {
  private readonly lastSent = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /**
   * @param windowMs the minimum gap between two broadcasts of one poll; 0 sends every change.
   * @param send emits the poll's current tally to its meeting.
   */
  constructor(
    private readonly windowMs: number,
    private readonly send: (pollId: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Notes that a poll's tally changed. */
  markDirty(pollId: string): void {
    if (this.windowMs === 0) {
      // Coalescing off (TALLY_WINDOW_MS=0, the benchmark's per-vote baseline): one send per change,
      // still after the acks of the batch that made it.
      setTimeout(() => this.send(pollId), 0);
      return;
    }
    if (this.timers.has(pollId)) return; // a send is already due and will carry this change
    const since = this.now() - (this.lastSent.get(pollId) ?? -Infinity);
    // Even a send that is due now waits for the next turn: this runs inside a ballot commit, and the
    // batch's acks must go out before a broadcast to every socket in the meeting.
    const timer = setTimeout(() => this.emit(pollId), Math.max(0, this.windowMs - since));
    this.timers.set(pollId, timer);
  }

  /** Sends every pending broadcast now (graceful shutdown, poll close). */
  flush(pollId?: string): void {
    for (const id of pollId === undefined ? [...this.timers.keys()] : [pollId]) {
      if (this.timers.has(id)) this.emit(id);
    }
  }

  /** Forgets a poll (deleted). */
  forget(pollId: string): void {
    clearTimeout(this.timers.get(pollId));
    this.timers.delete(pollId);
    this.lastSent.delete(pollId);
  }

  private emit(pollId: string): void {
    clearTimeout(this.timers.get(pollId));
    this.timers.delete(pollId);
    this.lastSent.set(pollId, this.now());
    this.send(pollId);
  }
}
