import {
  DEFAULT_MEETING_SETTINGS,
  mayRunPolls,
  type MeetingSettings,
  type MeetingSnapshot,
  type Poll,
  type PollTally,
  type Receipt,
  type SessionView,
} from '@quorum/shared';
import { initialQaState, qaReducer, type QaAction, type QaState } from './qa-state';
import type { ConnectionStatus } from './realtime-link';
import { clockOffset } from './server-clock';

/** Why my last submission for a poll was refused, and which question the server blamed, if one. */
export interface BallotError {
  message: string;
  questionId?: string;
}

/** Everything the meeting UI renders, derived only from server messages and acks. */
export interface MeetingState {
  session: SessionView | null;
  polls: Record<string, Poll>;
  /** Newest tally per poll and run, keyed by `tallyKey`. */
  tallies: Record<string, PollTally>;
  /** My receipts, keyed by `receiptKey` (poll, run, question). */
  receipts: Record<string, Receipt>;
  /** serverTime − local time at the last stamped message (snapshot, poll update), for countdowns. */
  clockOffsetMs: number;
  connection: { status: ConnectionStatus; detail?: string };
  /** Why my last ballot for a poll was refused; local, so a snapshot keeps it. */
  ballotErrors: Record<string, BallotError>;
  /** Who may run polls (the host decides). */
  meetingSettings: MeetingSettings;
  /** Audience Q&A (see qa-state.ts). */
  qa: QaState;
  /** False until the first snapshot arrives. */
  ready: boolean;
}

export type MeetingAction =
  | { type: 'snapshot'; snapshot: MeetingSnapshot; receivedAt: number }
  | { type: 'poll:updated'; poll: Poll; serverTime?: number | undefined; receivedAt?: number }
  | { type: 'poll:deleted'; pollId: string }
  | { type: 'poll:tally'; tally: PollTally }
  | { type: 'receipts'; receipts: readonly Receipt[] }
  | { type: 'meeting:settings'; settings: MeetingSettings }
  | { type: 'connection'; status: ConnectionStatus; detail?: string }
  | { type: 'ballot:error'; pollId: string; error: BallotError }
  | Exclude<QaAction, { type: 'qa:snapshot' }>;

export const tallyKey = (pollId: string, run: number): string => `${pollId}:${run}`;
export const receiptKey = (pollId: string, run: number, questionId: string): string => `${pollId}:${run}:${questionId}`;

export const initialMeetingState: MeetingState = {
  session: null,
  polls: {},
  tallies: {},
  receipts: {},
  clockOffsetMs: 0,
  connection: { status: 'connecting' },
  ballotErrors: {},
  meetingSettings: DEFAULT_MEETING_SETTINGS,
  qa: initialQaState,
  ready: false,
};

const byKey = <T>(items: readonly T[], key: (item: T) => string): Record<string, T> =>
  Object.fromEntries(items.map((item) => [key(item), item]));

/** True when `next` shows something `known` withheld: results after turnout only, or a quiz's standings. */
const reveals = (known: PollTally, next: PollTally): boolean =>
  (known.questions === undefined && next.questions !== undefined) ||
  (known.leaderboard === undefined && next.leaderboard !== undefined);

/**
 * Keeps the higher version: tallies may arrive out of order from several server instances. At an equal
 * version, a tally that reveals more wins: sharing or closing reveals the same counts (and a quiz's
 * standings) without a new vote.
 */
function mergeTally(tallies: Record<string, PollTally>, tally: PollTally): Record<string, PollTally> {
  const key = tallyKey(tally.pollId, tally.run);
  const known = tallies[key];
  const revealed = known?.version === tally.version && reveals(known, tally);
  if (known && known.version >= tally.version && !revealed) return tallies;
  return { ...tallies, [key]: tally };
}

function withoutPoll<T>(record: Record<string, T>, pollId: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith(`${pollId}:`)));
}

/**
 * The pure meeting-state reducer. A snapshot replaces everything it covers, even newer-looking tallies:
 * after a reconnect it is the authoritative state and anything missed in between is in it.
 */
