import type { RunningTally} from '@quorum/shared';
import { tallyBallots, type Poll } from '@quorum/shared';
import type { Store } from '../store/types';

/**
 * The in-process view of polls and their running tallies. The store stays the source of truth;
 * this cache keeps the hot vote path free of reads (a vote needs the poll and its tally).
 */
export class PollState {
  private readonly polls = new Map<string, Poll>();
  private readonly tallies = new Map<string, Promise<RunningTally>>();
  private readonly loaded = new Map<string, RunningTally>();

  constructor(private readonly store: Store) {}

  /** The poll, from memory or the store. */
  async poll(pollId: string): Promise<Poll | undefined> {
    const cached = this.polls.get(pollId);
    if (cached) return cached;
    const stored = await this.store.polls.get(pollId);
    if (stored) this.polls.set(pollId, stored);
    return stored;
  }

  /** The poll if it is in memory: lets the vote path re-check state without yielding. */
  cached(pollId: string): Poll | undefined {
    return this.polls.get(pollId);
  }

  /** Records a poll the service just wrote. */
  remember(poll: Poll): void {
    this.polls.set(poll.id, poll);
  }

  forget(pollId: string): void {
    this.polls.delete(pollId);
    for (const map of [this.tallies, this.loaded]) {
      for (const key of map.keys()) if (key.startsWith(`${pollId}:`)) map.delete(key);
    }
  }

  /** The running tally of one run, recounted from the store the first time it is needed. */
  tally(poll: Poll, run = poll.run): Promise<RunningTally> {
    const key = `${poll.id}:${run}`;
    let loading = this.tallies.get(key);
    if (!loading) {
      // One shared load per run, so concurrent first votes all update the same object.
      loading = this.loadTally(poll, run);
      this.tallies.set(key, loading);
      loading.catch(() => this.tallies.delete(key));
    }
    return loading;
  }

  private async loadTally(poll: Poll, run: number): Promise<RunningTally> {
    const [ballots, version] = await Promise.all([
      this.store.ballots.listForRun(poll.id, run),
      this.store.ballots.tallyVersion(poll.id, run),
    ]);
    const tally = tallyBallots(poll, run, ballots, version);
    this.loaded.set(`${poll.id}:${run}`, tally);
    return tally;
  }

  /** A run's tally if already loaded (every run is loaded before its first ballot is written). */
  loadedTally(pollId: string, run: number): RunningTally | undefined {
    return this.loaded.get(`${pollId}:${run}`);
  }
}
