import { HTTP_STATUS, parseInput, sessionRequestSchema } from '@quorum/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config';
import { requireSession } from '../plugins/session';
import { randomGuestId, sessionFromContext, toSessionView } from '../session/session-token';
import { decryptAppContext } from '../zoom/app-context';

/** Options for {@link sessionRoutes}; `now` is injectable for tests. */
export interface SessionRoutesOptions {
  config: Config;
  now?: () => number;
}

/**
 * `POST /api/session` turns the encrypted context from `zoomSdk.getAppContext()` into a session
 * (for clients that load without the header); `GET /api/session` says who the caller is.
 * Needs the `session` plugin registered first.
 */
export const sessionRoutes: FastifyPluginAsync<SessionRoutesOptions> = async (fastify, opts) => {
  if (!fastify.hasDecorator('sessions')) throw new Error('sessionRoutes needs the session plugin registered first');
  const { config } = opts;
  const now = opts.now ?? Date.now;

  fastify.post('/api/session', async (req, reply) => {
    const input = parseInput(sessionRequestSchema, req.body);
    if (!input.ok) return reply.code(HTTP_STATUS.INVALID).send({ error: input.error });
    const at = now();
    const ctx = decryptAppContext(input.data.context, config.zoomClientSecret, at, config.zoomClientId);
    if (!ctx.ok) {
      req.log.info({ reason: ctx.error.message }, 'app context rejected');
      return reply.code(HTTP_STATUS.UNAUTHENTICATED).send({ error: ctx.error });
    }
    // A guest keeps their voter id only by presenting the token this page holds: the cookie jar may be
    // shared by several people (the simulator frames everyone in one browser).
    const existing = fastify.sessions.fromBearer(req);
    const session = sessionFromContext(ctx.data, at, config.sessionTtlSec * 1000, randomGuestId, existing);
    const token = fastify.sessions.issue(reply, session);
    return reply.code(200).header('cache-control', 'no-store').send({ token, session: toSessionView(session) });
  });

  fastify.get('/api/session', { preHandler: requireSession }, async (req, reply) => {
    // requireSession has answered 401 already when there is none.
    if (!req.session) return reply;
    return reply.code(200).header('cache-control', 'no-store').send(toSessionView(req.session));
  });
};
