import type { Poll } from '@quorum/shared';
import type { RealtimePublisher } from '../realtime/publisher';
import { meetingRoom } from '../realtime/rooms';
import type { QuorumServer } from '../realtime/types';
import type { PollDeadlines } from '../services/poll-deadlines';
import type { PollMemory } from '../services/poll-memory';
import type { PollService } from '../services/poll-service';
import type { Store } from '../store/types';
import { redisLease, withLock, type Lease } from './lease';
import { PeerBus } from './peer-bus';
import type { PeerMessage } from './peer-messages';
import { connectRedis, type RedisLink } from './redis-link';
import { sharedBuckets, type SharedBuckets } from './shared-buckets';

/** What a process acts on when its peers report changes. */
export interface FollowDeps {
  store: Store;
  polls: Pick<PollService, 'refreshPoll'>;
  memory: PollMemory;
  publisher: RealtimePublisher;
  deadlines: PollDeadlines;
  /** Another process committed a Q&A change; `undefined` version = resync (re-send what is watched here). */
  qaChanged: (meetingId: string, version: number | undefined, askers: readonly string[]) => void;
  log: (error: unknown, what: string) => void;
}

/** One server process among several sharing PostgreSQL and Redis. */
export interface ClusterNode {
  lease: Lease;
  bus: PeerBus;
  /** A poll held across all processes (see PollServiceDeps.lock). */
  lock<T>(pollId: string, task: () => Promise<T>): Promise<T>;
  /** The publisher's catch-up before a tally broadcast (see RealtimePublisher). */
  catchUp(poll: Poll, force: boolean): Promise<unknown> | undefined;
  /** Rate-limit buckets every process shares (ballot budgets per voter and per meeting). */
  buckets: SharedBuckets;
  /** Resolves when Redis is reachable (for /healthz); rejects otherwise. */
  ping(): Promise<void>;
  /** Starts acting on peers' messages and resyncing after Redis outages. */
  follow(deps: FollowDeps): void;
  close(): Promise<void>;
}

const MEETING_ROOM = meetingRoom('');
const HOSTS_SUFFIX = ':hosts';

export interface ClusterNodeOptions {
  io: QuorumServer;
  redisUrl: string;
  /** Of every Redis key and channel (REDIS_KEY_PREFIX). */
  prefix: string;
  /** This process's polls and tallies, whose versions the peers are told and which they catch up. */
  memory: PollMemory;
}

/** Connects this process to its peers: the Redis adapter, leases, the peer bus. */
export async function startClusterNode({ io, redisUrl, prefix, memory }: ClusterNodeOptions): Promise<ClusterNode> {
  const link: RedisLink = await connectRedis(io, redisUrl, prefix);
  const lease = redisLease(link.redis, prefix);
  const bus = new PeerBus(io, (pollId, run) => memory.state.loadedTally(pollId, run)?.version);
  const audience = (meetingId: string) => (io.of('/').adapter.rooms.get(meetingRoom(meetingId))?.size ?? 0) > 0;
  return {
    lease,
    bus,
    lock: (pollId, task) => withLock(lease, `poll:${pollId}`, task),
    catchUp(poll, force) {
      const { tallies, state } = memory;
      // Only runs someone here watches; the others catch up when a client asks (snapshot, ballot).
      if (!audience(poll.meetingId) || !state.loadedTally(poll.id, poll.run)) return undefined;
      return force || tallies.behind(poll.id, poll.run) ? tallies.refresh(poll, poll.run) : undefined;
    },
    follow(deps) {
      const follower = new Follower(deps, audience, bus);
      bus.listen((message) => follower.onMessage(message));
      link.onReconnect(
        () =>
          void follower
            .resync(localMeetings(io))
            .catch((error: unknown) => deps.log(error, 'resync after Redis outage')),
      );
    },
    buckets: sharedBuckets(link.redis, prefix),
    ping: () => link.ping(),
    close: () => link.close(),
  };
}

/** The meetings with a socket in this process (their rooms, minus the hosts' rooms). */
function localMeetings(io: QuorumServer): string[] {
  return [...io.of('/').adapter.rooms.keys()]
    .filter((room) => room.startsWith(MEETING_ROOM) && !room.endsWith(HOSTS_SUFFIX))
    .map((room) => room.slice(MEETING_ROOM.length));
}

/** Applies peers' hints: re-read what changed from the database, then tell this process's sockets. */
class Follower {
  constructor(
    private readonly deps: FollowDeps,
    private readonly audience: (meetingId: string) => boolean,
    private readonly bus: PeerBus,
  ) {}

  onMessage(message: PeerMessage): void {
    const { memory, publisher, log } = this.deps;
    switch (message.kind) {
      case 'tally':
        for (const [pollId, run, version] of message.runs) {
          memory.tallies.heard(pollId, run, version);
          const poll = memory.state.cached(pollId);
          // The coalesced broadcast reads the new changes from the log just before it goes out.
          if (poll && poll.run === run && this.audience(poll.meetingId)) publisher.tallyChanged(poll);
        }
        return;
      case 'poll':
        void this.reload(message.pollId).catch((error: unknown) => log(error, 'reload of a changed poll'));
        return;
      case 'settings':
        publisher.settingsChanged(message.meetingId, message.settings);
        return;
      case 'qa':
        this.deps.qaChanged(message.meetingId, message.version, message.askers);
        return;
    }
  }

  /**
   * After messages may have been lost both ways: every poll in memory or of a meeting watched here is
   * re-read and re-sent, then announced again (peers may have missed this process's hints).
   */
  async resync(meetingIds: readonly string[]): Promise<void> {
    const { store, memory, deadlines } = this.deps;
    for (const poll of await store.polls.listOpenWithDeadline()) deadlines.watch(poll);
    const ids = new Set(memory.state.cachedIds());
    for (const meetingId of meetingIds) {
      for (const poll of await store.polls.listByMeeting(meetingId)) ids.add(poll.id);
      this.deps.qaChanged(meetingId, undefined, []);
    }
    for (const pollId of ids) {
      await this.reload(pollId);
      this.bus.pollChanged(pollId);
      const poll = memory.state.cached(pollId);
      if (poll?.status === 'open') this.bus.tallyChanged(poll.id, poll.run);
    }
  }

  private async reload(pollId: string): Promise<void> {
    const { polls, memory, publisher, deadlines } = this.deps;
    const before = memory.state.cached(pollId);
    const poll = await polls.refreshPoll(pollId);
    if (!poll) {
      if (!before) return;
      deadlines.watch({ ...before, status: 'closed' }); // cancels its timer
      publisher.pollDeleted(before);
      return;
    }
    // Every process watches every deadline; the lease picks the one that closes.
    deadlines.watch(poll);
    if (!this.audience(poll.meetingId)) return;
    // Loaded here if new to this process; the publisher then reads what changed since (forced).
    if (poll.run > 0) await memory.state.tally(poll);
    publisher.pollChanged(poll);
  }
}
