import type { z } from 'zod';
import { castBallotSchema, submitBallotsSchema, type Receipt } from '../schemas/ballot';
import { meetingSettingsSchema, type MeetingSettings } from '../schemas/meeting';
import { pollDraftSchema, type Poll } from '../schemas/poll';
import type { QuizScore } from '../schemas/quiz';
import {
  answerHideSchema,
  pollExtendSchema,
  pollRefSchema,
  pollUpdateSchema,
  quizScoreRequestSchema,
} from '../schemas/requests';
import { parseInput } from '../schemas/parse';
import {
  qaAskSchema,
  qaEditSchema,
  qaModerateSchema,
  qaSettingsPatchSchema,
  qaUpvoteSchema,
  qaWithdrawSchema,
  type QaQuestionView,
  type QaSettings,
} from '../schemas/qa';
import type { Result } from './errors';

/** Who has voted, for the invitation picker; anonymous polls never tell. */
export interface PollVoters {
  anonymous: boolean;
  participantUUIDs: string[];
}

/**
 * One request: the schema the server checks its input with, and (as a type only: nothing is sent for
 * it) what a successful ack carries. Written `request(schema).acks<Output>()`.
 */
export interface RequestDef<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S;
  /** Never set: carries the ack's type for `RequestOutput`. */
  readonly output?: O;
}

const request = <S extends z.ZodType>(input: S) => ({ acks: <O>(): RequestDef<S, O> => ({ input }) });

/**
 * Every request a client may send, once: the socket event map (ClientToServerEvents), the server's
 * input checks and its route table (which must return each request's own output, or it does not
 * compile) are all derived from this table.
 */
export const REQUESTS = {
  'poll:create': request(pollDraftSchema).acks<{ poll: Poll }>(),
  'poll:update': request(pollUpdateSchema).acks<{ poll: Poll }>(),
  'poll:delete': request(pollRefSchema).acks<{ pollId: string }>(),
  'poll:open': request(pollRefSchema).acks<{ poll: Poll }>(),
  'poll:close': request(pollRefSchema).acks<{ poll: Poll }>(),
  'poll:share': request(pollRefSchema).acks<{ poll: Poll }>(),
  /** Hosts: take a share back; participants get turnout only again (as the poll's visibility allows). */
  'poll:unshare': request(pollRefSchema).acks<{ poll: Poll }>(),
  'ballot:cast': request(castBallotSchema).acks<{ receipt: Receipt }>(),
  /** A survey's answers in one go: all are written or none (required questions must be present). */
  'ballot:submit': request(submitBallotsSchema).acks<{ receipts: Receipt[] }>(),
  /** Hosts: hide or show again one open-text answer; hidden answers leave results and exports. */
  'answer:hide': request(answerHideSchema).acks<{ ballotId: string; hidden: boolean }>(),
  /** Hosts: move an open poll's deadline later, or start a countdown from now. */
  'poll:extend': request(pollExtendSchema).acks<{ poll: Poll }>(),
  /** Hosts: remove an open poll's deadline; the poll stays open until closed by hand. */
  'poll:stop-timer': request(pollRefSchema).acks<{ poll: Poll }>(),
  /** The host alone: change the meeting's settings; hosts are told with `meeting:settings`. */
  'meeting:settings': request(meetingSettingsSchema).acks<{ settings: MeetingSettings }>(),
  /** My standing in a quiz run; participants may ask once the poll is closed, null when I did not play. */
  'quiz:score': request(quizScoreRequestSchema).acks<{ score: QuizScore | null }>(),
  /** Hosts: the participant UUIDs (as their clients claim them) that voted in the poll's current run. */
  'poll:voters': request(pollRefSchema).acks<PollVoters>(),
  /** Ask a question (the same `clientId` again returns the same question); my view of it comes back. */
  'qa:ask': request(qaAskSchema).acks<{ question: QaQuestionView }>(),
  /** Rewrite my own question, until a host answered it. */
  'qa:edit': request(qaEditSchema).acks<{ question: QaQuestionView }>(),
  /** Take my own question back (it is deleted with its upvotes), until a host answered it. */
  'qa:withdraw': request(qaWithdrawSchema).acks<{ questionId: string }>(),
  /** Set my upvote on a question (`up`), one per person; re-sending lands on the same state. */
  'qa:upvote': request(qaUpvoteSchema).acks<{ questionId: string; up: boolean }>(),
  /** Hosts: approve, dismiss, answer, archive (in bulk), highlight one, reply; the host view of what changed. */
  'qa:moderate': request(qaModerateSchema).acks<{ questions: QaQuestionView[] }>(),
  /** Hosts: turn Q&A on or off and change its settings (any subset). */
  'qa:settings': request(qaSettingsPatchSchema).acks<{ settings: QaSettings }>(),
} as const satisfies Record<string, RequestDef>;

export type RequestName = keyof typeof REQUESTS;
/** What a client sends with a request (before the schema's defaults). */
export type RequestInput<E extends RequestName> = z.input<(typeof REQUESTS)[E]['input']>;
/** The request's input as the server's handler gets it, parsed by its schema. */
export type ParsedRequest<E extends RequestName> = z.output<(typeof REQUESTS)[E]['input']>;
/** What a successful ack of the request carries. */
export type RequestOutput<E extends RequestName> = NonNullable<(typeof REQUESTS)[E]['output']>;

/** Every request's acknowledgement: `{ok:true,data}` or `{ok:false,error:{code,message,field?}}`. */
export type Ack<T> = (result: Result<T>) => void;

/** socket.io's map of client events, one per request, each with its ack. */
export type ClientToServerEvents = { [E in RequestName]: (input: RequestInput<E>, ack: Ack<RequestOutput<E>>) => void };

/** True for a name the table knows (the server's dispatcher reads untyped event names). */
export const isRequestName = (event: string): event is RequestName => Object.hasOwn(REQUESTS, event);

/**
 * Checks a request's input with its own schema. (TypeScript cannot see that the schema looked up by a
 * generic name is that request's, so this one function says so.)
 */
export function parseRequest<E extends RequestName>(event: E, payload: unknown): Result<ParsedRequest<E>> {
  const schema: z.ZodType = REQUESTS[event].input;
  return parseInput(schema, payload) as Result<ParsedRequest<E>>;
}
