import {
  canSeePoll,
  canSeeResults,
  canSeeStandings,
  closeAtDeadline,
  closePoll,
  createPoll,
  editPoll,
  extendDeadline,
  fail,
  isHostRole,
  openPoll,
  ownRoom,
  pollForRole,
  roomPrivacy,
  shareResults,
  unshareResults,
  stopTimer,
  toReceipt,
  type DomainContext,
  type MeetingSnapshot,
  type Poll,
  type PollDraft,
  type PollTally,
  type Result,
  type Role,
  type RoomPrivacy,
} from '@quorum/shared';
import { toSessionView, type Session } from '../session/session-token';
import type { Store } from '../store/types';
import type { BallotService } from './ballot-service';
import type { MeetingAccess } from './meeting-access';
import { hasEnded, meetingEnded } from './meeting-ended';
import type { PollEvents } from './poll-events';
import type { PollGuard } from './poll-guard';
import type { PollMemory } from './poll-memory';
import type { PollState } from './poll-state';
import type { TallySync } from './tally-sync';

export interface PollServiceDeps {
  store: Store;
  events: PollEvents;
  memory: PollMemory;
  access: MeetingAccess;
  guard: PollGuard;
  ballots: BallotService;
  ctx: () => DomainContext;
  /**
   * Holds a poll across every server process while a lifecycle change re-reads, decides and writes
   * it (several processes share the database). Absent with one process: the local queue suffices.
   */
  lock?: <T>(pollId: string, task: () => Promise<T>) => Promise<T>;
  /** K of the room-privacy rule (config ANONYMOUS_ROOM_MIN_VOTERS); the shared default when absent. */
  roomMinVoters?: number;
}

/**
 * The authoritative poll rules applied to the store: load → pure domain rule → save → publish.
 * Every method takes the caller's trusted session; host-only actions check its role (and the
 * meeting's co-host setting) through the guard, so no transport can skip the check. Built by
 * createPollDomain (poll-domain.ts) with its collaborators; ballots are `ballots`' job.
 */
export class PollService {
  readonly ballots: BallotService;
  readonly access: MeetingAccess;
  /** The one "may this session touch this poll" rule. */
  readonly guard: PollGuard;
  private readonly state: PollState;
  private readonly tallies: TallySync;
  private readonly store: Store;
  private readonly events: PollEvents;
  private readonly ctx: () => DomainContext;
  private readonly lock: PollServiceDeps['lock'];
  private readonly roomMinVoters: number | undefined;
  /** Lifecycle changes of one poll run one after another, never interleaved. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(deps: PollServiceDeps) {
    this.store = deps.store;
    this.events = deps.events;
    this.state = deps.memory.state;
    this.tallies = deps.memory.tallies;
    this.access = deps.access;
    this.guard = deps.guard;
    this.ballots = deps.ballots;
    this.ctx = deps.ctx;
    this.lock = deps.lock;
    this.roomMinVoters = deps.roomMinVoters;
  }

  private now(): number {
    return this.ctx().now;
  }

  /** Creates a draft in the caller's meeting. */
  async create(session: Session, draft: PollDraft): Promise<Result<Poll>> {
    const allowed = await this.access.mayRun(session);
    if (!allowed.ok) return allowed;
    const created = createPoll(draft, session.meetingId, this.ctx());
    if (!created.ok) return created;
    await this.store.polls.insert(created.data);
    this.state.remember(created.data);
    this.events.pollChanged(created.data);
    return created;
  }

