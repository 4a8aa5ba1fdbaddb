import { tallyBallots, type Poll, type RunningTally } from '@quorum/shared';
import type { Store } from '../store/types';
import { continues } from './change-log';

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

  /** The ids of every poll in memory (a resync after a Redis outage re-reads them). */
  cachedIds(): string[] {
    return [...this.polls.keys()];
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

  /** Recounts a run from the store and puts the new tally in place of the old one. */
  recount(poll: Poll, run: number): Promise<RunningTally> {
    const key = `${poll.id}:${run}`;
    const loading = this.loadTally(poll, run);
    this.tallies.set(key, loading);
    loading.catch(() => this.tallies.delete(key));
    return loading;
  }

  private async loadTally(poll: Poll, run: number): Promise<RunningTally> {
    const tally = await this.countFromStore(poll, run);
    this.loaded.set(`${poll.id}:${run}`, tally);
    return tally;
  }

  /**
   * Counts the run's ballots at a known version. Another process may commit between the listing and
   * the version read, so the version is read on both sides until it did not move; while ballots keep
   * pouring in, the change log is replayed instead (one read, consistent by construction).
   */
  private async countFromStore(poll: Poll, run: number): Promise<RunningTally> {
    let before = await this.store.ballots.tallyVersion(poll.id, run);
    for (let attempt = 1; ; attempt++) {
      const ballots = await this.store.ballots.listForRun(poll.id, run);
      const after = await this.store.ballots.tallyVersion(poll.id, run);
      if (after === before) return tallyBallots(poll, run, ballots, after);
      if (attempt >= 2) {
        const replayed = await this.replayLog(poll, run);
        if (replayed) return replayed;
      }
      before = after;
    }
  }

  /** The run rebuilt from its change log, when the log is whole from version 1 (not compacted). */
  private async replayLog(poll: Poll, run: number): Promise<RunningTally | undefined> {
    const changes = await this.store.ballots.changesSince(poll.id, run, 0);
    if (changes.length === 0 || !continues(changes, 0)) return undefined;
    const tally = tallyBallots(poll, run, []);
    for (const change of changes) {
      tally.apply(change.ballot, change.previous);
      tally.version = change.version;
    }
    return tally;
  }

  /** A run's tally if already loaded (every run is loaded before its first ballot is written). */
  loadedTally(pollId: string, run: number): RunningTally | undefined {
    return this.loaded.get(`${pollId}:${run}`);
  }
}
