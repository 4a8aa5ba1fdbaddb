import { fail, oversizedMessage, parseInput, type Result } from '@quorum/shared';
import type { z } from 'zod';
import type { PollService } from '../services/poll-service';
import { internalFailure } from './internal-failure';
import type { QuestionClock } from './question-clock';
import { BALLOT_EVENTS, routes, type Handler } from './routes';
import type { QuorumServer, QuorumSocket } from './types';
import type { BallotRefusal, VoterLimits } from './voter-limits';
import type { SessionGuard } from './session-guard';

/** Counters of what the socket layer turned away; exposed on /healthz and read by tests. */
export interface RealtimeMetrics {
  unknownEvents: number;
  /** Known requests sent without an ack callback: nobody would hear the answer, so none is sent. */
  missingAcks: number;
  invalidPayloads: number;
  rateLimited: number;
  internalErrors: number;
}

interface HandlerOptions {
  io: QuorumServer;
  service: PollService;
  clock: QuestionClock;
  metrics: RealtimeMetrics;
  /** Ballot budgets shared by all of a voter's sockets and by the meeting. */
  limits: VoterLimits;
  /** Re-checks the socket's session (expiry, newest role) before every request. */
  guard: SessionGuard;
  log: (error: unknown, event: string) => void;
  /** A client misusing the protocol (logged once per socket and kind; the metrics count every one). */
  warn: (what: string, event: string) => void;
}

/** An event name as it may appear in a log line or a reply: printable and short. */
const printable = (event: unknown): string => String(event).replace(/[^\x20-\x7e]/g, '?').slice(0, 64);

const RATE_LIMIT_MESSAGES: Record<NonNullable<BallotRefusal>, string> = {
  voter: 'too many ballots; slow down and try again',
  meeting: 'this meeting is sending too many ballots at once; try again in a moment',
};

/**
 * Wires one socket's requests: parse with the shared schema → service → ack. Nothing a client sends
 * can throw out of here: bad input gets INVALID naming the field, surprises get INTERNAL.
 */
export function registerHandlers(socket: QuorumSocket, options: HandlerOptions): void {
  const { metrics } = options;
  const table: Record<string, { schema: z.ZodType; run: Handler<z.ZodType> }> = routes(options.service, options.clock, options.io);

  options.guard.watch(socket);

  // Log the first of each kind per socket only: a fuzzing client must not flood the log.
  const warned = new Set<string>();
  const warnOnce = (what: string, event: unknown) => {
    if (warned.has(what)) return;
    warned.add(what);
    options.warn(what, printable(event));
  };

  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && Object.hasOwn(table, event)) return;
    metrics.unknownEvents++;
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as (r: Result<never>) => void)(fail('INVALID', `unknown request '${printable(event)}'`));
    else warnOnce('socket sent an unknown event', event);
  });

  for (const [event, { schema, run }] of Object.entries(table)) {
    // The typed socket API cannot express "any of these events", so register untyped.
    (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(event, (payload, ack) => {
      if (typeof ack !== 'function') {
        metrics.missingAcks++; // every request needs an ack; without one nobody would hear the answer
        return warnOnce('socket sent a request without an ack', event);
      }
      const reply = ack as (r: Result<unknown>) => void;
      const ended = options.guard.ended(socket);
      if (ended) {
        reply(fail('UNAUTHENTICATED', ended.message));
        return options.guard.end(socket, ended);
      }
      const oversized = oversizedMessage(event, payload);
      if (oversized) {
        metrics.invalidPayloads++;
        return reply(fail('INVALID', `this request is ${Math.ceil(oversized.bytes / 1024)} KB; the limit is ${oversized.limit / 1024} KB`));
      }
      const limited = BALLOT_EVENTS.has(event) ? options.limits.takeBallot(socket.data.session) : Promise.resolve(undefined);
      limited
        .then((refusal): Result<unknown> | Promise<Result<unknown>> => {
          if (refusal) {
            metrics.rateLimited++;
            return fail('RATE_LIMITED', RATE_LIMIT_MESSAGES[refusal]);
          }
          const input = parseInput(schema, payload);
          if (!input.ok) {
            metrics.invalidPayloads++;
            return input;
          }
          return run(input.data, socket.data.session, socket);
        })
        .then(reply, (error: unknown) => {
          metrics.internalErrors++;
          options.log(error, event);
          reply(internalFailure(error));
        });
    });
  }
}
