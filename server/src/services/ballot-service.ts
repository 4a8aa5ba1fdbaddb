import {
  canSeeStandings,
  castBallot,
  elapsedSince,
  fail,
  isPastDeadline,
  ok,
  submitBallots,
  toReceipt,
  type AnswerHide,
  type Ballot,
  type CastBallot,
  type DomainContext,
  type Poll,
  type QuizScore,
  type QuizScoreRequest,
  type Receipt,
  type Result,
  type RunningTally,
  type SubmitBallots,
} from '@quorum/shared';
import type { Session } from '../session/session-token';
import type { BallotWrite, BallotWriteResult, Store } from '../store/types';
import { BallotBatcher } from './ballot-batcher';
import { ChangeLogCompactor, type ChangeLogRetention } from './change-log';
import type { MeetingAccess } from './meeting-access';
import { hasEnded, meetingEnded } from './meeting-ended';
import type { PollEvents } from './poll-events';
import type { PollGuard } from './poll-guard';
import type { PollState } from './poll-state';
import type { TallySync } from './tally-sync';

/**
 * When the poll's current run reached the caller (server send time plus half the measured round
 * trip), if the transport knows; quizzes time answers from there.
 */
export type ReachedAt = (pollId: string, run: number) => number | undefined;

export interface BallotServiceDeps {
  store: Store;
  state: PollState;
  tallies: TallySync;
  events: PollEvents;
  access: MeetingAccess;
  guard: PollGuard;
  ctx: () => DomainContext;
  /** How much of each run's change log outlives being superseded; the default when absent. */
  retention?: ChangeLogRetention;
}

const closed = () => fail('POLL_CLOSED', 'this poll is not open for voting');
const alreadyVoted = (field?: string) =>
  fail('ALREADY_VOTED', 'you already voted on this question and this poll does not allow changes', field);

/** Ballots in: casts, survey submissions, a host's hides, and quiz standings out. */
export class BallotService {
  private readonly batcher: BallotBatcher;
  private readonly compactor: ChangeLogCompactor;

  constructor(private readonly deps: BallotServiceDeps) {
    this.batcher = new BallotBatcher(deps.store.ballots, (result) => this.countCommitted(result));
    // A failed compaction only leaves rows for the next one: nothing to tell the voter.
    this.compactor = new ChangeLogCompactor(deps.store.ballots, deps.retention);
  }

  /** Counts one answer. The ack settles only after the ballot's transaction committed. */
  async cast(session: Session, input: CastBallot, reachedAt?: ReachedAt): Promise<Result<Receipt>> {
    const poll = await this.deps.guard.pollFor(session, input.pollId, 'vote');
    if (!poll.ok) return poll;
    const ballot = castBallot(poll.data, session.voterId, input, this.deps.ctx());
    if (!ballot.ok) return this.whyRefused(session, ballot);
    await this.deps.state.tally(poll.data);
    // Re-check without yielding: a close that landed while we awaited must win, and a close
    // flushes the queue after it, so no ballot enqueued here can count after the poll closed.
    if (!this.isLive(poll.data)) return this.whyRefused(session, closed());
    const result = await this.batcher.write(this.toWrite(poll.data, inRoom(ballot.data, session), reachedAt));
    // `closed`: another process closed (or relaunched) the poll first; its commit decided, not our cache.
    if (result.kind === 'closed') return this.whyRefused(session, closed());
    return result.kind === 'rejected' ? alreadyVoted() : ok(toReceipt(result.ballot));
  }

