import {
  castBallotSchema,
  fail,
  ok,
  parseInput,
  pollDraftSchema,
  pollRefSchema,
  pollUpdateSchema,
  type ClientToServerEvents,
  type Result,
} from '@quorum/shared';
import type { z } from 'zod';
import type { PollService } from '../services/poll-service';
import type { Session } from '../session/session-token';
import { TokenBucket } from './rate-limiter';
import type { QuorumSocket } from './types';

/** Counters of what the socket layer turned away; exposed on /healthz and read by tests. */
export interface RealtimeMetrics {
  unknownEvents: number;
  invalidPayloads: number;
  rateLimited: number;
  internalErrors: number;
}

type Handler<S extends z.ZodType> = (input: z.infer<S>, session: Session) => Promise<Result<unknown>>;

interface HandlerOptions {
  service: PollService;
  metrics: RealtimeMetrics;
  ballotRateLimit: number;
  log: (error: unknown, event: string) => void;
}

/** Every request the server answers: its payload schema and the service call behind it. */
function routes(service: PollService) {
  const route = <S extends z.ZodType>(schema: S, run: Handler<S>) => ({ schema, run });
  const wrap = (key: string) => (r: Result<unknown>) => (r.ok ? ok({ [key]: r.data }) : r);
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
    'ballot:cast': route(castBallotSchema, async (i, s) => wrap('receipt')(await service.cast(s, i))),
  } satisfies Record<keyof ClientToServerEvents, unknown>;
}

/**
 * Wires one socket's requests: parse with the shared schema → service → ack. Nothing a client sends
 * can throw out of here: bad input gets INVALID naming the field, surprises get INTERNAL.
 */
export function registerHandlers(socket: QuorumSocket, options: HandlerOptions): void {
  const { metrics } = options;
  const table: Record<string, { schema: z.ZodType; run: Handler<z.ZodType> }> = routes(options.service);
  const bucket = new TokenBucket(options.ballotRateLimit, 10_000);

  socket.onAny((event: string) => {
    if (!(event in table)) metrics.unknownEvents++;
  });

  for (const [event, { schema, run }] of Object.entries(table)) {
    // The typed socket API cannot express "any of these events", so register untyped.
    (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(event, (payload, ack) => {
      if (typeof ack !== 'function') {
        metrics.invalidPayloads++; // every request needs an ack; without one nobody would hear the answer
        return;
      }
      const reply = ack as (r: Result<unknown>) => void;
      if (event === 'ballot:cast' && !bucket.take()) {
        metrics.rateLimited++;
        return reply(fail('RATE_LIMITED', 'too many ballots; slow down and try again'));
      }
      const input = parseInput(schema, payload);
      if (!input.ok) {
        metrics.invalidPayloads++;
        return reply(input);
      }
      run(input.data, socket.data.session).then(reply, (error: unknown) => {
        metrics.internalErrors++;
        options.log(error, event);
        reply(fail('INTERNAL', 'something went wrong on our side; your last action was not saved'));
      });
    });
  }
}
