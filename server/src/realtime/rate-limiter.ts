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

/** One token bucket per key (a voter, a meeting, an address), created on first use and dropped once it has refilled. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.capacity, this.perMs, this.now)));
    return bucket.take();
  }

  /** Forgets full buckets, so the map holds only keys that acted recently. */
  sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
