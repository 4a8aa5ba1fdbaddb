import {
  answerHideSchema,
  castBallotSchema,
  meetingSettingsSchema,
  ok,
  pollDraftSchema,
  pollExtendSchema,
  pollRefSchema,
  pollUpdateSchema,
  quizScoreRequestSchema,
  submitBallotsSchema,
  type ClientToServerEvents,
  type Result,
} from '@quorum/shared';
import type { z } from 'zod';
import type { ReachedAt } from '../services/ballot-service';
import type { PollService } from '../services/poll-service';
import type { Session } from '../session/session-token';
import type { QuestionClock } from './question-clock';
import { pollVoters } from './poll-voters';
import type { QuorumServer, QuorumSocket } from './types';

/** What a handler gets: the parsed payload, the trusted session and the socket it came on. */
export type Handler<S extends z.ZodType> = (input: z.infer<S>, session: Session, socket: QuorumSocket) => Promise<Result<unknown>>;

/** Wraps a service result as the ack's `{ [key]: value }`. */
const wrap = (key: string) => (r: Result<unknown>) => (r.ok ? ok({ [key]: r.data }) : r);

/** When the poll reached this socket's voter, from the quiz clock. */
const reachedAt = (clock: QuestionClock, session: Session, socket: QuorumSocket): ReachedAt => (pollId, run) =>
  clock.reachedAt(pollId, run, session.voterId, socket.id);

/** Every request the server answers: its payload schema and the service call behind it. */
export function routes(service: PollService, clock: QuestionClock, io: QuorumServer) {
  const route = <S extends z.ZodType>(schema: S, run: Handler<S>) => ({ schema, run });
  const { ballots, access } = service;
  return {
    'poll:create': route(pollDraftSchema, async (draft, s) => wrap('poll')(await service.create(s, draft))),
    'poll:update': route(pollUpdateSchema, async (i, s) => wrap('poll')(await service.update(s, i.pollId, i.draft))),
    'poll:delete': route(pollRefSchema, async (i, s) => {
      const r = await service.delete(s, i.pollId);
      return r.ok ? ok({ pollId: r.data.id }) : r;
    }),
    'poll:open': route(pollRefSchema, async (i, s) => wrap('poll')(await service.open(s, i.pollId))),
    'poll:close': route(pollRefSchema, async (i, s) => wrap('poll')(await service.close(s, i.pollId))),
    'poll:share': route(pollRefSchema, async (i, s) => wrap('poll')(await service.share(s, i.pollId))),
    'poll:extend': route(pollExtendSchema, async (i, s) => wrap('poll')(await service.extend(s, i.pollId, i.seconds))),
    'poll:stop-timer': route(pollRefSchema, async (i, s) => wrap('poll')(await service.stopTimer(s, i.pollId))),
    'ballot:cast': route(castBallotSchema, async (i, s, socket) => wrap('receipt')(await ballots.cast(s, i, reachedAt(clock, s, socket)))),
    'ballot:submit': route(submitBallotsSchema, async (i, s, socket) => wrap('receipts')(await ballots.submit(s, i, reachedAt(clock, s, socket)))),
    'answer:hide': route(answerHideSchema, async (i, s) => ballots.hide(s, i)),
    'quiz:score': route(quizScoreRequestSchema, async (i, s) => wrap('score')(await ballots.quizScore(s, i))),
    'poll:voters': route(pollRefSchema, async (i, s) => pollVoters(io, service, s, i.pollId)),
    'meeting:settings': route(meetingSettingsSchema, async (i, s) => wrap('settings')(await access.update(s, i))),
  } satisfies Record<keyof ClientToServerEvents, unknown>;
}

/** Requests that write ballots share the per-socket ballot rate limit. */
export const BALLOT_EVENTS: ReadonlySet<string> = new Set(['ballot:cast', 'ballot:submit']);
