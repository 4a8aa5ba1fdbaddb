import { fail, isHostRole, type AppError, type Poll, type SubmitBallots } from '@quorum/shared';
import { errorText, translator, type Translate } from '../i18n';
import type { ZoomNotification } from '../zoom/zoom-port';
import { BallotOutbox, newClientBallotId } from './ballot-outbox';
import type { OutboxStore } from './outbox-store';
import {
  initialMeetingState,
  liveChange,
  meetingReducer,
  type LiveChange,
  type MeetingAction,
  type MeetingState,
} from './meeting-state';
import {
  TransportError,
  type RealtimeLink,
  type RequestData,
  type RequestName,
  type RequestPayload,
  type RequestResult,
} from './realtime-link';
import { createStore, type Store } from './store';

export interface MeetingControllerDeps {
  link: RealtimeLink;
  /** Shows a Zoom notification (never throws). */
  notify: (notification: ZoomNotification) => void;
  /** Puts a message in the polite live region. */
  announce: (message: string) => void;
  now?: () => number;
  /** Words for notifications and announcements; the app's language unless told. */
  t?: Translate;
  /** Where unacknowledged ballots outlive a reload (this meeting and voter); memory unless told. */
  outboxStore?: OutboxStore;
}

/** The meeting as the UI uses it: state, the ballot outbox, and requests that never throw. */
export interface MeetingController {
  store: Store<MeetingState, MeetingAction>;
  outbox: BallotOutbox;
  /** Sends a request; a missing ack (offline, timeout) becomes an UNAVAILABLE error result, anything else INTERNAL. */
  request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>>;
  /** Submits every answered question of the poll's current run at once (`ballot:submit`, via the outbox). */
  vote(poll: Poll, answers: SubmitBallots['answers']): void;
  /** *Reconnect now*: skips the backoff wait. */
  reconnectNow(): void;
  dispose(): void;
}

/** The words of each live change: a Zoom notification's title, and the live region's sentence. */
const LIVE_CHANGE_WORDS = {
  opened: { title: 'poll.new', announce: 'poll.newNamed' },
  closed: { title: 'poll.closedTitle', announce: 'poll.closedNamed' },
  shared: { title: 'poll.sharedTitle', announce: 'poll.sharedNamed' },
} as const satisfies Record<LiveChange, { title: string; announce: string }>;

const isHost = (state: MeetingState) => state.session !== null && isHostRole(state.session.role);

/** The question a refusal blames: the server names `answers.<i>.…`, an index into the submission. */
export function blamedQuestion(submission: SubmitBallots, error: AppError): string | undefined {
  const index = /^answers\.(\d+)(\.|$)/.exec(error.field ?? '')?.[1];
  return index === undefined ? undefined : submission.answers[Number(index)]?.questionId;
}

