/**
 * Things that end at a moment (here: sockets whose session expires), on one timer for all of them:
 * a timer per socket costs a Timeout and its closures on every idle connection (issue 15). Items are
 * kept in one-second buckets; a single unref'd ticker, running only while something is scheduled,
 * hands each bucket to `due` once its second has passed. Precision is a second, which a session of
 * hours does not notice.
 */
export class ExpirySchedule<T> {
  private readonly buckets = new Map<number, Set<T>>();
  private readonly bucketOf = new Map<T, number>();
  private ticker: NodeJS.Timeout | undefined;
  /** The first second not yet handed to `due`. */
  private next: number;

  constructor(
    private readonly due: (items: T[]) => void,
    private readonly now: () => number = Date.now,
    private readonly tickMs = 1_000,
  ) {
    this.next = this.second(now());
  }

  /** Schedules `item` for `at` (epoch ms), replacing an earlier schedule of it; it is due at `at` or up to a tick later. */
  add(item: T, at: number): void {
    this.remove(item);
    if (this.bucketOf.size === 0) this.next = this.second(this.now());
    // The second `at` falls in, rounded up: a bucket is handed over only once all of its items are due.
    const key = Math.max(Math.ceil(at / 1000), this.next);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Set()));
    bucket.add(item);
    this.bucketOf.set(item, key);
    this.ticker ??= setInterval(() => this.tick(), this.tickMs).unref();
  }

  remove(item: T): void {
    const key = this.bucketOf.get(item);
    if (key === undefined) return;
    this.bucketOf.delete(item);
    const bucket = this.buckets.get(key);
    bucket?.delete(item);
    if (bucket?.size === 0) this.buckets.delete(key);
    if (this.bucketOf.size === 0) this.stop();
  }

  get size(): number {
    return this.bucketOf.size;
  }

  /** Hands over every bucket whose second has passed (the ticker calls it; tests may too). */
  tick(): void {
    const passed = this.second(this.now());
    const items: T[] = [];
    for (; this.next <= passed; this.next++) {
      const bucket = this.buckets.get(this.next);
      if (!bucket) continue;
      this.buckets.delete(this.next);
      for (const item of bucket) {
        this.bucketOf.delete(item);
        items.push(item);
      }
    }
    if (this.bucketOf.size === 0) this.stop();
    if (items.length > 0) this.due(items);
  }

  stop(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private second(at: number): number {
    return Math.floor(at / 1000);
  }
}