  /** A survey's answers in one all-or-nothing transaction. */
  async submit(session: Session, input: SubmitBallots, reachedAt?: ReachedAt): Promise<Result<Receipt[]>> {
    const poll = await this.deps.guard.pollFor(session, input.pollId, 'vote');
    if (!poll.ok) return poll;
    const ballots = submitBallots(poll.data, session.voterId, input, this.deps.ctx());
    if (!ballots.ok) return this.whyRefused(session, ballots);
    await this.deps.state.tally(poll.data);
    if (!this.isLive(poll.data)) return this.whyRefused(session, closed());
    const writes = ballots.data.map((b) => this.toWrite(poll.data, inRoom(b, session), reachedAt));
    const outcome = await this.batcher.exclusive(async () => {
      const written = await this.deps.store.ballots.writeAtomically(writes);
      if (written.committed) written.results.forEach((r) => this.countCommitted(r));
      return written;
    });
    if ('closed' in outcome) return this.whyRefused(session, closed());
    if (!outcome.committed) return alreadyVoted(`answers.${outcome.rejectedIndex}`);
    return ok(outcome.results.flatMap((r) => (r.kind === 'rejected' ? [] : [toReceipt(r.ballot)])));
  }

  /** A host hides (or shows again) one open-text answer; it leaves the tally, the list and exports. */
  async hide(session: Session, input: AnswerHide): Promise<Result<{ ballotId: string; hidden: boolean }>> {
    const poll = await this.deps.guard.pollFor(session, input.pollId, 'run');
    if (!poll.ok) return poll;
    if (input.run > poll.data.run) return fail('NOT_FOUND', 'no such run of this poll', 'run');
    const tally = await this.deps.state.tally(poll.data, input.run);
    return this.batcher.exclusive(async () => {
      const before = await this.deps.store.ballots.get(input.pollId, input.run, input.ballotId);
      if (!before) return fail('NOT_FOUND', 'no such answer in this run', 'ballotId');
      const question = poll.data.questions.find((q) => q.id === before.questionId);
      if (question?.kind !== 'text') return fail('INVALID', 'only open-text answers can be hidden', 'ballotId');
      if (Boolean(before.hidden) !== input.hidden) {
        const version = await this.deps.store.ballots.setHidden(input.pollId, input.run, input.ballotId, input.hidden);
        this.counted(poll.data, tally, withHidden(before, input.hidden), before, version);
        this.compactor.committed(input.pollId, input.run, version);
      }
      return ok({ ballotId: before.ballotId, hidden: input.hidden });
    });
  }

  /** My standing in a quiz run, when I may see standings (hosts any time, others once closed). */
  async quizScore(session: Session, input: QuizScoreRequest): Promise<Result<QuizScore | null>> {
    const poll = await this.deps.guard.pollFor(session, input.pollId, 'vote');
    if (!poll.ok) return poll;
    if (!poll.data.settings.quiz) return fail('INVALID', 'this poll is not a quiz', 'pollId');
    const run = input.run ?? poll.data.run;
    if (run < 1 || run > poll.data.run) return fail('NOT_FOUND', 'no such run of this poll', 'run');
    // An earlier run is over even while a later one is open.
    const asOf: Poll = run === poll.data.run ? poll.data : { ...poll.data, status: 'closed' };
    if (!canSeeStandings(asOf, session.role)) return fail('FORBIDDEN', 'standings are shown once the quiz closes');
    const tally = await this.deps.state.tally(poll.data, run);
    return ok(tally.quiz?.scoreOf(session.voterId) ?? null);
  }

  /** Writes queued or in flight, settled (a close waits for these); with `compactions`, the log's upkeep too (shutdown). */
  async flush(opts: { compactions?: boolean } = {}): Promise<void> {
    await this.batcher.flush();
    if (opts.compactions) await this.compactor.drain();
  }

  /**
   * A guest who signed in keeps their vote, and only one: their ballots in this meeting move to their
   * Zoom user's voter id (slots that id already holds stay as they are), each a counted change.
   */
  async adoptGuestBallots(guestVoterId: string, userVoterId: string, meetingId: string): Promise<number> {
    return this.transferBallots(guestVoterId, userVoterId, meetingId);
  }

