import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { loggerOptions, type LogStream } from './logger';
import { errorHandlerPlugin, frameworkError } from './plugins/error-handler';
import { realtimePlugin } from './plugins/realtime';
import { securityHeadersPlugin } from './plugins/security-headers';
import { sessionPlugin } from './plugins/session';
import { webhookProcessingPlugin } from './plugins/webhook-processing';
import { zoomCloudPlugin } from './plugins/zoom-cloud';
import { deliveryRoutes } from './routes/deliveries';
import { healthRoutes } from './routes/health';
import { homeRoutes } from './routes/home';
import { pollRoutes } from './routes/polls';
import { reportRoutes } from './routes/report';
import { sessionRoutes } from './routes/session';
import { templateRoutes } from './routes/templates';
import { zoomInstallRoutes } from './routes/zoom-install';
import { zoomOAuthRoutes } from './routes/zoom-oauth';
import { zoomWebhookRoutes } from './routes/zoom-webhooks';
import { createFakeZoomCloud, fakeCloudOptions } from './sim/fake-zoom-cloud';
import { simRoutes } from './sim/sim-routes';
import { openStore } from './store/open-store';
import type { Store } from './store/types';

/** What tests and alternative deployments may inject instead of what the config names. */
export interface AppDeps {
  store?: Store;
  /** Receives the log lines instead of stdout (a test that checks nothing secret is logged). */
  logStream?: LogStream;
}

/** Largest HTTP body accepted: a session request is ~1 KB, a poll a few KB. */
const BODY_LIMIT_BYTES = 64 * 1024;

/** Fastify's trustProxy for the setting; a hop count as the function Fastify's types accept. */
function trustProxyOption(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/**
 * Builds the whole app without listening: plugins in an explicit order, so tests get exactly the
 * production wiring on an ephemeral port.
 */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, deps.logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustProxyOption(config.trustProxy),
    frameworkErrors: frameworkError,
  });
  const store = deps.store ?? (await openStore(config.databaseUrl, config.databaseSchema === undefined ? {} : { schema: config.databaseSchema }));
  if (!deps.store) app.addHook('onClose', () => store.close());

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { config });
  await app.register(sessionPlugin, { config });
  await app.register(realtimePlugin, { config, store });
  await app.register(zoomCloudPlugin, { config, store });
  // Outside production a fake Zoom cloud stands in for zoom.us and api.zoom.us (config points there
  // by default) and catches the report email, so the whole flow runs offline.
  const fakeCloud = config.isProduction ? undefined : await createFakeZoomCloud(fakeCloudOptions(config));
  if (fakeCloud) app.addHook('onClose', () => fakeCloud.close());
  await app.register(webhookProcessingPlugin, { config, store, smtpUrl: config.smtpUrl ?? fakeCloud?.smtpUrl });

  await app.register(healthRoutes, { store });
  await app.register(sessionRoutes, { config, onGuestSignedIn: (guest, user, meetingId) => app.polls.ballots.adoptGuestBallots(guest, user, meetingId) });
  await app.register(pollRoutes, { store });
  await app.register(templateRoutes, { store });
  await app.register(reportRoutes, { store });
  await app.register(zoomOAuthRoutes, { config, store });
  await app.register(zoomInstallRoutes, { config });
  await app.register(zoomWebhookRoutes, { config, store, onStored: () => app.webhookInbox.kick() });
  await app.register(deliveryRoutes, { store });
  await app.register(homeRoutes, { config });
  // The simulator frames the app as several people; it is a developer tool, never served in production.
  if (fakeCloud) {
    await app.register(simRoutes, { config });
    await app.register(fakeCloud.routes, { prefix: '/sim/zoom' });
  }
  return app;
}