  /** Replaces a draft's content. */
  update(session: Session, pollId: string, draft: PollDraft): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => editPoll(poll, draft, this.ctx()));
  }

  /** Launches a draft or relaunches a closed poll as a new run. */
  async open(session: Session, pollId: string): Promise<Result<Poll>> {
    if (await hasEnded(this.store, session.meetingId)) return meetingEnded();
    const opened = await this.transition(session, pollId, (poll) => openPoll(poll, this.now()));
    // meeting.ended saves the status before it closes the open polls: a launch that checked just
    // before may have written after that close ran, so look again and close it ourselves.
    if (opened.ok && (await hasEnded(this.store, session.meetingId))) {
      await this.closeBySystem(pollId, session.meetingId);
      return meetingEnded();
    }
    return opened;
  }

  close(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => closePoll(poll, this.now()));
  }

  share(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => shareResults(poll));
  }

  /** Takes a share back; the publisher re-sends the tally as participants may now see it. */
  unshare(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => unshareResults(poll));
  }

  /** Moves an open poll's deadline later (or starts a countdown). */
  extend(session: Session, pollId: string, seconds: number): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => extendDeadline(poll, seconds, this.now()));
  }

  /** Removes an open poll's deadline. */
  stopTimer(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => stopTimer(poll));
  }

  /** Closes a poll on the server's own authority (deadline, meeting ended). */
  closeBySystem(pollId: string, meetingId: string): Promise<Result<Poll>> {
    return this.transition(systemSession(meetingId), pollId, (poll) => closePoll(poll, this.now()));
  }

  /** The deadline timer's close; a no-op (INVALID) when the host moved or stopped the deadline since. */
  closeAtDeadline(pollId: string, meetingId: string): Promise<Result<Poll>> {
    return this.transition(systemSession(meetingId), pollId, (poll) => closeAtDeadline(poll, this.now()));
  }

  /** Deletes a draft or a closed poll with all its runs. */
  delete(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.exclusive(pollId, async () => {
      const found = await this.hostPoll(session, pollId);
      if (!found.ok) return found;
      if (found.data.status === 'open') return fail('INVALID', 'close the poll before deleting it');
      await this.store.polls.delete(pollId);
      this.state.forget(pollId);
      this.tallies.forget(pollId);
      this.events.pollDeleted(found.data);
      return found;
    });
  }

  /**
   * One run's tally as this role may see it: results, for quizzes the standings, and breakout rooms:
   * hosts every room's share, others (given `roomId`, undefined for the main room) their room's.
   */
  async runTally(poll: Poll, run: number, role: Role, roomId?: string): Promise<PollTally> {
    // An earlier run is over even while a later one is open.
    const asOf: Poll = run === poll.run ? poll : { ...poll, status: 'closed' };
    const tally = await this.tallies.fresh(poll, run);
    const privacy = this.roomPrivacy(poll);
    const own = ownRoom(roomId, tally.rooms.split);
    const rooms = isHostRole(role) ? { all: true as const, privacy } : own && { ...own, privacy };
    return tally.snapshot(canSeeResults(asOf, role), canSeeStandings(asOf, role), rooms);
  }

  /**
   * A run's tally as the host sees it, re-read from the database first (another process may have
   * counted the last ballots): the meeting report's figures.
   */
  async finalTally(poll: Poll, run: number): Promise<PollTally> {
    const tally = await this.tallies.refresh(poll, run);
    return tally.snapshot(true, false, { all: true, privacy: this.roomPrivacy(poll) });
  }

  /** How this poll's room shares may leave the server (anonymous polls withhold small rooms). */
  roomPrivacy(poll: Poll): RoomPrivacy {
    return roomPrivacy(poll, this.roomMinVoters);
  }

  /** Everything a newly connected client needs, filtered by what its role may see. */
  async snapshot(session: Session): Promise<MeetingSnapshot> {
    const all = await this.store.polls.listByMeeting(session.meetingId);
    all.forEach((p) => this.state.remember(p));
    const polls = all.filter((p) => canSeePoll(p, session.role));
    const launched = polls.filter((p) => p.run > 0);
    const tallies = await Promise.all(launched.map((p) => this.runTally(p, p.run, session.role, session.roomId)));
    const myBallots = (await this.store.ballots.listForVoter(session.voterId, launched)).map(toReceipt);
    return {
      session: toSessionView(session),
      serverTime: this.now(),
      polls: polls.map((p) => pollForRole(p, session.role)),
      tallies,
      myBallots,
      meetingSettings: await this.access.settings(session.meetingId),
    };
  }

  /** Waits for queued ballot writes (graceful shutdown). */
  drain(): Promise<void> {
    return this.ballots.flush({ compactions: true });
  }

  private transition(session: Session, pollId: string, rule: (poll: Poll) => Result<Poll>): Promise<Result<Poll>> {
    return this.exclusive(pollId, async () => {
      const found = await this.hostPoll(session, pollId);
      if (!found.ok) return found;
      const next = rule(found.data);
      if (!next.ok) return next;
      await this.store.polls.update(next.data);
      this.state.remember(next.data);
      // Ballots accepted before this change commit first, so a closed run's tally is final; a new
      // run's (empty) tally is loaded before anyone hears of it, so its first broadcast is zero.
      if (next.data.status !== 'open') await this.ballots.flush();
      else await this.state.tally(next.data);
      this.events.pollChanged(next.data);
      return next;
    });
  }

  private hostPoll(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.guard.pollFor(session, pollId, 'run');
  }

  /** Re-reads a poll that another process may have changed; undefined (and forgotten) once deleted. */
  refreshPoll(pollId: string): Promise<Poll | undefined> {
    return this.serialize(pollId, () => this.reload(pollId));
  }

  private async reload(pollId: string): Promise<Poll | undefined> {
    const stored = await this.store.polls.get(pollId);
    if (stored) {
      this.state.remember(stored);
    } else {
      this.state.forget(pollId);
      this.tallies.forget(pollId);
    }
    return stored;
  }

  /**
   * A lifecycle change, one at a time per poll: in this process (the queue), and with several
   * processes also across them (the lock), deciding on the poll as stored rather than as cached.
   */
  private exclusive<T>(pollId: string, task: () => Promise<T>): Promise<T> {
    const lock = this.lock;
    if (!lock) return this.serialize(pollId, task);
    return this.serialize(pollId, () =>
      lock(pollId, async () => {
        await this.reload(pollId);
        return task();
      }),
    );
  }

  private serialize<T>(pollId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(pollId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.locks.set(pollId, settled);
    void settled.then(() => {
      if (this.locks.get(pollId) === settled) this.locks.delete(pollId);
    });
    return next;
  }
}

/** The server acting on its own: the meeting's host, so no co-host setting can stop it. */
const systemSession = (meetingId: string): Session => ({ voterId: 'system', meetingId, role: 'host', exp: Infinity });