export function meetingReducer(state: MeetingState, action: MeetingAction): MeetingState {
  switch (action.type) {
    case 'snapshot': {
      const { snapshot } = action;
      return {
        ...state,
        session: snapshot.session,
        polls: byKey(snapshot.polls, (p) => p.id),
        tallies: snapshot.tallies.reduce(mergeTally, {} as Record<string, PollTally>),
        receipts: byKey(snapshot.myBallots, (r) => receiptKey(r.pollId, r.run, r.questionId)),
        clockOffsetMs: clockOffset(snapshot.serverTime, action.receivedAt),
        meetingSettings: snapshot.meetingSettings ?? DEFAULT_MEETING_SETTINGS,
        qa: qaReducer(initialQaState, { type: 'qa:snapshot', qa: snapshot.qa }),
        ready: true,
      };
    }
    case 'poll:updated': {
      const { serverTime, receivedAt } = action;
      const clockOffsetMs =
        serverTime === undefined || receivedAt === undefined
          ? state.clockOffsetMs
          : clockOffset(serverTime, receivedAt);
      return { ...state, clockOffsetMs, polls: { ...state.polls, [action.poll.id]: action.poll } };
    }
    case 'poll:deleted': {
      const { [action.pollId]: _gone, ...polls } = state.polls;
      return {
        ...state,
        polls,
        tallies: withoutPoll(state.tallies, action.pollId),
        receipts: withoutPoll(state.receipts, action.pollId),
      };
    }
    case 'poll:tally':
      return { ...state, tallies: mergeTally(state.tallies, action.tally) };
    case 'receipts': {
      const polls = new Set(action.receipts.map((r) => r.pollId));
      const ballotErrors = Object.fromEntries(
        Object.entries(state.ballotErrors).filter(([pollId]) => !polls.has(pollId)),
      );
      const receipts = {
        ...state.receipts,
        ...byKey(action.receipts, (r) => receiptKey(r.pollId, r.run, r.questionId)),
      };
      return { ...state, ballotErrors, receipts };
    }
    case 'ballot:error':
      return { ...state, ballotErrors: { ...state.ballotErrors, [action.pollId]: action.error } };
    case 'meeting:settings':
      return { ...state, meetingSettings: action.settings };
    case 'qa:update':
    case 'qa:mine':
    case 'qa:asked':
    case 'qa:upvoted':
    case 'qa:withdrawn':
      return { ...state, qa: qaReducer(state.qa, action) };
    case 'connection':
      return {
        ...state,
        connection:
          action.detail === undefined ? { status: action.status } : { status: action.status, detail: action.detail },
      };
  }
}

/** The tally of the poll's current run, if any has arrived. */
export const currentTally = (state: MeetingState, poll: Poll): PollTally | undefined =>
  state.tallies[tallyKey(poll.id, poll.run)];

/** My receipts for the poll's current run, per question id. */
export function currentReceipts(state: MeetingState, poll: Poll): Record<string, Receipt> {
  const mine: Record<string, Receipt> = {};
  for (const q of poll.questions) {
    const receipt = state.receipts[receiptKey(poll.id, poll.run, q.id)];
    if (receipt) mine[q.id] = receipt;
  }
  return mine;
}

const STATUS_ORDER: Record<Poll['status'], number> = { open: 0, draft: 1, closed: 2 };

/** Open polls first, then drafts, then closed ones; newest first within each group. */
export const sortedPolls = (state: MeetingState): Poll[] =>
  Object.values(state.polls).sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt - a.createdAt,
  );

/** True when an update turns a poll open (a launch or a relaunch), the moment to tell participants. */
export const becameOpen = (previous: Poll | undefined, next: Poll): boolean =>
  next.status === 'open' && (previous?.status !== 'open' || previous.run !== next.run);

/** A change worth telling a participant about as it happens: launched, closed, or its results shared. */
export type LiveChange = 'opened' | 'closed' | 'shared';

/** What an update did to a poll already known (undefined for none of the above, or a poll first seen). */
export function liveChange(previous: Poll | undefined, next: Poll): LiveChange | undefined {
  if (becameOpen(previous, next)) return 'opened';
  if (!previous || previous.run !== next.run) return undefined;
  if (previous.status === 'open' && next.status === 'closed') return 'closed';
  if (!previous.resultsShared && next.resultsShared) return 'shared';
  return undefined;
}

/** Whether I may create, launch, close and moderate polls now (co-hosts only while the host allows it). */
export const mayRun = (state: MeetingState): boolean =>
  state.session !== null && mayRunPolls(state.session.role, state.meetingSettings);
