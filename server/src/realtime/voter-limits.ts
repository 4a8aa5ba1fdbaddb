import type { SharedBuckets } from '../cluster/shared-buckets';
import type { Session } from '../session/session-token';
import { KeyedBuckets } from './rate-limiter';

/** The window every ballot limit is counted over. */
export const BALLOT_WINDOW_MS = 10_000;
/** Questions one person may ask per window (QUESTION_WINDOW_MS), whatever number of sockets they use. */
export const QUESTIONS_PER_VOTER = 5;
export const QUESTION_WINDOW_MS = 60_000;
/** How often buckets that have refilled (and so say nothing a fresh one would not) are dropped. */
const SWEEP_EVERY_MS = 60_000;

export interface VoterLimitsOptions {
  /** Ballots per voter in a meeting per window, whatever number of sockets they use. */
  ballotsPerVoter: number;
  /** Ballots per meeting per window, so one room cannot crowd out every other meeting's writes. */
  ballotsPerMeeting: number;
  /** Sockets one voter may hold open in one meeting (panel, popout, main client, a reconnect overlap). */
  socketsPerSession: number;
  /** Q&A questions per voter per QUESTION_WINDOW_MS; QUESTIONS_PER_VOTER when absent. */
  questionsPerVoter?: number;
  /** With REDIS_URL: the same budgets held in Redis, so they span every instance. */
  shared?: SharedBuckets;
  now?: () => number;
}

/** Why a ballot was refused, or undefined when it may go ahead. */
export type BallotRefusal = 'voter' | 'meeting' | undefined;

const sessionKey = (session: Pick<Session, 'meetingId' | 'voterId'>): string =>
  `${session.meetingId}\n${session.voterId}`;

/**
 * Limits that belong to the person, not the connection: a voter's ballot budget and socket count
 * are shared by all of their sockets (and survive a reconnect loop), and each meeting has a budget
 * of its own. With REDIS_URL the budgets live in Redis too and span every instance; the in-process
 * buckets still turn a flood away before it costs a round trip, and decide alone while Redis is
 * unreachable (voting goes on). The socket count is per instance.
 */
export class VoterLimits {
  private readonly voters: KeyedBuckets;
  private readonly meetings: KeyedBuckets;
  private readonly askers: KeyedBuckets;
  private readonly sockets = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: VoterLimitsOptions) {
    const now = options.now ?? (() => performance.now());
    this.voters = new KeyedBuckets(options.ballotsPerVoter, BALLOT_WINDOW_MS, now);
    this.meetings = new KeyedBuckets(options.ballotsPerMeeting, BALLOT_WINDOW_MS, now);
    this.askers = new KeyedBuckets(this.questionsPerVoter, QUESTION_WINDOW_MS, now);
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
  }

  /** Takes one ballot from the voter's and then the meeting's budget (here, then across instances). */
  async takeBallot(session: Session): Promise<BallotRefusal> {
    if (!this.voters.take(sessionKey(session))) return 'voter';
    if (!this.meetings.take(session.meetingId)) return 'meeting';
    if (!this.options.shared) return undefined;
    const buckets = [
      {
        key: `voter:${encodeURIComponent(session.meetingId)}:${encodeURIComponent(session.voterId)}`,
        capacity: this.options.ballotsPerVoter,
      },
      { key: `meeting:${encodeURIComponent(session.meetingId)}`, capacity: this.options.ballotsPerMeeting },
    ];
    const empty = await this.options.shared(buckets, BALLOT_WINDOW_MS).catch(() => 0);
    return empty === 1 ? 'voter' : empty === 2 ? 'meeting' : undefined;
  }

  /** Takes one question from the asker's budget (here, then across instances); false when it is spent. */
  async takeQuestion(session: Session): Promise<boolean> {
    if (!this.askers.take(sessionKey(session))) return false;
    if (!this.options.shared) return true;
    const key = `asker:${encodeURIComponent(session.meetingId)}:${encodeURIComponent(session.voterId)}`;
    const bucket = [{ key, capacity: this.questionsPerVoter }];
    return (await this.options.shared(bucket, QUESTION_WINDOW_MS).catch(() => 0)) === 0;
  }

  private get questionsPerVoter(): number {
    return this.options.questionsPerVoter ?? QUESTIONS_PER_VOTER;
  }

  /** Counts a new socket for the session; false (and nothing counted) when it already has the most allowed. */
  admitSocket(session: Session): boolean {
    const key = sessionKey(session);
    const open = this.sockets.get(key) ?? 0;
    if (open >= this.options.socketsPerSession) return false;
    this.sockets.set(key, open + 1);
    return true;
  }

  /** Forgets one of the session's sockets (it disconnected). */
  releaseSocket(session: Session): void {
    const key = sessionKey(session);
    const open = (this.sockets.get(key) ?? 1) - 1;
    if (open <= 0) this.sockets.delete(key);
    else this.sockets.set(key, open);
  }

  /** Drops buckets that have refilled: memory stays proportional to recently active voters. */
  sweep(): void {
    this.voters.sweep();
    this.meetings.sweep();
    this.askers.sweep();
  }

  /** Buckets held (for tests of the sweep). */
  get trackedBuckets(): number {
    return this.voters.size + this.meetings.size + this.askers.size;
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
