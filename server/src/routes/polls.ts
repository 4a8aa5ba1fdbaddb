import { canSeePoll, canSeeResults, fail, HTTP_STATUS, isHostRole, type AppError } from '@quorum/shared';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireSession } from '../plugins/session';
import { exportRunCsv } from '../services/csv-export';
import type { Store } from '../store/types';

const pollParams = z.object({ pollId: z.string().min(1).max(64) });
const runParams = pollParams.extend({ run: z.coerce.number().int().min(1) });

const sendError = (reply: FastifyReply, error: AppError) => reply.code(HTTP_STATUS[error.code]).send({ error });

/** Read-only HTTP views of a meeting's polls, scoped to the caller's session and role. */
export const pollRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.addHook('preHandler', requireSession);

  app.get('/api/polls', async (request) => {
    const session = request.session!;
    const polls = await store.polls.listByMeeting(session.meetingId);
    return { polls: polls.filter((p) => canSeePoll(p, session.role)) };
  });

  app.get('/api/polls/:pollId', async (request, reply) => {
    const session = request.session!;
    const params = pollParams.safeParse(request.params);
    const poll = params.success ? await app.polls.state.poll(params.data.pollId) : undefined;
    if (!poll || poll.meetingId !== session.meetingId || !canSeePoll(poll, session.role)) {
      return sendError(reply, fail('NOT_FOUND', 'no such poll in this meeting').error);
    }
    const withResults = canSeeResults(poll, session.role);
    const runs = await Promise.all(
      Array.from({ length: poll.run }, async (_, i) => (await app.polls.state.tally(poll, i + 1)).snapshot(withResults)),
    );
    return { poll, runs };
  });

  app.get('/api/polls/:pollId/runs/:run/export.csv', async (request, reply) => {
    const session = request.session!;
    if (!isHostRole(session.role)) return sendError(reply, fail('FORBIDDEN', 'only hosts can export results').error);
    const params = runParams.safeParse(request.params);
    if (!params.success) return sendError(reply, fail('INVALID', 'poll id and run number expected', 'run').error);
    const poll = await app.polls.state.poll(params.data.pollId);
    if (!poll || poll.meetingId !== session.meetingId || params.data.run > poll.run) {
      return sendError(reply, fail('NOT_FOUND', 'no such poll run in this meeting').error);
    }
    const ballots = await store.ballots.listForRun(poll.id, params.data.run);
    const filename = `quorum-${poll.id}-run${params.data.run}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(exportRunCsv(poll, params.data.run, ballots));
  });
};
