import type { MeetingSnapshot, Poll, PollTally, Receipt, SessionView } from '@quorum/shared';
import type { ConnectionStatus } from './realtime-link';

/** Everything the meeting UI renders, derived only from server messages and acks. */
export interface MeetingState {
  session: SessionView | null;
  polls: Record<string, Poll>;
  /** Newest tally per poll and run, keyed by `tallyKey`. */
  tallies: Record<string, PollTally>;
  /** My receipts, keyed by `receiptKey` (poll, run, question). */
  receipts: Record<string, Receipt>;
  /** serverTime − local time at the last snapshot, for countdowns. */
  clockOffsetMs: number;
  connection: { status: ConnectionStatus; detail?: string };
  /** Why my last ballot for a poll was refused; local, so a snapshot keeps it. */
  ballotErrors: Record<string, string>;
  /** False until the first snapshot arrives. */
  ready: boolean;
}

export type MeetingAction =
  | { type: 'snapshot'; snapshot: MeetingSnapshot; receivedAt: number }
  | { type: 'poll:updated'; poll: Poll }
  | { type: 'poll:deleted'; pollId: string }
  | { type: 'poll:tally'; tally: PollTally }
  | { type: 'receipt'; receipt: Receipt }
  | { type: 'connection'; status: ConnectionStatus; detail?: string }
  | { type: 'ballot:error'; pollId: string; message: string };

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
  ready: false,
};

const byKey = <T>(items: readonly T[], key: (item: T) => string): Record<string, T> =>
  Object.fromEntries(items.map((item) => [key(item), item]));

/**
 * Keeps the higher version: tallies may arrive out of order from several server instances. At an equal
 * version, results replace turnout-only: sharing or closing reveals the same counts without a new vote.
 */
function mergeTally(tallies: Record<string, PollTally>, tally: PollTally): Record<string, PollTally> {
  const key = tallyKey(tally.pollId, tally.run);
  const known = tallies[key];
  const revealed = known?.version === tally.version && known.questions === undefined && tally.questions !== undefined;
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
        clockOffsetMs: snapshot.serverTime - action.receivedAt,
        ready: true,
      };
    }
    case 'poll:updated':
      return { ...state, polls: { ...state.polls, [action.poll.id]: action.poll } };
    case 'poll:deleted': {
      const { [action.pollId]: _gone, ...polls } = state.polls;
      return { ...state, polls, tallies: withoutPoll(state.tallies, action.pollId), receipts: withoutPoll(state.receipts, action.pollId) };
    }
    case 'poll:tally':
      return { ...state, tallies: mergeTally(state.tallies, action.tally) };
    case 'receipt': {
      const r = action.receipt;
      const { [r.pollId]: _cleared, ...ballotErrors } = state.ballotErrors;
      return { ...state, ballotErrors, receipts: { ...state.receipts, [receiptKey(r.pollId, r.run, r.questionId)]: r } };
    }
    case 'ballot:error':
      return { ...state, ballotErrors: { ...state.ballotErrors, [action.pollId]: action.message } };
    case 'connection':
      return { ...state, connection: action.detail === undefined ? { status: action.status } : { status: action.status, detail: action.detail } };
  }
}

/** The tally of the poll's current run, if any has arrived. */
export const currentTally = (state: MeetingState, poll: Poll): PollTally | undefined => state.tallies[tallyKey(poll.id, poll.run)];

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
  Object.values(state.polls).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt - a.createdAt);

/** True when an update turns a poll open (a launch or a relaunch), the moment to tell participants. */
export const becameOpen = (previous: Poll | undefined, next: Poll): boolean =>
  next.status === 'open' && (previous?.status !== 'open' || previous.run !== next.run);
