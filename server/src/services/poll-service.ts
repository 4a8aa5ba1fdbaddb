import {
  canSeePoll,
  canSeeResults,
  castBallot,
  closePoll,
  createPoll,
  editPoll,
  fail,
  isPastDeadline,
  isHostRole,
  ok,
  openPoll,
  shareResults,
  toReceipt,
  type DomainContext,
  type MeetingSnapshot,
  type Poll,
  type PollDraft,
  type CastBallot,
  type Receipt,
  type Result,
} from '@quorum/shared';
import { toSessionView, type Session } from '../session/session-token';
import type { BallotWriteResult, Store } from '../store/types';
import { BallotBatcher } from './ballot-batcher';
import { PollState } from './poll-state';

/** What the service tells the realtime layer after a change is committed. */
export interface PollEvents {
  pollChanged(poll: Poll): void;
  pollDeleted(poll: Poll): void;
  tallyChanged(poll: Poll): void;
}

export interface PollServiceDeps {
  store: Store;
  events: PollEvents;
  now?: () => number;
  newId?: () => string;
}

/**
 * The authoritative poll rules applied to the store: load → pure domain rule → save → publish.
 * Every method takes the caller's trusted session; host-only actions check its role here, so no
 * transport can skip the check.
 */
export class PollService {
  readonly state: PollState;
  private readonly batcher: BallotBatcher;
  private readonly store: Store;
  private readonly events: PollEvents;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Lifecycle changes of one poll run one after another, never interleaved. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(deps: PollServiceDeps) {
    this.store = deps.store;
    this.events = deps.events;
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID().replaceAll('-', ''));
    this.state = new PollState(deps.store);
    this.batcher = new BallotBatcher(deps.store.ballots, (result) => this.countCommitted(result));
  }

  private ctx(): DomainContext {
    return { now: this.now(), newId: this.newId };
  }

  /** Creates a draft in the caller's meeting. */
  async create(session: Session, draft: PollDraft): Promise<Result<Poll>> {
    if (!isHostRole(session.role)) return forbidden();
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
  open(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => openPoll(poll, this.now()));
  }

  close(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => closePoll(poll, this.now()));
  }

  share(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.transition(session, pollId, (poll) => shareResults(poll));
  }

  /** Closes a poll on the server's own authority (deadline, meeting ended). */
  closeBySystem(pollId: string, meetingId: string): Promise<Result<Poll>> {
    const system: Session = { voterId: 'system', meetingId, role: 'host', exp: Infinity };
    return this.transition(system, pollId, (poll) => closePoll(poll, this.now()));
  }

  /** Deletes a draft or a closed poll with all its runs. */
  delete(session: Session, pollId: string): Promise<Result<Poll>> {
    return this.serialize(pollId, async () => {
      const found = await this.hostPoll(session, pollId);
      if (!found.ok) return found;
      if (found.data.status === 'open') return fail('INVALID', 'close the poll before deleting it');
      await this.store.polls.delete(pollId);
      this.state.forget(pollId);
      this.events.pollDeleted(found.data);
      return found;
    });
  }

  /**
   * Counts a ballot. The ack (this promise) settles only after the ballot's transaction committed;
   * the tally broadcast is scheduled after that.
   */
  async cast(session: Session, input: CastBallot): Promise<Result<Receipt>> {
    const poll = await this.state.poll(input.pollId);
    if (!poll || poll.meetingId !== session.meetingId) return fail('NOT_FOUND', 'no such poll in this meeting', 'pollId');
    const ballot = castBallot(poll, session.voterId, input, this.ctx());
    if (!ballot.ok) return ballot;
    await this.state.tally(poll);
    // Re-check without yielding: a close that landed while we awaited must win, and a close
    // flushes the queue after it, so no ballot enqueued here can count after the poll closed.
    const live = this.state.cached(poll.id);
    if (!live || live.status !== 'open' || live.run !== poll.run || isPastDeadline(live, this.now())) {
      return fail('POLL_CLOSED', 'this poll is not open for voting');
    }
    const result = await this.batcher.write({ ballot: ballot.data, allowAnswerChange: poll.settings.allowAnswerChange });
    if (result.kind === 'rejected') {
      return fail('ALREADY_VOTED', 'you already voted on this question and this poll does not allow changes');
    }
    return ok(toReceipt(result.ballot));
  }

  /** Applies a committed ballot to its run's tally and schedules a broadcast. */
  private countCommitted(result: BallotWriteResult): void {
    if (result.kind !== 'inserted' && result.kind !== 'replaced') return;
    const { pollId, run } = result.ballot;
    const tally = this.state.loadedTally(pollId, run);
    const poll = this.state.cached(pollId);
    if (!tally || !poll) return;
    tally.apply(result.ballot, result.kind === 'replaced' ? result.previous : undefined);
    tally.version = Math.max(tally.version + 1, result.tallyVersion);
    this.events.tallyChanged(poll);
  }

  /** Everything a newly connected client needs, filtered by what its role may see. */
  async snapshot(session: Session): Promise<MeetingSnapshot> {
    const all = await this.store.polls.listByMeeting(session.meetingId);
    all.forEach((p) => this.state.remember(p));
    const polls = all.filter((p) => canSeePoll(p, session.role));
    const launched = polls.filter((p) => p.run > 0);
    const tallies = await Promise.all(
      launched.map(async (p) => (await this.state.tally(p)).snapshot(canSeeResults(p, session.role))),
    );
    const myBallots = (await this.store.ballots.listForVoter(session.voterId, launched)).map(toReceipt);
    return {
      session: toSessionView(session),
      serverTime: this.now(),
      polls,
      tallies,
      myBallots,
    };
  }

  /** Waits for queued ballot writes (graceful shutdown). */
  drain(): Promise<void> {
    return this.batcher.flush();
  }

  private transition(session: Session, pollId: string, rule: (poll: Poll) => Result<Poll>): Promise<Result<Poll>> {
    return this.serialize(pollId, async () => {
      const found = await this.hostPoll(session, pollId);
      if (!found.ok) return found;
      const next = rule(found.data);
      if (!next.ok) return next;
      await this.store.polls.update(next.data);
      this.state.remember(next.data);
      // Ballots accepted before this change commit first, so a closed run's tally is final; a new
      // run's (empty) tally is loaded before anyone hears of it, so its first broadcast is zero.
      if (next.data.status !== 'open') await this.batcher.flush();
      else await this.state.tally(next.data);
      this.events.pollChanged(next.data);
      return next;
    });
  }

  private async hostPoll(session: Session, pollId: string): Promise<Result<Poll>> {
    if (!isHostRole(session.role)) return forbidden();
    const poll = await this.state.poll(pollId);
    if (!poll || poll.meetingId !== session.meetingId) return fail('NOT_FOUND', 'no such poll in this meeting', 'pollId');
    return ok(poll);
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

const forbidden = () => fail('FORBIDDEN', 'only the host or a co-host can do this');
