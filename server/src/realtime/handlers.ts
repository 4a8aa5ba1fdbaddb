import {
  fail,
  isRequestName,
  oversizedMessage,
  parseRequest,
  type RequestName,
  type RequestOutput,
  type Result,
} from '@quorum/shared';
import { internalFailure } from './internal-failure';
import { BALLOT_EVENTS, QUESTION_EVENTS, type RouteTable } from './routes';
import type { SessionGuard } from './session-guard';
import type { QuorumSocket } from './types';
import type { BallotRefusal, VoterLimits } from './voter-limits';

/** Counters of what the socket layer turned away; exposed on /healthz and read by tests. */
export interface RealtimeMetrics {
  unknownEvents: number;
  /** Known requests sent without an ack callback: nobody would hear the answer, so none is sent. */
  missingAcks: number;
  invalidPayloads: number;
  rateLimited: number;
  internalErrors: number;
}

export interface DispatcherOptions {
  routes: RouteTable;
  metrics: RealtimeMetrics;
  /** Ballot budgets shared by all of a voter's sockets and by the meeting. */
  limits: VoterLimits;
  /** Re-checks the socket's session (expiry, newest role) before every request. */
  guard: SessionGuard;
  log: (error: unknown, event: string) => void;
  /** A client misusing the protocol (logged once per socket and kind; the metrics count every one). */
  warn: (what: string, event: string, socketId: string) => void;
}

/** An event name as it may appear in a log line or a reply: printable and short. */
const printable = (event: unknown): string =>
  String(event)
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 64);

const RATE_LIMIT_MESSAGES: Record<NonNullable<BallotRefusal>, string> = {
  voter: 'too many ballots; slow down and try again',
  meeting: 'this meeting is sending too many ballots at once; try again in a moment',
};

/**
 * Every socket's requests, through one listener: parse with the request's shared schema → its route →
 * ack. Built once per server (one route table, no per-socket listeners). Nothing a client sends can
 * throw out of here: bad input gets INVALID naming the field, surprises get INTERNAL.
 */
export function createDispatcher(options: DispatcherOptions) {
  const { metrics, routes } = options;

  /** Why the request is over its sender's budget, or undefined. */
  async function budgetRefusal(event: RequestName, socket: QuorumSocket): Promise<string | undefined> {
    const { session } = socket.data;
    if (QUESTION_EVENTS.has(event) && !(await options.limits.takeQuestion(session)))
      return 'too many questions; wait a minute before asking another';
    const ballot = BALLOT_EVENTS.has(event) ? await options.limits.takeBallot(session) : undefined;
    return ballot && RATE_LIMIT_MESSAGES[ballot];
  }

  /** One request of a known name, answered through `reply` with exactly that request's ack type. */
  async function answer<E extends RequestName>(
    event: E,
    payload: unknown,
    socket: QuorumSocket,
  ): Promise<Result<RequestOutput<E>>> {
    const ended = options.guard.ended(socket);
    if (ended) {
      options.guard.end(socket, ended);
      return fail('UNAUTHENTICATED', ended.message);
    }
    const oversized = oversizedMessage(event, payload);
    if (oversized) {
      metrics.invalidPayloads++;
      return fail(
        'INVALID',
        `this request is ${Math.ceil(oversized.bytes / 1024)} KB; the limit is ${oversized.limit / 1024} KB`,
      );
    }
    const refusal = await budgetRefusal(event, socket);
    if (refusal) {
      metrics.rateLimited++;
      return fail('RATE_LIMITED', refusal);
    }
    const input = parseRequest(event, payload);
    if (!input.ok) {
      metrics.invalidPayloads++;
      return input;
    }
    return routes[event](input.data, socket.data.session, socket);
  }

  // Log the first of each kind per socket only: a fuzzing client must not flood the log.
  function warnOnce(socket: QuorumSocket, what: string, event: unknown): void {
    const warned = (socket.data.warned ??= new Set());
    if (warned.has(what)) return;
    warned.add(what);
    options.warn(what, printable(event), socket.id);
  }

  /** The one listener of every socket (socket.io calls it with the socket as `this`): nothing is built per socket. */
  function onRequest(this: QuorumSocket, event: unknown, ...args: unknown[]): void {
    const ack = args.at(-1);
    const reply = typeof ack === 'function' ? (ack as (result: Result<unknown>) => void) : undefined;
    if (typeof event !== 'string' || !isRequestName(event)) {
      metrics.unknownEvents++;
      if (reply) return reply(fail('INVALID', `unknown request '${printable(event)}'`));
      return warnOnce(this, 'socket sent an unknown event', event);
    }
    if (!reply) {
      metrics.missingAcks++; // every request needs an ack; without one nobody would hear the answer
      return warnOnce(this, 'socket sent a request without an ack', event);
    }
    answer(event, args[0], this).then(reply, (error: unknown) => {
      metrics.internalErrors++;
      options.log(error, event);
      reply(internalFailure(error));
    });
  }

  return {
    /** Starts serving one socket's requests. */
    attach(socket: QuorumSocket): void {
      options.guard.watch(socket);
      socket.onAny(onRequest);
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
