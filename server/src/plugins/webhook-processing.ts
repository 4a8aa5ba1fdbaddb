import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { Deauthorization } from '../services/deauthorization';
import { meetingEventHandler } from '../services/meeting-events';
import { ReportDeliveries } from '../services/report-deliveries';
import { ReportMailer } from '../services/report-mailer';
import { WebhookInbox } from '../services/webhook-inbox';
import type { InboxEvent, Store } from '../store/types';

declare module 'fastify' {
  interface FastifyInstance {
    webhookInbox: WebhookInbox;
    reportDeliveries: ReportDeliveries;
  }
}

/** Options for {@link webhookProcessingPlugin}; `smtpUrl` overrides the config's (the fake cloud's receiver in dev). */
export interface WebhookProcessingOptions {
  config: Config;
  store: Store;
  smtpUrl?: string;
  deauthorization: Pick<Deauthorization, 'run'>;
}

/** How long a process may take over one webhook event before another may try it. */
const INBOX_LEASE_MS = 120_000;

/** How often pending events that failed once are tried again without a new delivery to kick the inbox. */
const SWEEP_MS = 30_000;

/**
 * The work a webhook sets off after its 200: the inbox processor (meeting status, closing polls,
 * attendance, deauthorization) and the report deliveries. Picks up what a previous process left.
 */
export const webhookProcessingPlugin = fp<WebhookProcessingOptions>(
  async (app, { config, store, smtpUrl, deauthorization }) => {
    const mailUrl = smtpUrl ?? config.smtpUrl;
    const deliveries = new ReportDeliveries({
      store,
      mailer: mailUrl ? new ReportMailer(mailUrl, config.mailFrom) : undefined,
      webhookUrls: config.outgoingWebhookUrls,
      webhookSecret: config.outgoingWebhookSecret,
      retryDelaysMs: config.deliveryRetryDelaysMs,
      onError: (error, d) =>
        app.log.warn({ kind: d.kind, delivery: d.id, reason: (error as Error).message }, 'delivery failed for good'),
    });
    const inbox = new WebhookInbox({
      repo: store.webhooks,
      handle: meetingEventHandler({
        store,
        polls: app.polls,
        accounts: app.zoom.accounts,
        rest: app.zoom.rest,
        deliveries,
        deauthorization,
      }),
      onError: (error, event) =>
        app.log.error({ err: error, inboxId: event.id, event: event.event }, 'webhook event processing failed'),
      // One process handles each event (a meeting's end closes its polls and sends one report).
      ...(config.redisUrl ? { claim: (event: InboxEvent) => app.lease.take(`inbox:${event.id}`, INBOX_LEASE_MS) } : {}),
    });
    app.decorate('webhookInbox', inbox);
    app.decorate('reportDeliveries', deliveries);

    let sweep: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      inbox.kick();
      sweep = setInterval(() => inbox.kick(), SWEEP_MS);
      sweep.unref();
    });
    app.addHook('preClose', async () => {
      clearInterval(sweep);
      await inbox.stop();
      await deliveries.close();
    });
  },
  { name: 'webhook-processing', dependencies: ['realtime', 'zoom-cloud'] },
);
