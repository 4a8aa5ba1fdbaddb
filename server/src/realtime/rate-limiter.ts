/**
 * A token bucket: `capacity` actions, refilled evenly over `perMs`. Cheap enough to sit
 * on the vote path (two numbers per socket, no timers).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes one token; false when the caller must slow down. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * this.capacity) / this.perMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True once the bucket has refilled completely: it would then behave exactly like a new one. */
  isFull(): boolean {
    return this.tokens + ((this.now() - this.updatedAt) * this.capacity) / this.perMs >= this.capacity;
  }
}
