import { HTTP_STATUS, sessionRequestSchema } from '@quorum/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from '../plugins/schema-routes';
import { assertSession, requireSession } from '../plugins/session';
import type { SessionOpener } from '../session/session-opener';
import { toSessionView } from '../session/session-token';

/** Options for {@link sessionRoutes}. */
export interface SessionRoutesOptions {
  opener: SessionOpener;
}

/**
 * `POST /api/session` turns the encrypted context from `zoomSdk.getAppContext()` into a session
 * (for clients that load without the header, and for renewals); `GET /api/session` says who the
 * caller is. Needs the `session` plugin registered first.
 */
export const sessionRoutes: FastifyPluginAsync<SessionRoutesOptions> = async (fastify, { opener }) => {
  if (!fastify.hasDecorator('sessions')) throw new Error('sessionRoutes needs the session plugin registered first');

  fastify
    .withTypeProvider<ZodTypeProvider>()
    .post('/api/session', { schema: { body: sessionRequestSchema } }, async (req, reply) => {
      // A guest keeps their voter id only by presenting the token this page holds (see SessionOpener).
      const opened = await opener.open(req.body.context, fastify.sessions.fromBearer(req));
      if (!opened.ok) {
        req.log.info({ reason: opened.error.message }, 'app context rejected');
        return reply.code(HTTP_STATUS.UNAUTHENTICATED).send({ error: opened.error });
      }
      const token = fastify.sessions.issue(reply, opened.data);
      return reply
        .code(200)
        .header('cache-control', 'no-store')
        .send({ token, session: toSessionView(opened.data) });
    });

  fastify.get('/api/session', { preValidation: requireSession }, async (req, reply) => {
    assertSession(req);
    return reply.code(200).header('cache-control', 'no-store').send(toSessionView(req.session));
  });
};
