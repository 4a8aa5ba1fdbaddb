import type { AppError, CastBallot, Receipt, Result } from '@quorum/shared';

/** A fresh clientBallotId: 32 characters of [0-9a-f], inside the protocol's 8–64 [A-Za-z0-9_-]. */
export function newClientBallotId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface OutboxIo {
  /** Sends one ballot; resolves with the ack, rejects when no ack came (offline, timeout). */
  send(cast: CastBallot): Promise<Result<{ receipt: Receipt }>>;
  onReceipt(receipt: Receipt): void;
  onRejected(cast: CastBallot, error: AppError): void;
}

/**
 * Ballots cast but not yet acknowledged. Each keeps its clientBallotId for life, so re-sending after a
 * reconnect is harmless (the server answers a repeat with the same receipt). An ack — success or
 * error — is the only thing that removes a ballot.
 */
export class BallotOutbox {
  private pending = new Map<string, CastBallot>();
  private view: readonly CastBallot[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly io: OutboxIo,
    private readonly newId: () => string = newClientBallotId,
  ) {}

  /** Queues a ballot and sends it now; returns its clientBallotId. */
  submit(input: Omit<CastBallot, 'clientBallotId'>): string {
    const cast: CastBallot = { ...input, clientBallotId: this.newId() };
    this.pending.set(cast.clientBallotId, cast);
    this.changed();
    this.attempt(cast);
    return cast.clientBallotId;
  }

  /** Re-sends every unacknowledged ballot; call on every (re)connect. */
  flush(): void {
    for (const cast of this.pending.values()) this.attempt(cast);
  }

  /** The unacknowledged ballots (a stable array between changes, for useSyncExternalStore). */
  getSnapshot = (): readonly CastBallot[] => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while any ballot of this poll awaits its ack. */
  isSending(pollId: string): boolean {
    return this.view.some((c) => c.pollId === pollId);
  }

  private attempt(cast: CastBallot): void {
    this.io.send(cast).then(
      (result) => {
        // A repeat ack for a ballot already settled by an earlier attempt changes nothing.
        if (!this.pending.delete(cast.clientBallotId)) return;
        this.changed();
        if (result.ok) this.io.onReceipt(result.data.receipt);
        else this.io.onRejected(cast, result.error);
      },
      () => {
        // No ack: keep it; the next connect re-sends it with the same clientBallotId.
      },
    );
  }

  private changed(): void {
    this.view = [...this.pending.values()];
    this.listeners.forEach((l) => l());
  }
}
