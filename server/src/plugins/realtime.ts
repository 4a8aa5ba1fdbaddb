import { TRANSPORT_MESSAGE_BYTES } from '@quorum/shared';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { Lease } from '../cluster/lease';
import type { Config } from '../config';
import { appErrorBodies } from '../realtime/engine-errors';
import { guardHandshakes, releaseUpgradeRequest } from '../realtime/handshake';
import type { RealtimeMetrics } from '../realtime/handlers';
import { RealtimeHub } from '../realtime/hub';
import { originGuard } from '../realtime/origin-guard';
import type { RealtimePublisher } from '../realtime/publisher';
import { SessionGuard } from '../realtime/session-guard';
import type { QuorumServer } from '../realtime/types';
import { VoterLimits } from '../realtime/voter-limits';
import { createPollDomain } from '../services/poll-domain';
import { createPollMemory } from '../services/poll-memory';
import type { PollService } from '../services/poll-service';
import type { QaService } from '../services/qa-service';
import type { Store } from '../store/types';

declare module 'fastify' {
  interface FastifyInstance {
    io: QuorumServer;
    polls: PollService;
    /** Audience Q&A (deauthorization drops its cached boards). */
    qa: QaService;
    /** Who does once-only work (deadline closes, webhook events) when several processes could. */
    lease: Lease;
    /** `pingRedis`: only with REDIS_URL, for /healthz. */
    realtime: { metrics: RealtimeMetrics; publisher: RealtimePublisher; pingRedis?: () => Promise<void> };
  }
}

export interface RealtimeOptions {
  config: Config;
  store: Store;
}

/**
 * socket.io on Fastify's HTTP server, wired once: the poll memory, the realtime hub built on it, the
 * poll domain built on both (the hub is its PollEvents), then the handshake checks and the sockets.
 * Requests only from the app's own origin; sockets authenticated by the page's session token alone.
 */
export const realtimePlugin = fp<RealtimeOptions>(
  async (app, { config, store }) => {
    const io: QuorumServer = new Server(app.server, { maxHttpBufferSize: TRANSPORT_MESSAGE_BYTES, serveClient: false });
    appErrorBodies(io.engine);
    // Cross-site WebSocket hijack: a frame from another site under the same top-level page sends the cookie too.
    const appOrigin = new URL(config.publicUrl).origin;
    io.engine.use(
      originGuard(appOrigin, (origin) => app.log.warn({ origin }, 'realtime request from a foreign origin refused')),
    );

    const memory = createPollMemory(store);
    const hub = await RealtimeHub.start({
      io,
      store,
      memory,
      tallyWindowMs: config.tallyWindowMs,
      roomMinVoters: config.anonymousRoomMinVoters,
      ...(config.redisUrl ? { redis: { url: config.redisUrl, prefix: config.redisKeyPrefix } } : {}),
      log: {
        error: (error, what) => app.log.error({ err: error }, `realtime: ${what} failed`),
        warn: (what, detail) => app.log.warn(detail, what),
      },
    });
    const lock = hub.lock;
    const domain = createPollDomain({
      store,
      memory,
      events: hub,
      roomMinVoters: config.anonymousRoomMinVoters,
      ...(lock ? { lock } : {}),
    });
    const guard = new SessionGuard({ latestRole: (session) => app.sessions.latestRole(session) });
    const offRoleChange = app.sessions.onRoleChange((session) => guard.roleChanged(io, session));
    const limits = new VoterLimits({
      ballotsPerVoter: config.ballotRateLimit,
      ballotsPerMeeting: config.meetingBallotRateLimit,
      socketsPerSession: config.maxSocketsPerSession,
      ...(hub.cluster ? { shared: hub.cluster.buckets } : {}),
    });
    await hub.serve({ domain, limits, guard });
    guardHandshakes(io, { sessions: app.sessions, guard, limits, maxSocketsPerSession: config.maxSocketsPerSession });
    io.on('connection', (socket) => {
      releaseUpgradeRequest(socket);
      hub.connect(socket);
    });

    const { cluster } = hub;
    app.decorate('io', io);
    app.decorate('polls', domain.polls);
    app.decorate('qa', domain.qa);
    app.decorate('lease', hub.lease);
    app.decorate('realtime', {
      metrics: hub.metrics,
      publisher: hub.publisher,
      ...(cluster ? { pingRedis: () => cluster.ping() } : {}),
    });

    app.addHook('preClose', () => hub.drain());
    app.addHook('onClose', async () => {
      limits.close();
      offRoleChange();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await hub.close();
    });
  },
  { name: 'realtime', dependencies: ['session'] },
);
