import fastifyCookie from '@fastify/cookie';
import { fail } from '@quorum/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { LatestRoles } from '../session/latest-roles';
import { signSession, verifySession, type Session } from '../session/session-token';
import { HttpFailure } from './schema-routes';

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'quorum_session';

/** Issues and reads sessions from cookies, bearer tokens and socket.io handshakes. */
export interface SessionManager {
  /** Sets the session cookie and returns the short-lived bearer token for the same session. */
  issue(reply: FastifyReply, session: Session): string;
  /**
   * The session from `Authorization: Bearer <token>` or, when the request carries no Authorization header,
   * the cookie. A bearer that fails never falls back to the cookie: the cookie jar may hold another pane's session.
   */
  fromRequest(req: FastifyRequest): Session | undefined;
  /** The session from `Authorization: Bearer <token>` only: proof held by this page, not the browser. */
  fromBearer(req: FastifyRequest): Session | undefined;
  /**
   * The session of a socket.io handshake, from its `auth.token` alone: the cookie never authenticates a socket,
   * since any frame under the same top-level page (or another pane of the simulator) sends it too.
   */
  fromHandshake(token: string | undefined): Session | undefined;
  /** The role of the newest session issued to this voter in this meeting (undefined: none issued here). */
  latestRole(session: Pick<Session, 'meetingId' | 'voterId'>): Session['role'] | undefined;
  /** Tells `listener` when a newly issued session gives its voter another role in that meeting. */
  onRoleChange(listener: (session: Session) => void): () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionManager;
  }
  interface FastifyRequest {
    /** The trusted identity of this request, or null when it carries none. */
    session: Session | null;
  }
}

/** Options for {@link sessionPlugin}; `now` is injectable so tests can move the clock. */
export interface SessionPluginOptions {
  config: Config;
  now?: () => number;
  /** Sessions voided before their expiry (a user removed the app) fail like expired ones. */
  isRevoked?: (session: Session) => boolean;
}

/** Answers 401 UNAUTHENTICATED unless the request carries a valid session. */
export async function requireSession(req: FastifyRequest): Promise<void> {
  assertSession(req);
}

/**
 * Narrows the request to one with a session, so handlers read `request.session` without a `!`; a
 * request without one is answered 401 UNAUTHENTICATED (by the error handler).
 */
export function assertSession<R extends FastifyRequest>(request: R): asserts request is R & { session: Session } {
  if (!request.session)
    throw new HttpFailure(fail('UNAUTHENTICATED', 'No valid Quorum session: reopen the app from Zoom').error);
}

function createManager(opts: SessionPluginOptions, unsign: (v: string) => string | undefined): SessionManager {
  const { config } = opts;
  const now = opts.now ?? Date.now;
  const verified = (token: string | undefined) =>
    token ? verifySession(token, config.sessionSecret, now()) : undefined;
  const fromToken = (token: string | undefined) => {
    const session = verified(token);
    return session && opts.isRevoked?.(session) ? undefined : session;
  };
  const fromCookie = (value: string | undefined) => (value ? fromToken(unsign(value)) : undefined);
  const roles = new LatestRoles(now);
  return {
    issue(reply, session) {
      const at = now();
      roles.record(session);
      reply.setCookie(SESSION_COOKIE, signSession(session, config.sessionSecret), {
        signed: true,
        httpOnly: true,
        // SameSite=None (which requires Secure) because Zoom's web client frames the app cross-site;
        // Partitioned lets Chrome keep the cookie when third-party cookies are blocked.
        secure: true,
        sameSite: 'none',
        partitioned: true,
        path: '/',
        maxAge: Math.max(0, Math.ceil((session.exp - at) / 1000)),
      });
      // The bearer token lives in page memory, so it gets a shorter life than the cookie.
      const tokenExp = Math.min(session.exp, at + config.sessionTokenTtlSec * 1000);
      return signSession({ ...session, exp: tokenExp }, config.sessionSecret);
    },
    fromRequest(req) {
      return req.headers.authorization !== undefined ? this.fromBearer(req) : fromCookie(req.cookies[SESSION_COOKIE]);
    },
    fromBearer(req) {
      const auth = req.headers.authorization;
      return fromToken(auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined);
    },
    fromHandshake(token) {
      return fromToken(token);
    },
    latestRole: (session) => roles.of(session),
    onRoleChange: (listener) => roles.onChange(listener),
  };
}

/**
 * Registers @fastify/cookie (signed with the session secret), decorates `fastify.sessions`
 * and fills `request.session` on every request.
 */
export const sessionPlugin = fp<SessionPluginOptions>(
  async (fastify, opts) => {
    // Awaited so the cookie parser's onRequest hook is in place before ours, which reads req.cookies.
    await fastify.register(fastifyCookie, { secret: opts.config.sessionSecret });
    const unsign = (value: string) => {
      const result = fastify.unsignCookie(value);
      return result.valid ? result.value : undefined;
    };
    const manager = createManager(opts, unsign);
    fastify.decorate('sessions', manager);
    fastify.decorateRequest('session', null);
    fastify.addHook('onRequest', async (req) => {
      req.session = manager.fromRequest(req) ?? null;
    });
  },
  { name: 'session', fastify: '5.x' },
);
