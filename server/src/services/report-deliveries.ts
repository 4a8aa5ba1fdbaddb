import { randomUUID } from 'node:crypto';
import type { DeliveryRecord, Store } from '../store/types';
import { signatureHeaders } from '../zoom/webhook-signature';
import type { MeetingReport } from './meeting-report';
import type { ReportMailer } from './report-mailer';

/** Headers of Quorum's own signed webhooks: the same `v0:{ts}:{body}` HMAC scheme as Zoom's. */
export const OUTGOING_SIGNATURE_HEADER = 'x-quorum-signature';
export const OUTGOING_TIMESTAMP_HEADER = 'x-quorum-request-timestamp';

/** What {@link ReportDeliveries} needs; `retryDelaysMs` = waits between attempts. */
export interface ReportDeliveriesDeps {
  store: Store;
  mailer: ReportMailer | undefined;
  webhookUrls: readonly string[];
  webhookSecret: string;
  retryDelaysMs: readonly number[];
  onError: (error: unknown, delivery: DeliveryRecord) => void;
  now?: () => number;
  fetch?: typeof fetch;
}

/**
 * Sends a meeting report by email and to every outgoing webhook, all in parallel, each retried with
 * growing waits; every attempt is recorded so the host can see what failed (`GET /api/deliveries`).
 */
export class ReportDeliveries {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private readonly now: () => number;
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: ReportDeliveriesDeps) {
    this.now = deps.now ?? Date.now;
    this.fetch = deps.fetch ?? globalThis.fetch;
  }

  /** Starts every delivery of a report without waiting for them. */
  dispatch(report: MeetingReport, hostEmail: string | null): void {
    const jobs: Promise<void>[] = this.deps.webhookUrls.map((url) =>
      this.deliver(report.meeting.uuid, 'webhook', url, (id) => this.post(url, id, report)),
    );
    if (this.deps.mailer && hostEmail) {
      const mailer = this.deps.mailer;
      jobs.push(this.deliver(report.meeting.uuid, 'email', hostEmail, () => mailer.send(hostEmail, report)));
    } else if (this.deps.mailer) {
      jobs.push(
        this.skip(report.meeting.uuid, 'the host has not authorized Quorum, so their email address is unknown'),
      );
    }
    for (const job of jobs) {
      this.inFlight.add(job);
      void job.finally(() => this.inFlight.delete(job));
    }
  }

  /** Resolves when nothing is being delivered (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Cuts retry waits short (shutdown); deliveries still waiting stay recorded as pending. */
  async close(): Promise<void> {
    this.abort.abort();
    await this.idle();
    this.deps.mailer?.close();
  }

  private async deliver(
    meetingUuid: string,
    kind: DeliveryRecord['kind'],
    target: string,
    attempt: (id: string) => Promise<void>,
  ): Promise<void> {
    const at = this.now();
    const record: DeliveryRecord = {
      id: randomUUID(),
      meetingUuid,
      kind,
      target,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: at,
      updatedAt: at,
    };
    await this.deps.store.deliveries.insert(record);
    for (let i = 0; ; i++) {
      record.attempts++;
      try {
        await attempt(record.id);
        return await this.save(record, 'delivered', null);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const last = i >= this.deps.retryDelaysMs.length;
        await this.save(record, last ? 'failed' : 'pending', message.slice(0, 500));
        if (last) return this.deps.onError(error, record);
        if (!(await this.wait(this.deps.retryDelaysMs[i] ?? 0))) return;
      }
    }
  }

  private async save(
    record: DeliveryRecord,
    status: DeliveryRecord['status'],
    lastError: string | null,
  ): Promise<void> {
    Object.assign(record, { status, lastError, updatedAt: this.now() });
    await this.deps.store.deliveries.update(record.id, {
      status,
      attempts: record.attempts,
      lastError,
      updatedAt: record.updatedAt,
    });
  }

  private async skip(meetingUuid: string, why: string): Promise<void> {
    const at = this.now();
    await this.deps.store.deliveries.insert({
      id: randomUUID(),
      meetingUuid,
      kind: 'email',
      target: 'host',
      status: 'skipped',
      attempts: 0,
      lastError: why,
      createdAt: at,
      updatedAt: at,
    });
  }

  /** One signed POST; anything but 2xx within 10 s is a failed attempt. */
  private async post(url: string, deliveryId: string, report: MeetingReport): Promise<void> {
    const body = JSON.stringify({
      event: 'quorum.meeting_report',
      deliveryId,
      sentAt: new Date(this.now()).toISOString(),
      report,
    });
    const { timestamp, signature } = signatureHeaders(this.deps.webhookSecret, body, this.now());
    const res = await this.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [OUTGOING_TIMESTAMP_HEADER]: timestamp,
        [OUTGOING_SIGNATURE_HEADER]: signature,
        'x-quorum-delivery-id': deliveryId,
      },
      body,
      signal: AbortSignal.any([AbortSignal.timeout(10_000), this.abort.signal]),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`receiver answered HTTP ${res.status}`);
  }

  /** Waits, unless shutdown cuts it short; false means "stop". */
  private wait(ms: number): Promise<boolean> {
    if (this.abort.signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(true), ms);
      this.abort.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve(false);
        },
        { once: true },
      );
    });
  }
}
