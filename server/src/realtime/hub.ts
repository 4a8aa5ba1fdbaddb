import type { MeetingSettings, Poll } from '@quorum/shared';
import { startClusterNode, type ClusterNode } from '../cluster/cluster-node';
import { soloLease, type Lease } from '../cluster/lease';
import { deadlineCloser } from '../services/deadline-closer';
import { PollDeadlines } from '../services/poll-deadlines';
import type { PollDomain } from '../services/poll-domain';
import type { PollEvents } from '../services/poll-events';
import type { PollMemory } from '../services/poll-memory';
import type { QaEvents } from '../services/qa-service';
import type { Store } from '../store/types';
import { createDispatcher, type Dispatcher, type RealtimeMetrics } from './handlers';
import { RealtimePublisher } from './publisher';
import { QuestionClock } from './question-clock';
import { QaPublisher } from './qa-publisher';
import { roomsOf } from './rooms';
import { routes } from './routes';
import { probeRtt } from './rtt-probe';
import { flushFanouts } from './sliced-emit';
import type { SessionGuard } from './session-guard';
import type { QuorumServer, QuorumSocket } from './types';
import type { VoterLimits } from './voter-limits';

/**
 * How long a restarting server asks its clients to wait before reconnecting: long enough for a rolling deploy's
 * next process (or this one, restarted) to listen; clients add jitter so a room does not return in one burst.
 */
export const RESTART_RETRY_AFTER_MS = 1_000;

export interface RealtimeHubOptions {
  io: QuorumServer;
  store: Store;
  memory: PollMemory;
  /** Tally broadcasts per poll at most once per window (TALLY_WINDOW_MS). */
  tallyWindowMs: number;
  /** K of the room-privacy rule (ANONYMOUS_ROOM_MIN_VOTERS). */
  roomMinVoters: number;
  /** With several processes: Redis for the adapter, leases and peer hints. */
  redis?: { url: string; prefix: string };
  log: { error(error: unknown, what: string): void; warn(what: string, detail: Record<string, unknown>): void };
}

/** What the hub needs once the poll domain exists (it is built on the hub, as its PollEvents). */
export interface HubServeOptions {
  domain: PollDomain;
  limits: VoterLimits;
  guard: SessionGuard;
}

/**
 * Owns the realtime side of every meeting on this process: the publisher and its coalescing
 * broadcaster, the quiz clock, the deadline timers, the cluster bus and the request dispatcher. It is
 * the poll domain's `PollEvents`: every committed change comes here once and leaves as broadcasts,
 * deadline timers and peer hints. Two steps, because the domain is built on the hub: `start` makes the
 * hub, `serve(domain)` connects the parts that act on the domain (deadlines, routes, cluster follow).
 */
export class RealtimeHub implements PollEvents, QaEvents {
  readonly clock = new QuestionClock();
  readonly publisher: RealtimePublisher;
  readonly metrics: RealtimeMetrics = {
    unknownEvents: 0,
    missingAcks: 0,
    invalidPayloads: 0,
    rateLimited: 0,
    internalErrors: 0,
  };
  /** Who does once-only work (deadline closes, webhook events) when several processes could. */
  readonly lease: Lease;
  private deadlines: PollDeadlines | undefined;
  private dispatcher: Dispatcher | undefined;
  private domain: PollDomain | undefined;
  private qa: QaPublisher | undefined;

  private constructor(
    private readonly options: RealtimeHubOptions,
    readonly cluster: ClusterNode | undefined,
  ) {
    this.lease = cluster?.lease ?? soloLease;
    this.publisher = new RealtimePublisher({
      io: options.io,
      state: options.memory.state,
      windowMs: options.tallyWindowMs,
      clock: this.clock,
      roomMinVoters: options.roomMinVoters,
      ...(cluster ? { catchUp: (poll: Poll, force: boolean) => cluster.catchUp(poll, force) } : {}),
    });
  }

  /** Connects to the cluster when configured; the hub then waits for `serve`. */
  static async start(options: RealtimeHubOptions): Promise<RealtimeHub> {
    const { io, memory, redis } = options;
    const cluster = redis
      ? await startClusterNode({ io, redisUrl: redis.url, prefix: redis.prefix, memory })
      : undefined;
    return new RealtimeHub(options, cluster);
  }

