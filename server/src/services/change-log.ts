import type { BallotRepository } from '../store/types';

/** True when `changes` are exactly the versions after `version`, one by one (none is fine too). */
export const continues = (changes: readonly { version: number }[], version: number): boolean =>
  changes.every((change, i) => change.version === version + 1 + i);

export interface ChangeLogRetention {
  /** The newest versions of a run are never compacted: a peer that far behind still catches up from the log. */
  keepVersions: number;
  /** A run is compacted each time its version grew by this much. */
  everyVersions: number;
}

/**
 * One voter changing an answer over and over must not grow `ballot_changes` without bound: the log
 * exists so peers can catch up, and a peer far behind recounts anyway. So every `everyVersions`
 * versions, superseded changes older than the newest `keepVersions` are deleted — off the vote
 * path (after the commit, on the next turn), one compaction per run at a time. A run then holds at
 * most keep + every changes plus one per voter and question.
 */
export const DEFAULT_RETENTION: ChangeLogRetention = { keepVersions: 1_000, everyVersions: 500 };

export class ChangeLogCompactor {
  /** The version each run was last compacted at (or is being compacted at). */
  private readonly compactedAt = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly ballots: Pick<BallotRepository, 'compactChanges'>,
    private readonly retention: ChangeLogRetention = DEFAULT_RETENTION,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Notes that a run reached `version`; schedules its compaction when it grew enough since the last. */
  committed(pollId: string, run: number, version: number): void {
    const key = `${pollId}:${run}`;
    const last = this.compactedAt.get(key) ?? 0;
    if (version - last < this.retention.everyVersions || version <= this.retention.keepVersions) return;
    this.compactedAt.set(key, version);
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.ballots.compactChanges(pollId, run, version - this.retention.keepVersions))
      .then(() => undefined, this.onError)
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Compactions under way, settled (shutdown waits for these before the store closes). */
  async drain(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
