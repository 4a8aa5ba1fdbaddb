import { randomUUID } from 'node:crypto';
import { signatureHeaders, ZOOM_SIGNATURE_HEADER, ZOOM_TIMESTAMP_HEADER } from '../zoom/webhook-signature';

/** Zoom's documented schedule: retries 5, 20 and 60 minutes after the previous attempt. */
export const ZOOM_RETRY_DELAYS_MS = [5 * 60_000, 20 * 60_000, 60 * 60_000];

/** One event the fake cloud sent, with every attempt. */
export interface SentEvent {
  id: string;
  event: string;
  target: string;
  attempts: { at: number; status: number | null; error: string | null }[];
  delivered: boolean;
  pendingRetry: boolean;
}

/** Options of {@link FakeWebhookSender}; the delays are scaled down in tests and in the dev simulator. */
export interface FakeWebhookSenderOptions {
  secretToken: string;
  target: () => string;
  retryDelaysMs?: readonly number[];
  /** Zoom counts a delivery only when 200/204 arrives within 3 s. */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * Sends signed webhooks the way Zoom does: `x-zm-signature` over the exact body, a fresh timestamp
 * per attempt, the same `x-zm-trackingid` on every retry, and retries when the app does not answer
 * 200 or 204 in time.
 */
export class FakeWebhookSender {
  private readonly sent: SentEvent[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;

  constructor(private readonly opts: FakeWebhookSenderOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Sends an event; resolves after the first attempt (retries continue in the background). */
  async send(envelope: { event: string } & Record<string, unknown>): Promise<SentEvent> {
    const record: SentEvent = { id: randomUUID(), event: envelope.event, target: this.opts.target(), attempts: [], delivered: false, pendingRetry: false };
    this.sent.push(record);
    await this.attempt(record, JSON.stringify(envelope), 0);
    return record;
  }

  /** Everything sent so far, oldest first. */
  list(): readonly SentEvent[] {
    return this.sent;
  }

  /** Cancels pending retries. */
  close(): void {
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  private async attempt(record: SentEvent, body: string, retry: number): Promise<void> {
    const { timestamp, signature } = signatureHeaders(this.opts.secretToken, body, this.now());
    const entry: SentEvent['attempts'][number] = { at: this.now(), status: null, error: null };
    record.attempts.push(entry);
    try {
      const res = await fetch(record.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Zoom Marketplace/1.0a',
          [ZOOM_TIMESTAMP_HEADER]: timestamp,
          [ZOOM_SIGNATURE_HEADER]: signature,
          'x-zm-trackingid': record.id,
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 3000),
      });
      entry.status = res.status;
      await res.body?.cancel();
      record.delivered = res.status === 200 || res.status === 204;
    } catch (error) {
      entry.error = error instanceof Error && error.name === 'TimeoutError' ? 'no answer in time' : String((error as Error).message ?? error);
    }
    this.scheduleRetry(record, body, retry);
  }

  private scheduleRetry(record: SentEvent, body: string, retry: number): void {
    const delay = (this.opts.retryDelaysMs ?? ZOOM_RETRY_DELAYS_MS)[retry];
    record.pendingRetry = !record.delivered && delay !== undefined;
    if (!record.pendingRetry || delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(record, body, retry + 1);
    }, delay);
    this.timers.add(timer);
  }
}
