import { ok, type ParsedRequest, type RequestName, type RequestOutput, type Result } from '@quorum/shared';
import type { ReachedAt } from '../services/ballot-service';
import type { PollService } from '../services/poll-service';
import type { QaService } from '../services/qa-service';
import type { Session } from '../session/session-token';
import { pollVoters, type PollVotersDeps } from './poll-voters';
import type { QuestionClock } from './question-clock';
import type { QuorumSocket } from './types';

/**
 * What a handler gets: the payload parsed by the request's shared schema, the trusted session and the
 * socket it came on. It must answer with that request's own ack type (shared/src/protocol/requests.ts):
 * a handler that returns another shape does not compile.
 */
export type Handler<E extends RequestName> = (
  input: ParsedRequest<E>,
  session: Session,
  socket: QuorumSocket,
) => Promise<Result<RequestOutput<E>>>;

/** One handler per request, no more and no fewer. */
export type RouteTable = { [E in RequestName]: Handler<E> };

/** A service result as the ack's `{ [key]: value }`. */
function under<K extends string>(key: K) {
  return <T>(result: Result<T>): Result<Record<K, T>> =>
    result.ok ? ok({ [key]: result.data } as Record<K, T>) : result;
}

export interface RouteDeps {
  service: PollService;
  qa: QaService;
  clock: QuestionClock;
  /** Who voted (poll:voters) asks every instance's sockets, through the poll cache. */
  voters: PollVotersDeps;
}

/** Every request the server answers, and the service call behind it. Built once per server. */
export function routes({ service, qa, clock, voters }: RouteDeps): RouteTable {
  const { ballots, access } = service;
  // When the poll reached this socket's voter, from the quiz clock.
  const reachedAt =
    (session: Session, socket: QuorumSocket): ReachedAt =>
    (pollId, run) =>
      clock.reachedAt(pollId, run, session.voterId, socket.id);
  const poll = under('poll');
  return {
    'poll:create': async (draft, s) => poll(await service.create(s, draft)),
    'poll:update': async (i, s) => poll(await service.update(s, i.pollId, i.draft)),
    'poll:delete': async (i, s) => {
      const r = await service.delete(s, i.pollId);
      return r.ok ? ok({ pollId: r.data.id }) : r;
    },
    'poll:open': async (i, s) => poll(await service.open(s, i.pollId)),
    'poll:close': async (i, s) => poll(await service.close(s, i.pollId)),
    'poll:share': async (i, s) => poll(await service.share(s, i.pollId)),
    'poll:unshare': async (i, s) => poll(await service.unshare(s, i.pollId)),
    'poll:extend': async (i, s) => poll(await service.extend(s, i.pollId, i.seconds)),
    'poll:stop-timer': async (i, s) => poll(await service.stopTimer(s, i.pollId)),
    'ballot:cast': async (i, s, socket) => under('receipt')(await ballots.cast(s, i, reachedAt(s, socket))),
    'ballot:submit': async (i, s, socket) => under('receipts')(await ballots.submit(s, i, reachedAt(s, socket))),
    'answer:hide': async (i, s) => ballots.hide(s, i),
    'quiz:score': async (i, s) => under('score')(await ballots.quizScore(s, i)),
    'poll:voters': async (i, s) => pollVoters(voters, s, i.pollId),
    'meeting:settings': async (i, s) => under('settings')(await access.update(s, i)),
    'qa:ask': (i, s) => qa.ask(s, i),
    'qa:edit': (i, s) => qa.edit(s, i),
    'qa:withdraw': (i, s) => qa.withdraw(s, i),
    'qa:upvote': (i, s) => qa.upvote(s, i),
    'qa:moderate': (i, s) => qa.moderate(s, i),
    'qa:settings': (i, s) => qa.settings(s, i),
  };
}

/**
 * Participants' writes share the voter's and the meeting's ballot budgets: ballots, and the Q&A writes
 * that are as cheap to send and cost a transaction each (an upvote, an edit, a withdrawal).
 */
export const BALLOT_EVENTS: ReadonlySet<RequestName> = new Set([
  'ballot:cast',
  'ballot:submit',
  'qa:upvote',
  'qa:edit',
  'qa:withdraw',
]);

/** Requests that take from the asker's question budget (a flood of questions is refused). */
export const QUESTION_EVENTS: ReadonlySet<RequestName> = new Set(['qa:ask']);
