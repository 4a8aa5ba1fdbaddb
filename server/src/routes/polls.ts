import { canSeePoll, fail, ok, pollForRole, type Ballot, type Poll, type Result } from '@quorum/shared';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from '../plugins/schema-routes';
import { assertSession, requireSession } from '../plugins/session';
import type { Session } from '../session/session-token';
import { exportRunCsv } from '../services/csv-export';
import { exportRunJson } from '../services/json-export';
import { exportRunSummaryCsv } from '../services/summary-export';
import { voterLabels, type VoterLabels } from '../services/voter-directory';
import type { Store } from '../store/types';
import { sendAttachment, sendError } from './http-errors';

const pollParams = z.object({ pollId: z.string().min(1).max(64) });
const runParams = pollParams.extend({ run: z.coerce.number().int().min(1) });

/** The poll and run an export names, if the caller is a host of the poll's meeting. */
async function hostRun(
  app: FastifyInstance,
  session: Session,
  params: z.output<typeof runParams>,
): Promise<Result<{ poll: Poll; run: number }>> {
  const found = await app.polls.guard.pollFor(session, params.pollId, 'host', 'export results');
  if (!found.ok) return found;
  if (params.run > found.data.run) return fail('NOT_FOUND', 'no such poll run in this meeting', 'run');
  return ok({ poll: found.data, run: params.run });
}

/** Read-only HTTP views of a meeting's polls, scoped to the caller's session and role. */
export const pollRoutes: FastifyPluginAsync<{ store: Store }> = async (base, { store }) => {
  // Who the voters are, for a named poll's exports only: an anonymous poll's never even reads them.
  const namesFor = (poll: Poll, ballots: readonly Ballot[]): Promise<VoterLabels | undefined> =>
    poll.settings.anonymous
      ? Promise.resolve(undefined)
      : voterLabels(
          store,
          poll.meetingId,
          ballots.map((b) => b.voterId),
        );
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.addHook('preValidation', requireSession);

  app.get('/api/polls', async (request) => {
    assertSession(request);
    const { session } = request;
    const polls = await store.polls.listByMeeting(session.meetingId);
    return { polls: polls.filter((p) => canSeePoll(p, session.role)).map((p) => pollForRole(p, session.role)) };
  });

  /** The poll with every run's tally (run history: relaunching never overwrites earlier runs). */
  app.get('/api/polls/:pollId', { schema: { params: pollParams } }, async (request, reply) => {
    assertSession(request);
    const { session } = request;
    const found = await app.polls.guard.pollFor(session, request.params.pollId, 'see');
    if (!found.ok) return sendError(reply, found.error);
    const poll = found.data;
    const runs = await Promise.all(
      Array.from({ length: poll.run }, (_, i) => app.polls.runTally(poll, i + 1, session.role, session.roomId)),
    );
    return { poll: pollForRole(poll, session.role), runs };
  });

  app.get('/api/polls/:pollId/runs/:run/export.csv', { schema: { params: runParams } }, async (request, reply) => {
    assertSession(request);
    const found = await hostRun(app, request.session, request.params);
    if (!found.ok) return sendError(reply, found.error);
    const { poll, run } = found.data;
    const ballots = await store.ballots.listForRun(poll.id, run);
    return sendAttachment(
      reply,
      'text/csv; charset=utf-8',
      `quorum-${poll.id}-run${run}.csv`,
      exportRunCsv(poll, run, ballots, await namesFor(poll, ballots)),
    );
  });

  app.get('/api/polls/:pollId/runs/:run/summary.csv', { schema: { params: runParams } }, async (request, reply) => {
    assertSession(request);
    const found = await hostRun(app, request.session, request.params);
    if (!found.ok) return sendError(reply, found.error);
    const { poll, run } = found.data;
    const tally = await app.polls.runTally(poll, run, 'host');
    return sendAttachment(
      reply,
      'text/csv; charset=utf-8',
      `quorum-${poll.id}-run${run}-summary.csv`,
      exportRunSummaryCsv(poll, tally),
    );
  });

  app.get('/api/polls/:pollId/runs/:run/export.json', { schema: { params: runParams } }, async (request, reply) => {
    assertSession(request);
    const found = await hostRun(app, request.session, request.params);
    if (!found.ok) return sendError(reply, found.error);
    const { poll, run } = found.data;
    const [tally, ballots] = await Promise.all([
      app.polls.runTally(poll, run, 'host'),
      store.ballots.listForRun(poll.id, run),
    ]);
    const body = JSON.stringify(exportRunJson(poll, tally, ballots, Date.now(), await namesFor(poll, ballots)));
    return sendAttachment(reply, 'application/json; charset=utf-8', `quorum-${poll.id}-run${run}.json`, body);
  });
};
