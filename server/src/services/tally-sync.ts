import type { Ballot, Poll, RunningTally } from '@quorum/shared';
import type { BallotRepository } from '../store/types';
import { continues } from './change-log';
import type { PollState } from './poll-state';

const runKey = (pollId: string, run: number): string => `${pollId}:${run}`;

/**
 * Keeps each run's in-memory tally equal to the database's when other processes write ballots too.
 * A commit of our own is applied in place when it is the next version; any gap (another process
 * wrote in between) is filled from the store's change log (`changesSince`), and a log that does not
 * reach back far enough means a recount. With one process the gap never happens and nothing is read.
 */
export class TallySync {
  /** The highest version of each run this process has heard of: its own commits and peers' notices. */
  private readonly known = new Map<string, number>();
  private readonly running = new Map<string, Promise<RunningTally>>();
  private readonly waiting = new Map<string, Promise<RunningTally>>();

  constructor(
    private readonly state: PollState,
    private readonly ballots: BallotRepository,
  ) {}

  /**
   * Applies a change this process committed, if it is the tally's next version. False means other
   * writes came between: call `refresh`, which reads this change along with theirs.
   */
  applyCommitted(tally: RunningTally, ballot: Ballot, previous: Ballot | undefined, version: number): boolean {
    this.heard(tally.pollId, tally.run, version);
    if (version <= tally.version) return true; // a refresh already read it from the log
    if (version !== tally.version + 1) return false;
    tally.apply(ballot, previous);
    tally.version = version;
    return true;
  }

  /** Notes that a run reached `version` somewhere (a peer's notice): the next fresh read catches up. */
  heard(pollId: string, run: number, version: number): void {
    const key = runKey(pollId, run);
    if (version > (this.known.get(key) ?? 0)) this.known.set(key, version);
  }

  /** True when the run's loaded tally is older than a version this process has heard of. */
  behind(pollId: string, run: number): boolean {
    const tally = this.state.loadedTally(pollId, run);
    return tally !== undefined && (this.known.get(runKey(pollId, run)) ?? 0) > tally.version;
  }

  /** The run's tally, first brought up to date when this process knows it is behind. */
  async fresh(poll: Poll, run: number): Promise<RunningTally> {
    const tally = await this.state.tally(poll, run);
    return this.behind(poll.id, run) ? this.refresh(poll, run) : tally;
  }

  /**
   * Brings the run's tally up to the newest committed version. One read per run at a time; callers
   * arriving while one runs share the next, so a burst of notices costs at most two reads.
   */
  refresh(poll: Poll, run: number): Promise<RunningTally> {
    const key = runKey(poll.id, run);
    const queued = this.waiting.get(key);
    if (queued) return queued;
    const start = (): Promise<RunningTally> => {
      this.waiting.delete(key);
      const task = this.catchUp(poll, run);
      this.running.set(key, task);
      const done = () => void (this.running.get(key) === task && this.running.delete(key));
      task.then(done, done);
      return task;
    };
    const current = this.running.get(key);
    if (!current) return start();
    const next = current.then(start, start);
    this.waiting.set(key, next);
    return next;
  }

  /** Forgets a deleted poll's runs. */
  forget(pollId: string): void {
    for (const key of this.known.keys()) if (key.startsWith(`${pollId}:`)) this.known.delete(key);
  }

  private async catchUp(poll: Poll, run: number): Promise<RunningTally> {
    const tally = await this.state.tally(poll, run);
    const changes = await this.ballots.changesSince(poll.id, run, tally.version);
    // Our own commits may have been applied while the read was out: skip what is already counted.
    const unseen = changes.filter((c) => c.version > tally.version);
    // A late start or a gap (the log was compacted there) means the log cannot bring this tally up.
    if (!continues(unseen, tally.version)) return this.state.recount(poll, run);
    for (const change of unseen) {
      tally.apply(change.ballot, change.previous);
      tally.version = change.version;
    }
    this.heard(poll.id, run, tally.version);
    return tally;
  }
}
