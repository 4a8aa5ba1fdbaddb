import type { AppError, Receipt, Result, SubmitBallots } from '@quorum/shared';
import { memoryOutboxStore, type OutboxStore } from './outbox-store';

/** A fresh clientBallotId: 32 characters of [0-9a-f], inside the protocol's 8–64 [A-Za-z0-9_-]. */
export function newClientBallotId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface OutboxIo {
  /** Sends one submission (`ballot:submit`); resolves with the ack, rejects when no ack came (offline, timeout). */
  send(submission: SubmitBallots): Promise<Result<{ receipts: Receipt[] }>>;
  onReceipts(receipts: Receipt[], submission: SubmitBallots): void;
  onRejected(submission: SubmitBallots, error: AppError): void;
}

/**
 * Ballot submissions sent but not yet acknowledged: one per submit, all the poll's answers in it.
 * Each keeps its clientBallotId for life, so re-sending after a reconnect or a reload is harmless (the
 * server answers a repeat with the same receipts). An ack — success or error — is the only thing that
 * removes one. The store keeps them across reloads (per meeting and voter); it starts with what it holds.
 */
export class BallotOutbox {
  private pending = new Map<string, SubmitBallots>();
  private view: readonly SubmitBallots[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly io: OutboxIo,
    private readonly newId: () => string = newClientBallotId,
    private readonly store: OutboxStore = memoryOutboxStore(),
  ) {
    // Sent on the first connect's flush, not now: the link is not open yet.
    for (const submission of store.load()) this.pending.set(submission.clientBallotId, submission);
    this.view = [...this.pending.values()];
  }

  /** Queues a submission and sends it now; returns its clientBallotId. */
  submit(input: Omit<SubmitBallots, 'clientBallotId'>): string {
    const submission: SubmitBallots = { ...input, clientBallotId: this.newId() };
    this.pending.set(submission.clientBallotId, submission);
    this.changed();
    this.attempt(submission);
    return submission.clientBallotId;
  }

  /** Re-sends every unacknowledged submission; call on every (re)connect. */
  flush(): void {
    for (const submission of this.pending.values()) this.attempt(submission);
  }

  /** The unacknowledged submissions (a stable array between changes, for useSyncExternalStore). */
  getSnapshot = (): readonly SubmitBallots[] => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while any submission for this poll awaits its ack. */
  isSending(pollId: string): boolean {
    return this.view.some((s) => s.pollId === pollId);
  }

  private attempt(submission: SubmitBallots): void {
    this.io.send(submission).then(
      (result) => {
        // A repeat ack for a submission already settled by an earlier attempt changes nothing.
        if (!this.pending.delete(submission.clientBallotId)) return;
        this.changed();
        if (result.ok) this.io.onReceipts(result.data.receipts, submission);
        else this.io.onRejected(submission, result.error);
      },
      () => {
        // No ack: keep it; the next connect re-sends it with the same clientBallotId.
      },
    );
  }

  private changed(): void {
    this.view = [...this.pending.values()];
    this.store.save(this.view);
    this.listeners.forEach((l) => l());
  }
}
