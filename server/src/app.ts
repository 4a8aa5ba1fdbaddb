import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { loggerOptions } from './logger';
import { errorHandlerPlugin } from './plugins/error-handler';
import { realtimePlugin } from './plugins/realtime';
import { securityHeadersPlugin } from './plugins/security-headers';
import { sessionPlugin } from './plugins/session';
import { healthRoutes } from './routes/health';
import { homeRoutes } from './routes/home';
import { pollRoutes } from './routes/polls';
import { sessionRoutes } from './routes/session';
import { simRoutes } from './sim/sim-routes';
import { openStore } from './store/open-store';
import type { Store } from './store/types';

/** What tests and alternative deployments may inject instead of what the config names. */
export interface AppDeps {
  store?: Store;
}

/** Largest HTTP body accepted: a session request is ~1 KB, a poll a few KB. */
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Builds the whole app without listening: plugins in an explicit order, so tests get exactly the
 * production wiring on an ephemeral port.
 */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(config), bodyLimit: BODY_LIMIT_BYTES, trustProxy: config.isProduction });
  const store = deps.store ?? (await openStore(config.databaseUrl));
  if (!deps.store) app.addHook('onClose', () => store.close());

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { config });
  await app.register(sessionPlugin, { config });
  await app.register(realtimePlugin, { config, store });

  await app.register(healthRoutes, { store });
  await app.register(sessionRoutes, { config });
  await app.register(pollRoutes, { store });
  await app.register(homeRoutes, { config });
  // The simulator frames the app as several people; it is a developer tool, never served in production.
  if (!config.isProduction) await app.register(simRoutes, { config });
  return app;
}
