import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppError } from '@quorum/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { KeyedBuckets } from '../realtime/rate-limiter';
import type { Store, WebhookAuditRecord } from '../store/types';
import { ipAllowList } from '../zoom/ip-allow-list';
import {
  urlValidationPayloadSchema,
  webhookEnvelopeSchema,
  withoutSecrets,
  type WebhookEnvelope,
} from '../zoom/webhook-events';
import {
  urlValidationAnswer,
  verifySignature,
  ZOOM_SIGNATURE_HEADER,
  ZOOM_TIMESTAMP_HEADER,
} from '../zoom/webhook-signature';

/** Options for {@link zoomWebhookRoutes}; `now` is injectable for tests. */
export interface ZoomWebhookRoutesOptions {
  config: Config;
  store: Store;
  /** Called after an event was stored, so processing starts once the 200 is on its way. */
  onStored: () => void;
  now?: () => number;
}

/** How often old audit rows are purged and idle per-address budgets forgotten. */
const HOUSEKEEPING_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Largest webhook body accepted; Zoom's meeting events are a few KB. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

type Rejection = { status: number; error: AppError; reason: string };

const rejection = (status: number, code: AppError['code'], reason: string): Rejection => ({
  status,
  error: { code, message: `webhook rejected: ${reason}` },
  reason,
});

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '', 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `POST /api/zoom/webhooks`: verifies the signature over the raw bytes, answers url_validation, and
 * otherwise stores the event in the durable inbox and answers 200 at once; the processor runs after.
 * Every request leaves an audit record (never a header value, token or payload).
 */
export const zoomWebhookRoutes: FastifyPluginAsync<ZoomWebhookRoutesOptions> = async (app, opts) => {
  const { config, store } = opts;
  const now = opts.now ?? Date.now;
  const allowed = ipAllowList(config.zoomWebhookAllowedCidrs);
  // Refusals cost a row each; an address past its budget is answered without one (Zoom is never refused).
  const refusals = new KeyedBuckets(config.zoomWebhookRejectionsPerMin, 60_000, now);
  const housekeeping = async () => {
    refusals.sweep();
    const purged = await store.webhooks.purgeAuditBefore(now() - config.webhookAuditRetentionDays * DAY_MS);
    if (purged > 0) app.log.info({ purged }, 'webhook audit rows past retention deleted');
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(
      () => void housekeeping().catch((error: unknown) => app.log.warn({ err: error }, 'webhook audit purge failed')),
      HOUSEKEEPING_MS,
    );
    timer.unref();
    await housekeeping();
  });
  app.addHook('onClose', async () => clearInterval(timer));

  // Scoped to this plugin: the body stays the exact bytes Zoom signed, whatever the content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  /** The checks before the body may be trusted; the raw bytes when they pass. */
  const authenticate = (req: FastifyRequest, at: number): Rejection | Buffer => {
    if (!allowed(req.ip)) return rejection(403, 'FORBIDDEN', 'source address not allowed');
    if (
      config.zoomVerificationToken !== undefined &&
      !sameSecret(req.headers.authorization, config.zoomVerificationToken)
    ) {
      return rejection(401, 'UNAUTHENTICATED', 'verification token mismatch');
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const header = (name: string) =>
      typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined;
    const check = verifySignature({
      secret: config.zoomWebhookSecretToken,
      timestamp: header(ZOOM_TIMESTAMP_HEADER),
      signature: header(ZOOM_SIGNATURE_HEADER),
      body,
      nowMs: at,
      maxAgeSec: config.zoomWebhookMaxAgeSec,
      // Zoom retries an unacknowledged event 5, 20 and 60 minutes later (85 minutes after the first
      // attempt), and its docs do not say that a retry is re-signed with a fresh timestamp (see
      // fake-webhook-sender.ts), so a retry may carry the original one: it must still verify. A
      // replay inside this window is stopped by the inbox's event key, not by the clock.
      retryWindowSec: config.zoomWebhookRetryWindowSec,
    });
    return check.ok ? body : rejection(401, 'UNAUTHENTICATED', check.reason);
  };

  app.post('/api/zoom/webhooks', async (req, reply) => {
    const at = now();
    const trackingId =
      typeof req.headers['x-zm-trackingid'] === 'string' ? req.headers['x-zm-trackingid'].slice(0, 200) : null;
    const audit = (record: Pick<WebhookAuditRecord, 'event' | 'outcome' | 'reason'>) =>
      store.webhooks.audit({ receivedAt: at, trackingId, sourceIp: req.ip, ...record });
    const refuse = async (r: Rejection, event: string | null = null) => {
      if (!refusals.take(req.ip ?? '')) {
        const error: AppError = {
          code: 'RATE_LIMITED',
          message: 'webhook rejected: too many refused requests from this address; try again in a minute',
        };
        return reply.code(429).send({ error });
      }
      await audit({ event, outcome: 'rejected', reason: r.reason });
      req.log.info({ reason: r.reason }, 'webhook rejected');
      return reply.code(r.status).send({ error: r.error });
    };

    const body = authenticate(req, at);
    if (!Buffer.isBuffer(body)) return refuse(body);
    const envelope = parseEnvelope(body);
    if (!envelope) return refuse(rejection(400, 'INVALID', 'body is not a JSON webhook event'));

    if (envelope.event === 'endpoint.url_validation') {
      const payload = urlValidationPayloadSchema.safeParse(envelope.payload);
      if (!payload.success)
        return refuse(rejection(400, 'INVALID', 'url_validation without plainToken'), envelope.event);
      await audit({ event: envelope.event, outcome: 'validated', reason: null });
      return reply.code(200).send(urlValidationAnswer(config.zoomWebhookSecretToken, payload.data.plainToken));
    }
    return accept(reply, envelope, trackingId, at, audit);
  });

  const accept = async (
    reply: FastifyReply,
    envelope: WebhookEnvelope,
    trackingId: string | null,
    at: number,
    audit: (r: Pick<WebhookAuditRecord, 'event' | 'outcome' | 'reason'>) => Promise<void>,
  ) => {
    const payload = JSON.stringify(withoutSecrets(envelope.payload));
    // Without a tracking id, a redelivery is the same event at the same time with the same payload.
    const eventKey = `${envelope.event}:${envelope.event_ts ?? ''}:${createHash('sha256').update(payload).digest('base64url')}`;
    const id = await store.webhooks.enqueue({
      event: envelope.event,
      eventTs: envelope.event_ts ?? null,
      trackingId,
      eventKey,
      payload,
      receivedAt: at,
    });
    await audit({ event: envelope.event, outcome: id === undefined ? 'duplicate' : 'accepted', reason: null });
    if (id !== undefined) opts.onStored();
    return reply.code(200).send({ received: true, duplicate: id === undefined });
  };
};

function parseEnvelope(body: Buffer): WebhookEnvelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = webhookEnvelopeSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
