import { fail, isHostRole, type Answer, type CastBallot, type Poll } from '@quorum/shared';
import type { ZoomNotification } from '../zoom/zoom-port';
import { BallotOutbox } from './ballot-outbox';
import { becameOpen, initialMeetingState, meetingReducer, type MeetingAction, type MeetingState } from './meeting-state';
import { TransportError, type RealtimeLink, type RequestName, type RequestPayload, type RequestResult } from './realtime-link';
import { createStore, type Store } from './store';

export interface MeetingControllerDeps {
  link: RealtimeLink;
  /** Shows a Zoom notification (never throws). */
  notify: (notification: ZoomNotification) => void;
  /** Puts a message in the polite live region. */
  announce: (message: string) => void;
  now?: () => number;
}

/** The meeting as the UI uses it: state, the ballot outbox, and requests that never throw. */
export interface MeetingController {
  store: Store<MeetingState, MeetingAction>;
  outbox: BallotOutbox;
  /** Sends a request; a missing ack becomes an INTERNAL error result with a readable message. */
  request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>>;
  /** Casts one ballot per answered question of the poll's current run. */
  vote(poll: Poll, answers: Record<string, Answer>): void;
  dispose(): void;
}

const isHost = (state: MeetingState) => state.session !== null && isHostRole(state.session.role);

/** Wires a RealtimeLink to the meeting store, the outbox and the user-facing notifications. */
export function createMeetingController({ link, notify, announce, now = Date.now }: MeetingControllerDeps): MeetingController {
  const store = createStore(meetingReducer, initialMeetingState);
  const titleOf = (pollId: string) => store.getState().polls[pollId]?.title ?? 'the poll';

  const outbox = new BallotOutbox({
    send: (cast: CastBallot) => link.request('ballot:cast', cast),
    onReceipt(receipt) {
      store.dispatch({ type: 'receipt', receipt });
      // One message per poll, once its last question is in.
      if (outbox.isSending(receipt.pollId)) return;
      announce(`Vote received for ${titleOf(receipt.pollId)}.`);
      notify({ type: 'info', title: 'Vote recorded', message: `Your vote in “${titleOf(receipt.pollId)}” was received.` });
    },
    onRejected(cast, error) {
      const message = `Your vote was not counted: ${error.message}`;
      store.dispatch({ type: 'ballot:error', pollId: cast.pollId, message });
      announce(message);
      notify({ type: 'error', title: 'Vote not counted', message: `${titleOf(cast.pollId)}: ${error.message}` });
    },
  });

  const unsubscribe = [
    link.on('meeting:snapshot', (snapshot) => store.dispatch({ type: 'snapshot', snapshot, receivedAt: now() })),
    link.on('poll:updated', (poll) => {
      const previous = store.getState().polls[poll.id];
      store.dispatch({ type: 'poll:updated', poll });
      // Only live transitions notify: a snapshot after joining late must not replay old launches.
      if (!becameOpen(previous, poll) || isHost(store.getState())) return;
      announce(`New poll: ${poll.title}`);
      notify({ type: 'info', title: 'New poll', message: poll.title });
    }),
    link.on('poll:deleted', ({ pollId }) => store.dispatch({ type: 'poll:deleted', pollId })),
    link.on('poll:tally', (tally) => store.dispatch({ type: 'poll:tally', tally })),
    link.onStatus((status, detail) => {
      const was = store.getState().connection.status;
      store.dispatch(detail === undefined ? { type: 'connection', status } : { type: 'connection', status, detail });
      if (status === 'online') outbox.flush();
      if (status === 'offline' && detail) announce(detail);
      else if (status === 'connecting' && was === 'online') announce('Connection lost. Reconnecting…');
    }),
  ];

  return {
    store,
    outbox,
    async request(event, payload) {
      try {
        return await link.request(event, payload);
      } catch (error) {
        const message = error instanceof TransportError ? error.message : 'Something went wrong. Try again.';
        return fail('INTERNAL', message) as RequestResult<typeof event>;
      }
    },
    vote(poll, answers) {
      for (const question of poll.questions) {
        const answer = answers[question.id];
        if (answer) outbox.submit({ pollId: poll.id, questionId: question.id, answer });
      }
    },
    dispose() {
      unsubscribe.forEach((off) => off());
    },
  };
}