  /**
   * Moves `from`'s ballots in one meeting to `to` with `transferVoter`, each a counted change, so live
   * tallies and turnout follow (guest sign-in, and deauthorization's re-key to a pseudonym).
   */
  async transferBallots(from: string, to: string, meetingId: string): Promise<number> {
    return this.batcher.exclusive(async () => {
      const moved = await this.deps.store.ballots.transferVoter(from, to, meetingId);
      for (const m of moved) this.countChange(m.after, m.before, m.version);
      return moved.length;
    });
  }

  /** Applies a committed ballot to its run's tally and schedules a broadcast. */
  private countCommitted(result: BallotWriteResult): void {
    if (result.kind !== 'inserted' && result.kind !== 'replaced') return;
    this.countChange(result.ballot, result.kind === 'replaced' ? result.previous : undefined, result.tallyVersion);
  }

  /** Counts a committed change in its run's tally when that is loaded here (otherwise a later load reads it). */
  private countChange(ballot: Ballot, previous: Ballot | undefined, version: number): void {
    this.compactor.committed(ballot.pollId, ballot.run, version);
    const tally = this.deps.state.loadedTally(ballot.pollId, ballot.run);
    const poll = this.deps.state.cached(ballot.pollId);
    if (!tally || !poll) return;
    this.counted(poll, tally, ballot, previous, version);
  }

  /**
   * Counts a committed change at its version. When another process committed in between, the tally
   * catches up from the store first (it reads this change too), then the broadcast goes out.
   */
  private counted(
    poll: Poll,
    tally: RunningTally,
    ballot: Ballot,
    previous: Ballot | undefined,
    version: number,
  ): void {
    const announce = () => {
      const current = this.deps.state.cached(poll.id) ?? poll;
      if (tally.run === current.run) this.deps.events.tallyChanged(current);
    };
    if (this.deps.tallies.applyCommitted(tally, ballot, previous, version)) return announce();
    // A failed catch-up leaves the tally behind; the next notice or snapshot retries it.
    this.deps.tallies.refresh(poll, tally.run).then(announce, () => undefined);
  }

  /** Quiz ballots carry how long the voter took, measured from when the question reached them. */
  private toWrite(poll: Poll, ballot: Ballot, reachedAt: ReachedAt | undefined): BallotWrite {
    const allowAnswerChange = poll.settings.allowAnswerChange;
    if (!poll.settings.quiz) return { ballot, allowAnswerChange };
    const reached = reachedAt?.(poll.id, poll.run) ?? poll.openedAt ?? ballot.castAt;
    return { ballot: { ...ballot, elapsedMs: elapsedSince(reached, ballot.castAt) }, allowAnswerChange };
  }

  /**
   * A refusal as the voter should read it: a closed poll in a meeting that has ended says so
   * (MEETING_ENDED). Looked up only on this rare path, so the vote path pays nothing for it.
   */
  private async whyRefused<T>(session: Session, refusal: Result<T> & { ok: false }): Promise<Result<never>> {
    if (refusal.error.code === 'POLL_CLOSED' && (await hasEnded(this.deps.store, session.meetingId)))
      return meetingEnded();
    return refusal;
  }

  private isLive(poll: Poll): boolean {
    const live = this.deps.state.cached(poll.id);
    return (
      live !== undefined &&
      live.status === 'open' &&
      live.run === poll.run &&
      !isPastDeadline(live, this.deps.ctx().now)
    );
  }
}

/** The ballot marked with the breakout room the trusted session is in (none in the main room). */
const inRoom = (ballot: Ballot, session: Session): Ballot =>
  session.roomId === undefined ? ballot : { ...ballot, roomId: session.roomId };

/** The ballot with its hidden flag set, spelled as the store reads it back (absent when false). */
function withHidden(ballot: Ballot, hidden: boolean): Ballot {
  const { hidden: _old, ...rest } = ballot;
  return hidden ? { ...rest, hidden: true } : rest;
}