  /** A poll held across every process during a lifecycle change; undefined with one process. */
  get lock(): (<T>(pollId: string, task: () => Promise<T>) => Promise<T>) | undefined {
    return this.cluster?.lock;
  }

  /** Starts acting for the domain: deadline timers, request routes, peers' hints. */
  async serve({ domain, limits, guard }: HubServeOptions): Promise<void> {
    const { store, memory, io, log } = this.options;
    this.domain = domain;
    const qa = (this.qa = new QaPublisher({ io, boards: domain.qa.boards, windowMs: this.options.tallyWindowMs, log }));
    const deadlines: PollDeadlines = new PollDeadlines(
      deadlineCloser({ polls: domain.polls, state: memory.state, deadlines: () => deadlines, lease: this.lease }),
    );
    this.deadlines = deadlines;
    this.dispatcher = createDispatcher({
      routes: routes({
        service: domain.polls,
        qa: domain.qa,
        clock: this.clock,
        voters: { io, guard: domain.guard, state: memory.state },
      }),
      metrics: this.metrics,
      limits,
      guard,
      log: (error, event) => log.error(error, `socket handler for ${event}`),
      warn: (what, event, socketId) => log.warn(what, { event, socket: socketId }),
    });
    this.cluster?.follow({
      store,
      polls: domain.polls,
      memory,
      publisher: this.publisher,
      deadlines,
      qaChanged: (meetingId, version, askers) => qa.heard(meetingId, version, askers),
      log: (error, what) => log.error(error, `cluster: ${what}`),
    });
    (await store.polls.listOpenWithDeadline()).forEach((poll) => deadlines.watch(poll));
  }

  /** A new socket: its rooms, its requests, its latency probe and its snapshot. */
  connect(socket: QuorumSocket): void {
    const { domain, dispatcher } = this.serving();
    const { session } = socket.data;
    void socket.join(roomsOf(session));
    this.publisher.breakouts.track(socket);
    probeRtt(socket, this.clock);
    dispatcher.attach(socket);
    Promise.all([domain.polls.snapshot(session), domain.qa.view(session)]).then(
      ([snapshot, qa]) => {
        socket.emit('meeting:snapshot', { ...snapshot, qa });
        // A quiz open at connect reaches this voter now (unless it reached them earlier).
        for (const p of snapshot.polls)
          if (p.status === 'open' && p.settings.quiz) this.clock.delivered(p.id, p.run, session.voterId, socket.id);
      },
      (error: unknown) => {
        this.options.log.error(error, 'snapshot');
        socket.disconnect(true);
      },
    );
  }

  pollChanged(poll: Poll): void {
    this.deadlines?.watch(poll);
    this.publisher.pollChanged(poll);
    this.cluster?.bus.pollChanged(poll.id);
  }

  pollDeleted(poll: Poll): void {
    this.publisher.pollDeleted(poll);
    this.cluster?.bus.pollChanged(poll.id);
  }

  tallyChanged(poll: Poll): void {
    this.publisher.tallyChanged(poll);
    this.cluster?.bus.tallyChanged(poll.id, poll.run);
  }

  qaChanged(meetingId: string, version: number, askers: readonly string[]): void {
    this.qa?.changed(meetingId, askers);
    this.cluster?.bus.qaChanged(meetingId, version, askers);
  }

  settingsChanged(meetingId: string, settings: MeetingSettings): void {
    this.publisher.settingsChanged(meetingId, settings);
    this.cluster?.bus.settingsChanged(meetingId, settings);
  }

  /**
   * A graceful shutdown: stop taking new work, commit what was accepted, send the last tallies, tell
   * clients we are restarting (socket.io does not reconnect after a server disconnect), then hang up.
   */
  async drain(): Promise<void> {
    this.deadlines?.stop();
    await Promise.all([this.domain?.polls.drain(), this.domain?.qa.drain()]);
    this.publisher.broadcaster.flush();
    this.qa?.flush();
    flushFanouts(this.options.io);
    this.options.io.local.emit('server:restarting', { retryAfterMs: RESTART_RETRY_AFTER_MS });
    this.options.io.local.disconnectSockets(true);
  }

  async close(): Promise<void> {
    await this.cluster?.close();
  }

  private serving(): { domain: PollDomain; dispatcher: Dispatcher } {
    if (!this.domain || !this.dispatcher) throw new Error('RealtimeHub.serve() must run before sockets connect');
    return { domain: this.domain, dispatcher: this.dispatcher };
  }
}
