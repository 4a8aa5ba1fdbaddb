import { isHostRole, meetingReportViewSchema, type Poll } from '@quorum/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '../plugins/schema-routes';
import { assertSession, requireSession } from '../plugins/session';
import { meetingRoom } from '../realtime/rooms';
import { ParticipantsSeen } from '../services/participants-seen';
import { hostOnly } from '../services/poll-guard';
import { buildReportView } from '../services/report-view';
import type { Store } from '../store/types';
import { sendError } from './http-errors';

/**
 * `GET /api/meetings/current/report`: the post-meeting report of the session's meeting, for its hosts
 * (during the meeting too). Needs the realtime plugin: it watches who connects, for the attendance
 * estimate, and asks every instance who is connected now.
 */
export const reportRoutes: FastifyPluginAsync<{ store: Store }> = async (base, { store }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const seen = new ParticipantsSeen();
  app.io.on('connection', (socket) => {
    const { session } = socket.data;
    if (!isHostRole(session.role)) seen.add(session.meetingId, session.voterId);
  });
  const sessionsSeen = async (meetingId: string): Promise<string[]> => {
    const connected = await app.io.in(meetingRoom(meetingId)).fetchSockets();
    const now = connected.map((s) => s.data.session).filter((s) => !isHostRole(s.role));
    return [...seen.list(meetingId), ...now.map((s) => s.voterId)];
  };

  app.get(
    '/api/meetings/current/report',
    { preValidation: requireSession, schema: { response: { 200: meetingReportViewSchema } } },
    async (request, reply) => {
      assertSession(request);
      const { session } = request;
      const allowed = hostOnly(session, 'see the meeting report');
      if (!allowed.ok) return sendError(reply, allowed.error);
      const runTally = (poll: Poll, run: number) => app.polls.runTally(poll, run, 'host');
      const report = await buildReportView({ store, runTally, sessionsSeen }, session.meetingId);
      return reply.header('cache-control', 'no-store').send(report);
    },
  );
};
