import { HTTP_STATUS, sessionRequestSchema } from '@quorum/shared';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config';
import type { ZodTypeProvider } from '../plugins/schema-routes';
import { assertSession, requireSession } from '../plugins/session';
import { randomGuestId, sessionFromContext, toSessionView, type Session } from '../session/session-token';
import { decryptAppContext } from '../zoom/app-context';

/**
 * True when this page's guest session now comes with a Zoom user id in the same meeting (the guest
 * added the app through promptAuthorize): the ballots they cast as a guest become the user's.
 */
const signedInGuest = (existing: Session | undefined, next: Session): existing is Session =>
  existing !== undefined &&
  existing.uid === undefined &&
  next.uid !== undefined &&
  existing.meetingId === next.meetingId;

/** Options for {@link sessionRoutes}; `now` is injectable for tests. */
export interface SessionRoutesOptions {
  config: Config;
  now?: () => number;
  /** A guest session of this page gained a Zoom user id in the same meeting: their ballots follow. */
  onGuestSignedIn?: (guestVoterId: string, userVoterId: string, meetingId: string) => Promise<unknown>;
  /** A signed-in user's session was made (a user who removed the app and came back gets their ballots back). */
  onUserSession?: (uid: string, voterId: string, meetingId: string) => Promise<unknown>;
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

  fastify
    .withTypeProvider<ZodTypeProvider>()
    .post('/api/session', { schema: { body: sessionRequestSchema } }, async (req, reply) => {
      const at = now();
      const ctx = decryptAppContext(req.body.context, config.zoomClientSecret, at, config.zoomClientId, {
        maxLifetimeMs: config.zoomAppContextMaxLifetimeSec * 1000,
      });
      if (!ctx.ok) {
        req.log.info({ reason: ctx.error.message }, 'app context rejected');
        return reply.code(HTTP_STATUS.UNAUTHENTICATED).send({ error: ctx.error });
      }
      // A guest keeps their voter id only by presenting the token this page holds: the cookie jar may be
      // shared by several people (the simulator frames everyone in one browser).
      const existing = fastify.sessions.fromBearer(req);
      const session = sessionFromContext(ctx.data, at, config.sessionTtlSec * 1000, randomGuestId, existing);
      if (signedInGuest(existing, session))
        await opts.onGuestSignedIn?.(existing.voterId, session.voterId, session.meetingId);
      if (session.uid !== undefined) await opts.onUserSession?.(session.uid, session.voterId, session.meetingId);
      const token = fastify.sessions.issue(reply, session);
      return reply
        .code(200)
        .header('cache-control', 'no-store')
        .send({ token, session: toSessionView(session) });
    });

  fastify.get('/api/session', { preValidation: requireSession }, async (req, reply) => {
    assertSession(req);
    return reply.code(200).header('cache-control', 'no-store').send(toSessionView(req.session));
  });
};
