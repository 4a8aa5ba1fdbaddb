import { randomUUID } from 'node:crypto';
import { signatureHeaders, ZOOM_SIGNATURE_HEADER, ZOOM_TIMESTAMP_HEADER } from '../zoom/webhook-signature';

/**
 * Zoom's documented schedule: retries 5, 20 and 60 minutes after the previous attempt, when no 200/204
 * came back within 3 s (developers.zoom.us/blog/webhook-delays; devsupport.zoom.us article
 * 360059893812 "Webhook delays").
 */
export const ZOOM_RETRY_DELAYS_MS = [5 * 60_000, 20 * 60_000, 60 * 60_000];

/**
 * Which `x-zm-request-timestamp` a retry carries. Zoom's docs (the two pages above, and the webhook
 * reference at developers.zoom.us/docs/api/webhooks) describe the schedule and the signature but do not
 * say whether a retry is re-signed with a fresh timestamp or re-sent as it was, so the app must accept
 * both: 'original' (the first attempt's timestamp and signature, byte for byte: the harder case, and
 * the default here) and 'fresh' (re-signed at each attempt). Body and x-zm-trackingid never change.
 */
export type RetryTimestamp = 'original' | 'fresh';

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
  /** See {@link RetryTimestamp}; 'original' by default. */
  retryTimestamp?: RetryTimestamp;
  now?: () => number;
}

/**
 * Sends signed webhooks the way Zoom does: `x-zm-signature` over the exact body, the same body and
 * `x-zm-trackingid` on every retry (with the timestamp {@link RetryTimestamp} says), and retries when
 * the app does not answer 200 or 204 in time.
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
    const record: SentEvent = {
      id: randomUUID(),
      event: envelope.event,
      target: this.opts.target(),
      attempts: [],
      delivered: false,
      pendingRetry: false,
    };
    this.sent.push(record);
    const body = JSON.stringify(envelope);
    await this.attempt(record, body, 0, signatureHeaders(this.opts.secretToken, body, this.now()));
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

  private async attempt(
    record: SentEvent,
    body: string,
    retry: number,
    first: { timestamp: string; signature: string },
  ): Promise<void> {
    const fresh = retry > 0 && this.opts.retryTimestamp === 'fresh';
    const { timestamp, signature } = fresh ? signatureHeaders(this.opts.secretToken, body, this.now()) : first;
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
      entry.error =
        error instanceof Error && error.name === 'TimeoutError'
          ? 'no answer in time'
          : String((error as Error).message ?? error);
    }
    this.scheduleRetry(record, body, retry, first);
  }

  private scheduleRetry(
    record: SentEvent,
    body: string,
    retry: number,
    first: { timestamp: string; signature: string },
  ): void {
    const delay = (this.opts.retryDelaysMs ?? ZOOM_RETRY_DELAYS_MS)[retry];
    record.pendingRetry = !record.delivered && delay !== undefined;
    if (!record.pendingRetry || delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(record, body, retry + 1, first);
    }, delay);
    this.timers.add(timer);
  }
}
