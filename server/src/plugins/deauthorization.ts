import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { disconnectUserSockets } from '../realtime/revoke-sockets';
import { Deauthorization } from '../services/deauthorization';
import { SessionRevocations } from '../services/session-revocations';
import type { Store } from '../store/types';

/** How often a process re-reads revocations another process recorded (several processes only). */
const RELOAD_MS = 10_000;

/**
 * The revocation lines, read before the session plugin starts checking them. With several processes,
 * each re-reads them on a timer: the process that handled the webhook knows at once, the others
 * within RELOAD_MS (their sockets are closed at once, through the adapter).
 */
export async function loadRevocations(app: FastifyInstance, config: Config, store: Store): Promise<SessionRevocations> {
  const revocations = new SessionRevocations({ store, key: config.tokenEncryptionKey, sessionTtlMs: config.sessionTtlSec * 1000 });
  await revocations.reload();
  if (config.redisUrl) {
    const timer = setInterval(() => {
      revocations.reload().catch((error: unknown) => app.log.warn({ err: error }, 'reloading session revocations failed'));
    }, RELOAD_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return revocations;
}

/** The app_deauthorized handler, wired to this app's ballots, sockets and Zoom client. */
export function deauthorizationFor(app: FastifyInstance, config: Config, store: Store, revocations: SessionRevocations): Deauthorization {
  return new Deauthorization({
    store,
    ballots: app.polls.ballots,
    revocations,
    disconnectUser: (uid) => disconnectUserSockets(app.io, uid),
    key: config.tokenEncryptionKey,
    log: (message, fields) => app.log.info(fields, message),
    ...(config.zoomDataComplianceCall ? { reportCompliance: (payload) => app.zoom.oauth.reportDataCompliance(payload) } : {}),
  });
}
