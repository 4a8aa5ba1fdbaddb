import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { loggerOptions, type LogStream } from './logger';
import { warnAboutLegacySettings } from './startup-warnings';
import { deauthorizationFor, loadRevocations } from './plugins/deauthorization';
import { errorHandlerPlugin, frameworkError } from './plugins/error-handler';
import { realtimePlugin } from './plugins/realtime';
import { requestOriginPlugin } from './plugins/request-origin';
import { schemaRoutesPlugin } from './plugins/schema-routes';
import { securityHeadersPlugin } from './plugins/security-headers';
import { sessionPlugin } from './plugins/session';
import { webhookProcessingPlugin } from './plugins/webhook-processing';
import { zoomCloudPlugin } from './plugins/zoom-cloud';
import { deliveryRoutes } from './routes/deliveries';
import { healthRoutes } from './routes/health';
import { homeRoutes } from './routes/home';
import { pollRoutes } from './routes/polls';
import { qaExportRoutes } from './routes/qa-exports';
import { reportRoutes } from './routes/report';
import { sessionRoutes } from './routes/session';
import { createSessionOpener } from './session/session-opener';
import { templateRoutes } from './routes/templates';
import { zoomInstallRoutes } from './routes/zoom-install';
import { zoomOAuthRoutes } from './routes/zoom-oauth';
import { zoomWebhookRoutes } from './routes/zoom-webhooks';
import type { DevZoom } from './sim/dev-zoom';
import { openStore } from './store/open-store';
import type { Store } from './store/types';

/** What tests and alternative deployments may inject instead of what the config names. */
export interface AppDeps {
  store?: Store;
  /** Receives the log lines instead of stdout (a test that checks nothing secret is logged). */
  logStream?: LogStream;
}

/**
 * `false` in the production bundle (vite.config.ts `define`), so the bundler drops the simulator's import
 * and none of its code ships; undefined when the server runs from source (`npm start`, tests).
 */
declare const __QUORUM_DEV_TOOLS__: boolean | undefined;

/** The simulator and fake Zoom cloud: developer tools, loaded only outside production and never bundled into it. */
async function startDevZoom(config: Config): Promise<DevZoom | undefined> {
  // A constant condition once bundled, so the whole branch (and the import's chunk) is dropped.
  if (typeof __QUORUM_DEV_TOOLS__ === 'undefined' || __QUORUM_DEV_TOOLS__) {
    if (!config.isProduction) return (await import('./sim/dev-zoom')).startDevZoom(config);
  }
  return undefined;
}

/** Largest HTTP body accepted: a session request is ~1 KB, a poll a few KB. */
const BODY_LIMIT_BYTES = 64 * 1024;

/** Fastify's trustProxy for the setting; a hop count as the function Fastify's types accept. */
function trustProxyOption(
  setting: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
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
  const store =
    deps.store ??
    (await openStore(config.databaseUrl, config.databaseSchema === undefined ? {} : { schema: config.databaseSchema }));
  if (!deps.store) app.addHook('onClose', () => store.close());
  warnAboutLegacySettings(app.log, config);
  const revocations = await loadRevocations(app, config, store);

  await app.register(errorHandlerPlugin);
  await app.register(schemaRoutesPlugin);
  await app.register(securityHeadersPlugin, { config });
  await app.register(requestOriginPlugin, { config });
  await app.register(sessionPlugin, { config, isRevoked: (session) => revocations.isRevoked(session) });
  await app.register(realtimePlugin, { config, store });
  await app.register(zoomCloudPlugin, { config, store });
  // Outside production a fake Zoom cloud stands in for zoom.us and api.zoom.us (config points there
  // by default) and catches the report email, so the whole flow runs offline.
  const devZoom = await startDevZoom(config);
  if (devZoom) app.addHook('onClose', () => devZoom.close());
  const deauthorization = deauthorizationFor(app, config, store, revocations);
  await app.register(webhookProcessingPlugin, {
    config,
    store,
    smtpUrl: config.smtpUrl ?? devZoom?.smtpUrl,
    deauthorization,
  });

  await app.register(healthRoutes, { store });
  const opener = createSessionOpener({
    config,
    onGuestSignedIn: async (guest, user, meetingId) => {
      await app.polls.ballots.adoptGuestBallots(guest, user, meetingId);
      await app.qa.transferVoter(guest, user, meetingId);
    },
    onUserSession: (uid, voterId, meetingId) => deauthorization.reclaimBallots(uid, voterId, meetingId),
  });
  await app.register(sessionRoutes, { opener });
  await app.register(pollRoutes, { store });
  await app.register(templateRoutes, { store });
  await app.register(reportRoutes, { store });
  await app.register(qaExportRoutes, { store });
  await app.register(zoomOAuthRoutes, { config, store });
  await app.register(zoomInstallRoutes, { config });
  await app.register(zoomWebhookRoutes, { config, store, onStored: () => app.webhookInbox.kick() });
  await app.register(deliveryRoutes, { store });
  await app.register(homeRoutes, { config, opener });
  // The simulator frames the app as several people; it is a developer tool, never served in production.
  await devZoom?.mount(app);
  return app;
}
