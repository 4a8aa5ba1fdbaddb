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
 * the one that handled the webhook knows at once and tells the others (a `quorum:revoked` hint through
 * the adapter); should the hint be lost, each re-reads the lines every RELOAD_MS anyway. Their sockets
 * are closed at once, through the adapter.
 */
export async function loadRevocations(app: FastifyInstance, config: Config, store: Store): Promise<SessionRevocations> {
  const revocations = new SessionRevocations({
    store,
    key: config.tokenEncryptionKey,
    sessionTtlMs: config.sessionTtlSec * 1000,
  });
  await revocations.reload();
  if (config.redisUrl) {
    const timer = setInterval(() => {
      revocations
        .reload()
        .catch((error: unknown) => app.log.warn({ err: error }, 'reloading session revocations failed'));
    }, RELOAD_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return revocations;
}

/** The app_deauthorized handler, wired to this app's ballots, sockets and Zoom client. */
export function deauthorizationFor(
  app: FastifyInstance,
  config: Config,
  store: Store,
  revocations: SessionRevocations,
): Deauthorization {
  const reload = () =>
    revocations
      .reload()
      .catch((error: unknown) => app.log.warn({ err: error }, 'reloading session revocations failed'));
  // A user was erased on another process: their Q&A rows were re-keyed behind every cached board.
  if (config.redisUrl)
    app.io.on('quorum:revoked', () => {
      app.qa.boards.clear();
      void reload();
    });
  return new Deauthorization({
    store,
    ballots: app.polls.ballots,
    revocations,
    // The in-memory adapter of a single process has no serverSideEmit: only a cluster announces.
    ...(config.redisUrl ? { announceRevocation: () => app.io.serverSideEmit('quorum:revoked') } : {}),
    disconnectUser: (uid) => disconnectUserSockets(app.io, uid),
    forgetCachedQa: () => app.qa.boards.clear(),
    qa: app.qa,
    key: config.tokenEncryptionKey,
    log: (message, fields) => app.log.info(fields, message),
    ...(config.zoomDataComplianceCall
      ? { reportCompliance: (payload) => app.zoom.oauth.reportDataCompliance(payload) }
      : {}),
  });
}
