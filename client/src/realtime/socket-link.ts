import { io, type Socket } from 'socket.io-client';
import {
  fail,
  oversizedMessage,
  PROTOCOL_VERSION,
  serverRestartingSchema,
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
} from '@quorum/shared';
import { backoffDelay, hintedDelay, SOCKET_IO_BACKOFF } from './reconnect-backoff';
import {
  TransportError,
  type ConnectionStatus,
  type RealtimeLink,
  type RequestName,
  type RequestPayload,
  type RequestResult,
} from './realtime-link';
import { translator } from '../i18n';

/** The typed socket.io client for Quorum's protocol. */
export type QuorumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketLinkOptions {
  /** The current session token (kept in memory; cookies may be blocked inside Zoom's frame). */
  getToken: () => string | null;
  /** Gets a fresh token after the server refused the old one; resolves false when that is impossible. */
  renewSession: () => Promise<boolean>;
  /** This participant's UUID from getUserContext, sent with the handshake to target invitations. */
  participantUUID?: () => Promise<string | undefined>;
  ackTimeoutMs?: number;
  url?: string;
  /** Jitter source for reconnect delays; tests pin it. */
  random?: () => number;
}

/**
 * Refusals after which reconnecting cannot help: the server speaks another protocol. (A deliberate logout —
 * the server revoking this session — belongs here too once the server says so.)
 */
const FINAL_REFUSALS = new Set(['PROTOCOL_MISMATCH']);

/** Opens Quorum's socket.io connection on the page's origin and adapts it to RealtimeLink. */
export function createSocketLink(options: SocketLinkOptions): RealtimeLink {
  const auth = (cb: (data: HandshakeAuth) => void) => {
    const token = options.getToken();
    const base: HandshakeAuth = token
      ? { protocolVersion: PROTOCOL_VERSION, token }
      : { protocolVersion: PROTOCOL_VERSION };
    const uuid = options.participantUUID?.() ?? Promise.resolve(undefined);
    void uuid.then(
      (participantUUID) => cb(participantUUID ? { ...base, participantUUID } : base),
      () => cb(base),
    );
  };
  const socketOptions = { autoConnect: false, withCredentials: true, auth, ...SOCKET_IO_BACKOFF };
  const socket: QuorumSocket = options.url ? io(options.url, socketOptions) : io(socketOptions);
  const statusHandlers = new Set<(status: ConnectionStatus, detail?: string) => void>();
  const setStatus = (status: ConnectionStatus, detail?: string) => statusHandlers.forEach((h) => h(status, detail));
  const t = () => translator();
  let renewals = 0;
  // Our own retries, for the cases socket.io leaves alone: the server hung up, or refused the handshake.
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let restartHintMs: number | undefined;
  let stopped = false;
  const cancelRetry = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
  };
  const retryLater = (delayMs: number, detail: string) => {
    cancelRetry();
    if (stopped) return;
    setStatus('connecting', detail);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      attempts += 1;
      socket.connect();
    }, delayMs);
  };
  const retryWithBackoff = (detail: string) => retryLater(backoffDelay(attempts, options.random), detail);

  // The user removed Quorum from their Zoom account: the server voided the session and hangs up next.
  // Say so, and never reconnect or renew with it (a new session needs the app added again).
  let revoked = false;

  socket.on('session:revoked', () => {
    revoked = true;
    stopped = true;
    cancelRetry();
    setStatus('offline', translator()('connection.revoked'));
  });
  socket.on('connect', () => {
    renewals = 0;
    attempts = 0;
    restartHintMs = undefined;
    setStatus('online');
  });
  socket.on('server:restarting', (notice) => {
    const parsed = serverRestartingSchema.safeParse(notice);
    if (parsed.success) restartHintMs = parsed.data.retryAfterMs;
  });
  socket.on('disconnect', (reason) => {
    if (revoked) return setStatus('offline', translator()('connection.revoked'));
    if (reason === 'io client disconnect') return;
    // socket.io retries by itself after a dropped transport, but never after the server hung up: we do.
    if (socket.active) return setStatus('connecting');
    if (restartHintMs !== undefined)
      return retryLater(hintedDelay(restartHintMs, options.random), t()('connection.restarting'));
    retryWithBackoff(t()('connection.serverClosed'));
  });
  // The server ends a socket whose session expired or whose role Zoom changed: come back with a fresh session.
  socket.on('session:ended', () => {
    setStatus('connecting');
    // The server hangs up right after this event; connect again only once it has.
    const reconnect = () => (socket.connected ? socket.once('disconnect', () => socket.connect()) : socket.connect());
    void options
      .renewSession()
      .then((renewed) => (renewed ? reconnect() : setStatus('offline', translator()('connection.sessionEnded'))));
  });
  socket.on('connect_error', (error) => {
    if (socket.active) return setStatus('connecting');
    if (FINAL_REFUSALS.has(error.message)) return setStatus('offline', t()('connection.updated'));
    if (error.message === 'TOO_MANY_CONNECTIONS') return setStatus('offline', t()('connection.tooManyConnections'));
    // A refused handshake (expired token) is not retried by socket.io: renew the session once or twice.
    if (error.message === 'UNAUTHENTICATED') {
      if (renewals >= 2) return setStatus('offline', t()('connection.sessionEnded'));
      renewals += 1;
      setStatus('connecting');
      void options
        .renewSession()
        .then((renewed) => (renewed ? socket.connect() : retryWithBackoff(t()('connection.sessionEnded'))));
      return;
    }
    retryWithBackoff(error.message);
  });

  return {
    on(event, handler) {
      // socket.io's overloads cannot follow a generic event name, hence the widening.
      const s = socket as unknown as { on: (e: string, h: unknown) => void; off: (e: string, h: unknown) => void };
      s.on(event, handler);
      return () => s.off(event, handler);
    },
    onStatus(handler) {
      statusHandlers.add(handler);
      return () => statusHandlers.delete(handler);
    },
    async request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
      // Buffered emits would be sent blindly after a reconnect; callers decide whether to retry instead.
      // Over the frame limit the server could not answer: the transport would drop the connection.
      const oversized = oversizedMessage(event, payload);
      if (oversized) {
        const kb = (bytes: number) => Math.ceil(bytes / 1024);
        return fail(
          'INVALID',
          translator()('error.messageTooLarge', { size: kb(oversized.bytes), limit: kb(oversized.limit) }),
        ) as RequestResult<E>;
      }
      if (!socket.connected) throw new TransportError(translator()('connection.notConnected'));
      const emit = socket.timeout(options.ackTimeoutMs ?? 10_000) as unknown as {
        emitWithAck: (e: string, p: unknown) => Promise<RequestResult<E>>;
      };
      try {
        return await emit.emitWithAck(event, payload);
      } catch {
        throw new TransportError(translator()('connection.timeout'));
      }
    },
    get connected() {
      return socket.connected;
    },
    connect: () => {
      if (revoked) return setStatus('offline', translator()('connection.revoked'));
      stopped = false;
      setStatus('connecting');
      socket.connect();
    },
    reconnect: () => {
      if (revoked) return setStatus('offline', translator()('connection.revoked'));
      // Also the *Reconnect now* button: skip any wait and start the backoff over.
      cancelRetry();
      stopped = false;
      attempts = 0;
      renewals = 0;
      socket.disconnect();
      setStatus('connecting');
      socket.connect();
    },
    close: () => {
      stopped = true;
      cancelRetry();
      socket.disconnect();
    },
  };
}
