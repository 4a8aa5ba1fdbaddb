import { fail, HTTP_STATUS, zoomAuthorizedRequestSchema, type AppError, type ZoomMeetingView } from '@quorum/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { ZodTypeProvider } from '../plugins/schema-routes';
import { assertSession, requireSession } from '../plugins/session';
import { TooManyPendingStatesError } from '../services/oauth-states';
import { NeedsAuthorizationError, WrongZoomUserError } from '../services/zoom-accounts';
import type { Session } from '../session/session-token';
import type { Store } from '../store/types';
import { OAuthError } from '../zoom/oauth-client';
import { ZoomApiError } from '../zoom/rest-client';

/** Options for {@link zoomOAuthRoutes}. */
export interface ZoomOAuthRoutesOptions {
  config: Config;
  store: Store;
}

const send = (reply: FastifyReply, status: number, error: AppError) =>
  reply.code(status).header('cache-control', 'no-store').send({ error });

/**
 * Maps what can go wrong talking to Zoom onto a clear answer: the user must authorize (again) → 401,
 * Zoom refused the code → 400, another Zoom user → 403, Zoom's own trouble → 502. Never a 500.
 */
export function sendZoomFailure(req: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof NeedsAuthorizationError)
    return send(reply, 401, { code: 'UNAUTHENTICATED', message: error.message });
  if (error instanceof WrongZoomUserError) return send(reply, 403, { code: 'FORBIDDEN', message: error.message });
  if (error instanceof OAuthError && error.needsReauthorization) {
    return send(reply, 400, {
      code: 'INVALID',
      message: 'Zoom refused the authorization code (expired or already used): authorize again',
      field: 'code',
    });
  }
  if (error instanceof ZoomApiError && error.status === 404)
    return send(reply, 404, { code: 'NOT_FOUND', message: error.message });
  if (error instanceof ZoomApiError && error.status === 403)
    return send(reply, 403, { code: 'FORBIDDEN', message: error.message });
  req.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'zoom call failed');
  return send(reply, 502, { code: 'INTERNAL', message: 'Zoom did not answer as expected: try again in a moment' });
}

/** The caller's Zoom user id, or a 403 telling a guest how to become one. */
function zoomUid(session: Session, reply: FastifyReply): string | undefined {
  if (session.uid !== undefined) return session.uid;
  void send(reply, HTTP_STATUS.FORBIDDEN, {
    code: 'FORBIDDEN',
    message:
      'Guests cannot authorize Quorum: call zoomSdk.promptAuthorize() to sign in to Zoom first (voting works without it)',
  });
  return undefined;
}

/**
 * The redirect URI to redeem an in-client code with: the one `onAuthorized` reported, because Zoom binds
 * the code to it (the page where `authorize` ran, which may carry a path or query), accepted only on
 * Quorum's own origin so a client cannot make the server redeem a code for somebody else's redirect.
 */
export function ownRedirectUri(reported: string, publicUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(reported);
  } catch {
    return undefined;
  }
  const sameOrigin = url.origin === new URL(publicUrl).origin && url.username === '' && url.password === '';
  return sameOrigin ? reported : undefined;
}

/**
 * In-client OAuth with PKCE: `POST /api/zoom/authorize` (it stores a state, so not a GET) →
 * `zoomSdk.authorize(...)` → `onAuthorized` → `POST /api/zoom/authorized`; plus the status and the
 * session's meeting as Zoom describes it.
 */
export const zoomOAuthRoutes: FastifyPluginAsync<ZoomOAuthRoutesOptions> = async (app, { config, store }) => {
  app.addHook('preValidation', requireSession);
  const appOrigin = new URL(config.publicUrl).origin;

  app.post('/api/zoom/authorize', async (req, reply) => {
    assertSession(req);
    const { session } = req;
    if (zoomUid(session, reply) === undefined) return reply;
    try {
      const started = await app.zoom.states.start(session.voterId, config.zoomPkceMethod);
      return await reply
        .header('cache-control', 'no-store')
        .send({ codeChallenge: started.codeChallenge, state: started.state, codeChallengeMethod: started.method });
    } catch (error) {
      if (error instanceof TooManyPendingStatesError)
        return send(reply, HTTP_STATUS.RATE_LIMITED, { code: 'RATE_LIMITED', message: error.message });
      throw error;
    }
  });

  app
    .withTypeProvider<ZodTypeProvider>()
    .post('/api/zoom/authorized', { schema: { body: zoomAuthorizedRequestSchema } }, async (req, reply) => {
      assertSession(req);
      const { session } = req;
      const uid = zoomUid(session, reply);
      if (uid === undefined) return reply;
      const { body } = req;
      const redirectUri = ownRedirectUri(body.redirectUri, config.publicUrl);
      if (redirectUri === undefined) {
        req.log.info({ reason: 'redirectUri not on the app origin' }, 'in-client authorization refused');
        return send(
          reply,
          HTTP_STATUS.INVALID,
          fail('INVALID', `redirectUri must be on Quorum's own origin (${appOrigin})`, 'redirectUri').error,
        );
      }
      const state = await app.zoom.states.finish(body.state, session.voterId);
      if (!state.ok)
        return send(
          reply,
          HTTP_STATUS.INVALID,
          fail('INVALID', `authorization state ${state.reason}: start again`, 'state').error,
        );
      try {
        const tokens = await app.zoom.oauth.exchangeCode({
          code: body.code,
          redirectUri,
          codeVerifier: state.verifier,
        });
        await app.zoom.accounts.link(tokens, uid);
      } catch (error) {
        return sendZoomFailure(req, reply, error);
      }
      return reply.header('cache-control', 'no-store').send({ canAuthorize: true, authorized: true });
    });

  app.get('/api/zoom/status', async (req, reply) => {
    assertSession(req);
    const { uid } = req.session;
    const authorized = uid !== undefined && (await app.zoom.accounts.isAuthorized(uid));
    return reply.header('cache-control', 'no-store').send({ canAuthorize: uid !== undefined, authorized });
  });

  app.get('/api/zoom/meeting', async (req, reply) => {
    assertSession(req);
    const { session } = req;
    const uid = zoomUid(session, reply);
    if (uid === undefined) return reply;
    try {
      const meeting = await app.zoom.accounts.withToken(uid, (token) =>
        app.zoom.rest.getMeeting(token, session.meetingId),
      );
      await rememberMeeting(store, session.meetingId, meeting.id, meeting.topic, meeting.host_id);
      const view: ZoomMeetingView = {
        uuid: session.meetingId,
        id: meeting.id,
        topic: meeting.topic,
        hostId: meeting.host_id,
        isHost: meeting.host_id === uid,
      };
      return await reply.header('cache-control', 'no-store').send(view);
    } catch (error) {
      return sendZoomFailure(req, reply, error);
    }
  });
};

// The topic and host feed the end-of-meeting report when webhooks arrive without them.
async function rememberMeeting(
  store: Store,
  uuid: string,
  zoomId: string,
  topic: string,
  hostId: string,
): Promise<void> {
  const known = await store.meetings.get(uuid);
  await store.meetings.save({
    uuid,
    zoomId,
    topic,
    hostId,
    status: known?.status ?? 'unknown',
    startedAt: known?.startedAt ?? null,
    endedAt: known?.endedAt ?? null,
  });
}
