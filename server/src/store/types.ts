import type { Ballot, Poll, RecastOutcome } from '@quorum/shared';

/**
 * Persistence seen by the services. Every method is async so the SQLite (embedded default) and
 * PostgreSQL (scale-out) implementations share one contract and one test suite.
 */
export interface PollRepository {
  insert(poll: Poll): Promise<void>;
  /** Overwrites the stored poll (status, content, run…). */
  update(poll: Poll): Promise<void>;
  /** Deletes the poll and all of its ballots. */
  delete(pollId: string): Promise<void>;
  get(pollId: string): Promise<Poll | undefined>;
  /** The meeting's polls, oldest first. */
  listByMeeting(meetingId: string): Promise<Poll[]>;
  /** Open polls with a deadline, across meetings: the timer restores these after a restart. */
  listOpenWithDeadline(): Promise<Poll[]>;
}

/** One ballot to write, with the rule the poll sets for a second answer. */
export interface BallotWrite {
  ballot: Ballot;
  allowAnswerChange: boolean;
}

/** The outcome of one write plus the run's tally version after it (grows with every counted change). */
export type BallotWriteResult = RecastOutcome & { tallyVersion: number };

export interface BallotRepository {
  /**
   * Writes many ballots in ONE transaction and returns one outcome per write, in order, only after
   * commit. Uniqueness per (poll, run, question, voter) is enforced by the database; the same
   * `clientBallotId` from the same voter returns the stored ballot (`duplicate`).
   */
  writeMany(writes: readonly BallotWrite[]): Promise<BallotWriteResult[]>;
  /** Every ballot of one run of a poll. */
  listForRun(pollId: string, run: number): Promise<Ballot[]>;
  /** One voter's ballots for the current runs of the given polls (for the snapshot). */
  listForVoter(voterId: string, polls: readonly Pick<Poll, 'id' | 'run'>[]): Promise<Ballot[]>;
  /** The stored tally version of a run (0 when nothing was counted yet). */
  tallyVersion(pollId: string, run: number): Promise<number>;
}

/** The whole store handed to `buildApp`. */
export interface Store {
  polls: PollRepository;
  ballots: BallotRepository;
  /** Liveness check for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
