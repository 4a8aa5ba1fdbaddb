import { simZoomEventRequestSchema, type SimOutbox } from '@quorum/shared';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config';
import { fakeZoomApiRoutes } from './fake-zoom-api';
import { buildFakeEvent } from './fake-zoom-events';
import { fakeZoomOAuthRoutes } from './fake-zoom-oauth';
import { FakeOutbox } from './fake-outbox';
import { FakeZoomState } from './fake-zoom-state';
import { FakeWebhookSender, ZOOM_RETRY_DELAYS_MS, type RetryTimestamp } from './fake-webhook-sender';

/** Settings of the fake cloud: the app it serves, and knobs tests scale down. */
export interface FakeZoomCloudOptions {
  clientId: string;
  clientSecret: string;
  webhookSecretToken: string;
  outgoingWebhookSecret: string;
  /** The app's webhook route (may change after the app has a port). */
  webhookUrl: string;
  retryDelaysMs?: readonly number[];
  webhookTimeoutMs?: number;
  /** Whether a retry keeps the first attempt's timestamp (default) or is re-signed. */
  retryTimestamp?: RetryTimestamp;
  accessTokenTtlSec?: number;
  autoCreateMeetings?: boolean;
  /** Start the SMTP receiver (default true). */
  smtp?: boolean;
  now?: () => number;
}

/** A running fake cloud: mount `routes` under `/sim/zoom`; `close()` stops SMTP and pending retries. */
export interface FakeZoomCloud {
  state: FakeZoomState;
  sender: FakeWebhookSender;
  outbox: FakeOutbox;
  smtpUrl: string | undefined;
  routes: FastifyPluginAsync;
  setWebhookUrl(url: string): void;
  close(): Promise<void>;
}

const registerMeetingSchema = z.strictObject({
  uuid: z.string().min(1).max(200),
  topic: z.string().max(200).optional(),
  hostId: z.string().min(1).max(100).optional(),
});
const registerUserSchema = z.strictObject({
  uid: z.string().min(1).max(100),
  name: z.string().min(1).max(100).optional(),
  email: z.string().max(200).optional(),
});
const invalid = (message: string) => ({ error: { code: 'INVALID', message } });

/** The fake cloud as the dev server mounts it: Zoom's retry schedule in minutes becomes seconds. */
export function fakeCloudOptions(config: Config): FakeZoomCloudOptions {
  return {
    clientId: config.zoomClientId,
    clientSecret: config.zoomClientSecret,
    webhookSecretToken: config.zoomWebhookSecretToken,
    outgoingWebhookSecret: config.outgoingWebhookSecret,
    webhookUrl: `${config.publicUrl}/api/zoom/webhooks`,
    retryDelaysMs: ZOOM_RETRY_DELAYS_MS.map((ms) => ms / 60),
  };
}

/** Creates the fake Zoom cloud (OAuth, REST, webhook sender, SMTP and webhook receivers). */
export async function createFakeZoomCloud(opts: FakeZoomCloudOptions): Promise<FakeZoomCloud> {
  const now = opts.now ?? Date.now;
  let webhookUrl = opts.webhookUrl;
  const state = new FakeZoomState({
    now,
    ...(opts.accessTokenTtlSec ? { accessTokenTtlSec: opts.accessTokenTtlSec } : {}),
  });
  const sender = new FakeWebhookSender({
    secretToken: opts.webhookSecretToken,
    target: () => webhookUrl,
    now,
    ...(opts.retryDelaysMs ? { retryDelaysMs: opts.retryDelaysMs } : {}),
    ...(opts.webhookTimeoutMs ? { timeoutMs: opts.webhookTimeoutMs } : {}),
    ...(opts.retryTimestamp ? { retryTimestamp: opts.retryTimestamp } : {}),
  });
  const outbox = new FakeOutbox(opts.outgoingWebhookSecret, now);
  const smtpUrl = opts.smtp === false ? undefined : await outbox.startSmtp();

  const routes: FastifyPluginAsync = async (app) => {
    // Zoom's token endpoint and the consent form post form bodies; scoped to the fake cloud only.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    await app.register(fakeZoomOAuthRoutes, { state, clientId: opts.clientId, clientSecret: opts.clientSecret });
    await app.register(fakeZoomApiRoutes, {
      prefix: '/v2',
      state,
      autoCreateMeetings: opts.autoCreateMeetings ?? true,
    });
    await app.register(outgoingReceiver(outbox));

    app.post('/events', async (req, reply) => {
      const input = simZoomEventRequestSchema.safeParse(req.body);
      if (!input.success) return reply.code(400).send(invalid(input.error.issues[0]?.message ?? 'invalid event'));
      const built = buildFakeEvent(state, input.data, now(), opts.clientId);
      if (!built.ok) return reply.code(400).send(invalid(built.message));
      return { sent: await sender.send(built.envelope) };
    });
    app.post('/meetings', async (req, reply) => {
      const input = registerMeetingSchema.safeParse(req.body);
      if (!input.success) return reply.code(400).send(invalid(input.error.issues[0]?.message ?? 'invalid meeting'));
      const { participants: _p, ...meeting } = state.upsertMeeting(input.data);
      return meeting;
    });
    app.post('/users', async (req, reply) => {
      const input = registerUserSchema.safeParse(req.body);
      if (!input.success) return reply.code(400).send(invalid(input.error.issues[0]?.message ?? 'invalid user'));
      return state.user(input.data.uid, input.data.name, input.data.email);
    });
    app.get('/outbox', async (_req, reply): Promise<SimOutbox> => {
      reply.header('cache-control', 'no-store');
      return { emails: outbox.emails, webhooks: outbox.webhooks, sentEvents: [...sender.list()] };
    });
  };

  return {
    state,
    sender,
    outbox,
    smtpUrl,
    routes,
    setWebhookUrl: (url) => void (webhookUrl = url),
    close: async () => {
      sender.close();
      await outbox.close();
    },
  };
}

/** `POST /hooks/:name?fail=N`: a receiver for Quorum's outgoing webhooks, reading the exact bytes signed. */
function outgoingReceiver(outbox: FakeOutbox): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.post<{ Params: { name: string }; Querystring: { fail?: string } }>('/hooks/:name', async (req, reply) => {
      const failFirst = Number(req.query.fail ?? '0') || 0;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
      const status = outbox.receiveWebhook(
        req.params.name,
        failFirst,
        headers,
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      );
      return reply.code(status).send({ received: status === 200 });
    });
  };
}
