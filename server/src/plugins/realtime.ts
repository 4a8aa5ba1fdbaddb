import { handshakeAuthSchema, isHostRole, PROTOCOL_VERSION, TRANSPORT_MESSAGE_BYTES, type MeetingSettings, type Poll } from '@quorum/shared';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { Config } from '../config';
import { registerHandlers, type RealtimeMetrics } from '../realtime/handlers';
import { RealtimePublisher } from '../realtime/publisher';
import { QuestionClock } from '../realtime/question-clock';
import { probeRtt } from '../realtime/rtt-probe';
import { originGuard } from '../realtime/origin-guard';
import { hostsRoom, meetingRoom, placeRoom } from '../realtime/rooms';
import type { QuorumServer, QuorumSocket } from '../realtime/types';
import { VoterLimits } from '../realtime/voter-limits';
import { appErrorBodies } from '../realtime/engine-errors';
import { SessionGuard } from '../realtime/session-guard';
import { soloLease, type Lease } from '../cluster/lease';
import { startClusterNode, type ClusterNode } from '../cluster/cluster-node';
import { deadlineCloser } from '../services/deadline-closer';
import { PollDeadlines } from '../services/poll-deadlines';
import { PollService } from '../services/poll-service';
import type { Store } from '../store/types';

declare module 'fastify' {
  interface FastifyInstance {
    io: QuorumServer;
    polls: PollService;
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


/** The handshake refusal for one socket too many: the code as the message, the limit in `data`. */
function tooManySockets(limit: number): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error('TOO_MANY_CONNECTIONS'), {
    data: { code: 'TOO_MANY_CONNECTIONS', message: `at most ${limit} connections per person in a meeting; close another Quorum window` },
  });
}

/**
 * How long a restarting server asks its clients to wait before reconnecting: long enough for a rolling deploy's
 * next process (or this one, restarted) to listen; clients add jitter so a room does not return in one burst.
 */
export const RESTART_RETRY_AFTER_MS = 1_000;

/** A refused handshake's error: `message` is the code the client acts on, `data` says why in words. */
const refusal = (code: 'PROTOCOL_MISMATCH' | 'UNAUTHENTICATED', message: string) => Object.assign(new Error(code), { data: { code, message } });

/**
 * socket.io on Fastify's HTTP server: requests only from the app's own origin, handshakes authenticated by the
 * session token alone (never the cookie),
 * one room per meeting plus a hosts' room, a snapshot on every connect.
 */
