import { io, type Socket } from 'socket.io-client';
import { fail, oversizedMessage, PROTOCOL_VERSION, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents } from '@quorum/shared';
import { TransportError, type ConnectionStatus, type RealtimeLink, type RequestName, type RequestPayload, type RequestResult } from './realtime-link';
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
}

/** Opens Quorum's socket.io connection on the page's origin and adapts it to RealtimeLink. */
export function createSocketLink(options: SocketLinkOptions): RealtimeLink {
  const auth = (cb: (data: HandshakeAuth) => void) => {
    const token = options.getToken();
    const base: HandshakeAuth = token ? { protocolVersion: PROTOCOL_VERSION, token } : { protocolVersion: PROTOCOL_VERSION };
    const uuid = options.participantUUID?.() ?? Promise.resolve(undefined);
    void uuid.then(
      (participantUUID) => cb(participantUUID ? { ...base, participantUUID } : base),
      () => cb(base),
    );
  };
  const socketOptions = { autoConnect: false, withCredentials: true, auth };
  const socket: QuorumSocket = options.url ? io(options.url, socketOptions) : io(socketOptions);
  const statusHandlers = new Set<(status: ConnectionStatus, detail?: string) => void>();
  const setStatus = (status: ConnectionStatus, detail?: string) => statusHandlers.forEach((h) => h(status, detail));
  let renewals = 0;

  socket.on('connect', () => {
    renewals = 0;
    setStatus('online');
  });
  socket.on('disconnect', (reason) => {
    // socket.io retries by itself unless the server or we closed the connection.
    setStatus(socket.active ? 'connecting' : 'offline', reason === 'io server disconnect' ? translator()('connection.serverClosed') : undefined);
  });
  // The server ends a socket whose session expired or whose role Zoom changed: come back with a fresh session.
  socket.on('session:ended', () => {
    setStatus('connecting');
    // The server hangs up right after this event; connect again only once it has.
    const reconnect = () => (socket.connected ? socket.once('disconnect', () => socket.connect()) : socket.connect());
    void options.renewSession().then((renewed) => (renewed ? reconnect() : setStatus('offline', translator()('connection.sessionEnded'))));
  });
  socket.on('connect_error', (error) => {
    if (socket.active) return setStatus('connecting');
    if (error.message === 'PROTOCOL_MISMATCH') return setStatus('offline', translator()('connection.updated'));
    if (error.message === 'TOO_MANY_CONNECTIONS') return setStatus('offline', translator()('connection.tooManyConnections'));
    // A refused handshake (expired token) is not retried by socket.io: renew the session once or twice.
    if (error.message === 'UNAUTHENTICATED' && renewals < 2) {
      renewals += 1;
      setStatus('connecting');
      void options.renewSession().then((renewed) => (renewed ? socket.connect() : setStatus('offline', translator()('connection.sessionEnded'))));
      return;
    }
    setStatus('offline', error.message);
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
        return fail('INVALID', translator()('error.messageTooLarge', { size: kb(oversized.bytes), limit: kb(oversized.limit) })) as RequestResult<E>;
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
      setStatus('connecting');
      socket.connect();
    },
    reconnect: () => {
      socket.disconnect();
      setStatus('connecting');
      socket.connect();
    },
    close: () => socket.disconnect(),
  };
}
