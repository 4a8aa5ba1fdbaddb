import type { BallotWrite, BallotWriteResult, BallotRepository } from '../store/types';

interface Pending<W, R> {
  write: W;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups every write that arrives in one event-loop turn into one store transaction: one commit
 * (one fsync) for many voters instead of one per vote. Each caller's promise settles only after
 * that commit, so an acknowledged write is always a durable write. Ballots and Q&A upvotes use it.
 */
export class TurnBatcher<W, R> {
  private queue: Pending<W, R>[] = [];
  private scheduled = false;
  private inFlight: Promise<void> = Promise.resolve();

  /**
   * @param onCommitted runs synchronously for each result right after its commit, before any caller
   *   resumes: whoever learns of a commit (a closing poll, an ack) sees its effect already applied.
   */
  constructor(
    private readonly writeMany: (writes: readonly W[]) => Promise<R[]>,
    private readonly onCommitted: (result: R) => void = () => {},
  ) {}

  /** Queues one write; resolves with its outcome once the batch containing it has committed. */
  write(write: W): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Writes whatever is queued now; resolves when every queued write has settled. */
  async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return this.inFlight;
    // Batches commit in order, so a voter's later ballot never overtakes an earlier one.
    const run = this.inFlight.then(() => this.commit(batch));
    this.inFlight = run;
    return run;
  }

  /**
   * Runs a write that must not be batched with others (a survey's all-or-nothing transaction, a hide)
   * in the same order as the batches: after everything queued so far, before anything queued later.
   * The task applies its own effects right after its store call, as `onCommitted` does for batches.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    void this.flush();
    const run = this.inFlight.then(task);
    this.inFlight = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async commit(batch: Pending<W, R>[]): Promise<void> {
    try {
      const results = await this.writeMany(batch.map((p) => p.write));
      results.forEach(this.onCommitted);
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      batch.forEach((p) => p.reject(error));
    }
  }
}

/** Ballots of one turn in one `writeMany` transaction. */
export class BallotBatcher extends TurnBatcher<BallotWrite, BallotWriteResult> {
  constructor(ballots: BallotRepository, onCommitted?: (result: BallotWriteResult) => void) {
    super((writes) => ballots.writeMany(writes), onCommitted);
  }
}