export const realtimePlugin = fp<RealtimeOptions>(
  async (app, { config, store }) => {
    const io: QuorumServer = new Server(app.server, { maxHttpBufferSize: TRANSPORT_MESSAGE_BYTES, serveClient: false });
    appErrorBodies(io.engine);
    // Cross-site WebSocket hijack: a frame from another site under the same top-level page sends the cookie too.
    const appOrigin = new URL(config.publicUrl).origin;
    io.engine.use(originGuard(appOrigin, (origin) => app.log.warn({ origin }, 'realtime request from a foreign origin refused')));
    const metrics: RealtimeMetrics = { unknownEvents: 0, missingAcks: 0, invalidPayloads: 0, rateLimited: 0, internalErrors: 0 };
    const clock = new QuestionClock();
    const guard = new SessionGuard({ latestRole: (session) => app.sessions.latestRole(session) });
    const offRoleChange = app.sessions.onRoleChange((session) => guard.roleChanged(io, session));
    // With REDIS_URL this process is one of several: the Redis adapter, leases, peer hints.
    const cluster: ClusterNode | undefined = config.redisUrl
      ? await startClusterNode(io, config.redisUrl, config.redisKeyPrefix, (): PollService => service)
      : undefined;
    const lease = cluster?.lease ?? soloLease;
    const limits = new VoterLimits({
      ballotsPerVoter: config.ballotRateLimit,
      ballotsPerMeeting: config.meetingBallotRateLimit,
      socketsPerSession: config.maxSocketsPerSession,
      ...(cluster ? { shared: cluster.buckets } : {}),
    });
    const publisher = new RealtimePublisher(io, () => service.state, config.tallyWindowMs, clock, cluster?.catchUp, config.anonymousRoomMinVoters);
    const deadlines: PollDeadlines = new PollDeadlines(deadlineCloser(() => service, () => deadlines, lease));
    const events = {
      pollChanged(poll: Poll) {
        deadlines.watch(poll);
        publisher.pollChanged(poll);
        cluster?.bus.pollChanged(poll.id);
      },
      pollDeleted(poll: Poll) {
        publisher.pollDeleted(poll);
        cluster?.bus.pollChanged(poll.id);
      },
      tallyChanged(poll: Poll) {
        publisher.tallyChanged(poll);
        cluster?.bus.tallyChanged(poll.id, poll.run);
      },
      settingsChanged(meetingId: string, settings: MeetingSettings) {
        publisher.settingsChanged(meetingId, settings);
        cluster?.bus.settingsChanged(meetingId, settings);
      },
    };
    const service: PollService = new PollService({ store, events, roomMinVoters: config.anonymousRoomMinVoters, ...(cluster ? { lock: cluster.lock } : {}) });
    cluster?.follow({ store, service, publisher, deadlines, log: (error, what) => app.log.error({ err: error }, `cluster: ${what} failed`) });
    (await store.polls.listOpenWithDeadline()).forEach((poll) => deadlines.watch(poll));

    io.use((socket, next) => {
      const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return next(refusal('PROTOCOL_MISMATCH', `this client speaks another protocol; the server speaks ${PROTOCOL_VERSION}`));
      // The token is proof held by this page; the cookie is held by the browser for every frame and pane.
      const session = app.sessions.fromHandshake(auth.data.token);
      if (!session) return next(refusal('UNAUTHENTICATED', auth.data.token ? 'the session token is invalid or expired; renew it' : 'a socket needs the session token in auth.token; the cookie alone is not enough'));
      socket.data.session = session;
      if (auth.data.participantUUID !== undefined) socket.data.participantUUID = auth.data.participantUUID;
      next();
    });
    // Last middleware, so a socket counted here always connects and its disconnect releases it.
    io.use((socket, next) => {
      const session = (socket.data.session = guard.current(socket.data.session));
      if (!limits.admitSocket(session)) return next(tooManySockets(config.maxSocketsPerSession));
      socket.on('disconnect', () => limits.releaseSocket(session));
      next();
    });

    io.on('connection', (socket: QuorumSocket) => {
      const { session } = socket.data;
      void socket.join([meetingRoom(session.meetingId), placeRoom(session.meetingId, session.roomId)]);
      if (isHostRole(session.role)) void socket.join(hostsRoom(session.meetingId));
      publisher.breakouts.track(socket);
      probeRtt(socket, clock);
      registerHandlers(socket, {
        io,
        service,
        clock,
        metrics,
        limits,
        guard,
        log: (error, event) => app.log.error({ err: error, event }, 'socket handler failed'),
        warn: (what, event) => app.log.warn({ event, socket: socket.id }, what),
      });
      service.snapshot(session).then(
        (snapshot) => {
          socket.emit('meeting:snapshot', snapshot);
          // A quiz open at connect reaches this voter now (unless it reached them earlier).
          for (const p of snapshot.polls) if (p.status === 'open' && p.settings.quiz) clock.delivered(p.id, p.run, session.voterId, socket.id);
        },
        (error: unknown) => {
          app.log.error({ err: error }, 'snapshot failed');
          socket.disconnect(true);
        },
      );
    });

    app.decorate('io', io);
    app.decorate('polls', service);
    app.decorate('lease', lease);
    app.decorate('realtime', { metrics, publisher, ...(cluster ? { pingRedis: () => cluster.ping() } : {}) });

    app.addHook('preClose', async () => {
      // Stop taking new work, commit what was accepted, tell clients, then hang up.
      deadlines.stop();
      await service.drain();
      publisher.broadcaster.flush();
      // Said before hanging up, so clients reconnect by themselves (socket.io does not after a server disconnect).
      io.local.emit('server:restarting', { retryAfterMs: RESTART_RETRY_AFTER_MS });
      io.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      limits.close();
      offRoleChange();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await cluster?.close();
    });
  },
  { name: 'realtime', dependencies: ['session'] },
);
