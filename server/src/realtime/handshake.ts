import { handshakeAuthSchema, PROTOCOL_VERSION } from '@quorum/shared';
import type { SessionManager } from '../plugins/session';
import type { SessionGuard } from './session-guard';
import type { QuorumServer, QuorumSocket } from './types';
import type { VoterLimits } from './voter-limits';

/** A refused handshake's error: `message` is the code the client acts on, `data` says why in words. */
const refusal = (code: 'PROTOCOL_MISMATCH' | 'UNAUTHENTICATED' | 'TOO_MANY_CONNECTIONS', message: string) =>
  Object.assign(new Error(code), { data: { code, message } });

export interface HandshakeOptions {
  sessions: SessionManager;
  guard: SessionGuard;
  limits: VoterLimits;
  maxSocketsPerSession: number;
}

/**
 * Who may open a socket: a client of this protocol, authenticated by its page's session token alone
 * (the cookie is held by the browser for every frame and pane, so it never authenticates a socket),
 * with the newest role Zoom gave it, and within its number of sockets.
 */
export function guardHandshakes(
  io: QuorumServer,
  { sessions, guard, limits, maxSocketsPerSession }: HandshakeOptions,
): void {
  io.use((socket, next) => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success)
      return next(
        refusal('PROTOCOL_MISMATCH', `this client speaks another protocol; the server speaks ${PROTOCOL_VERSION}`),
      );
    const session = sessions.fromHandshake(auth.data.token);
    if (!session) {
      const why = auth.data.token
        ? 'the session token is invalid or expired; renew it'
        : 'a socket needs the session token in auth.token; the cookie alone is not enough';
      return next(refusal('UNAUTHENTICATED', why));
    }
    socket.data.session = session;
    if (auth.data.participantUUID !== undefined) socket.data.participantUUID = auth.data.participantUUID;
    next();
  });
  // Last middleware, so a socket counted here always connects and its disconnect releases it.
  io.use((socket, next) => {
    const session = (socket.data.session = guard.current(socket.data.session));
    if (!limits.admitSocket(session)) {
      return next(
        refusal(
          'TOO_MANY_CONNECTIONS',
          `at most ${maxSocketsPerSession} connections per person in a meeting; close another Quorum window`,
        ),
      );
    }
    socket.on('disconnect', () => limits.releaseSocket(session));
    next();
  });
}

/**
 * Lets go of the HTTP request a connection began with. Engine.io keeps it for the life of the socket
 * (for middleware such as express-session) with its headers, parser state and buffers, about 4 KB a
 * connection (socket.io's memory-usage guide). Quorum reads what it needs during the handshake:
 * the origin in the engine middleware, the session token in `auth`, both before this runs.
 */
export function releaseUpgradeRequest(socket: QuorumSocket): void {
  (socket.conn as { request: unknown }).request = null;
}
