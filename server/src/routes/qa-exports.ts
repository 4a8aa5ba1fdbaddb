import type { FastifyPluginAsync } from 'fastify';
import { exportedQuestions, exportQaCsv } from '../services/qa-export';
import { hostOnly } from '../services/poll-guard';
import { voterLabels } from '../services/voter-directory';
import type { Store } from '../store/types';
import { assertSession, requireSession } from '../plugins/session';
import { sendAttachment, sendError } from './http-errors';

/**
 * `GET /api/meetings/current/qa/export.csv` and `.json`: every audience question of the session's
 * meeting for its hosts and co-hosts (like poll exports), read from the database, so every instance
 * answers the same. Named questions carry the asker's id, Zoom name and email where known; anonymous
 * ones none.
 */
export const qaExportRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.addHook('preValidation', requireSession);

  const rows = async (meetingId: string) => {
    const qa = await store.qa.load(meetingId);
    const named = qa.questions.filter((q) => !q.anonymous).map((q) => q.askerId);
    return { qa, questions: exportedQuestions(qa, await voterLabels(store, meetingId, named)) };
  };

  for (const format of ['csv', 'json'] as const) {
    app.get(`/api/meetings/current/qa/export.${format}`, async (request, reply) => {
      assertSession(request);
      const { session } = request;
      const allowed = hostOnly(session, 'export the Q&A');
      if (!allowed.ok) return sendError(reply, allowed.error);
      const { qa, questions } = await rows(session.meetingId);
      const name = `quorum-qa-${session.meetingId.replace(/[^A-Za-z0-9_-]/g, '_')}.${format}`;
      if (format === 'csv') return sendAttachment(reply, 'text/csv; charset=utf-8', name, exportQaCsv(questions));
      const body = { exportedAt: Date.now(), meetingId: session.meetingId, version: qa.version, questions };
      return sendAttachment(reply, 'application/json; charset=utf-8', name, JSON.stringify(body));
    });
  }
};