/** Wires a RealtimeLink to the meeting store, the outbox and the user-facing notifications. */
export function createMeetingController({
  link,
  notify,
  announce,
  now = Date.now,
  t = translator(),
  outboxStore,
}: MeetingControllerDeps): MeetingController {
  const store = createStore(meetingReducer, initialMeetingState);
  const titleOf = (pollId: string) => store.getState().polls[pollId]?.title ?? t('poll.thePoll');

  const outbox = new BallotOutbox(
    {
      send: (submission) => link.request('ballot:submit', submission),
      onReceipts(receipts, { pollId }) {
        store.dispatch({ type: 'receipts', receipts });
        // One message per poll, once its last submission is in.
        if (outbox.isSending(pollId)) return;
        announce(t('vote.receivedFor', { title: titleOf(pollId) }));
        notify({ type: 'info', title: t('vote.recorded'), message: t('vote.receivedIn', { title: titleOf(pollId) }) });
      },
      onRejected(submission, error) {
        const reason = errorText(t, error);
        const message = t('vote.notCountedBecause', { reason });
        const questionId = blamedQuestion(submission, error);
        store.dispatch({
          type: 'ballot:error',
          pollId: submission.pollId,
          error: questionId ? { message, questionId } : { message },
        });
        announce(message);
        notify({
          type: 'error',
          title: t('vote.notCounted'),
          message: t('common.titledDetail', { title: titleOf(submission.pollId), detail: reason }),
        });
      },
    },
    newClientBallotId,
    outboxStore,
  );

  const unsubscribe = [
    link.on('meeting:snapshot', (snapshot) => store.dispatch({ type: 'snapshot', snapshot, receivedAt: now() })),
    link.on('poll:updated', (poll, serverTime) => {
      const previous = store.getState().polls[poll.id];
      store.dispatch({ type: 'poll:updated', poll, serverTime, receivedAt: now() });
      // Only live transitions notify: a snapshot after joining late must not replay old launches.
      // Hosts made the change themselves; participants may be looking at another app or the meeting.
      const change = liveChange(previous, poll);
      if (!change || isHost(store.getState())) return;
      announce(t(LIVE_CHANGE_WORDS[change].announce, { title: poll.title }));
      notify({ type: 'info', title: t(LIVE_CHANGE_WORDS[change].title), message: poll.title });
    }),
    link.on('poll:deleted', ({ pollId }) => store.dispatch({ type: 'poll:deleted', pollId })),
    link.on('poll:tally', (tally) => store.dispatch({ type: 'poll:tally', tally })),
    link.on('meeting:settings', (settings) => store.dispatch({ type: 'meeting:settings', settings })),
    link.on('qa:update', (update) => store.dispatch({ type: 'qa:update', update })),
    link.on('qa:mine', (mine) => store.dispatch({ type: 'qa:mine', mine })),
    // Answered at once: the server times the round trip so a slow link does not cost quiz points.
    link.on('time:ping', (_serverTime, ack) => ack()),
    link.onStatus((status, detail) => {
      const was = store.getState().connection.status;
      store.dispatch(detail === undefined ? { type: 'connection', status } : { type: 'connection', status, detail });
      if (status === 'online') outbox.flush();
      if (status === 'offline' && detail) announce(detail);
      else if (status === 'connecting' && was === 'online') announce(t('connection.lost'));
    }),
  ];

  return {
    store,
    outbox,
    async request(event, payload) {
      try {
        const result = await link.request(event, payload);
        // The requester's own change shows at once: the meeting's broadcast of it leaves the server's
        // fan-out queue after this ack, and may arrive a moment later (or, offline, not at all).
        if (result.ok) applyOwnChange(store, event, result.data);
        return result;
      } catch (error) {
        // Offline or unanswered: say so (it will work once reconnected), not "something went wrong on our side".
        if (error instanceof TransportError) return fail('UNAVAILABLE', error.message) as RequestResult<typeof event>;
        return fail('INTERNAL', t('common.somethingWrong')) as RequestResult<typeof event>;
      }
    },
    vote(poll, answers) {
      if (answers.length > 0) outbox.submit({ pollId: poll.id, answers });
    },
    reconnectNow: () => link.reconnect(),
    dispose() {
      unsubscribe.forEach((off) => off());
    },
  };
}

/**
 * Applies a request's ack that carries a poll (create, update, open, close, share, extend, stop timer),
 * a deletion, or my own Q&A change (a question asked or edited, withdrawn, an upvote).
 */
function applyOwnChange(store: Store<MeetingState, MeetingAction>, event: RequestName, data: unknown): void {
  const qa = qaOwnChange(event, data);
  if (qa) return store.dispatch(qa);
  if (event === 'poll:delete')
    return store.dispatch({ type: 'poll:deleted', pollId: (data as { pollId: string }).pollId });
  if (event.startsWith('poll:') && typeof data === 'object' && data !== null && 'poll' in data) {
    store.dispatch({ type: 'poll:updated', poll: (data as { poll: Poll }).poll });
  }
}

function qaOwnChange(event: RequestName, data: unknown): MeetingAction | undefined {
  if (event === 'qa:ask' || event === 'qa:edit')
    return { type: 'qa:asked', question: (data as RequestData<'qa:ask'>).question };
  if (event === 'qa:withdraw')
    return { type: 'qa:withdrawn', questionId: (data as RequestData<'qa:withdraw'>).questionId };
  if (event === 'qa:upvote') return { type: 'qa:upvoted', ...(data as RequestData<'qa:upvote'>) };
  return undefined;
}
