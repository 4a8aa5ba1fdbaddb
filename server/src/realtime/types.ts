import type { ClientToServerEvents, ServerToClientEvents } from '@quorum/shared';
import type { Server, Socket } from 'socket.io';
import type { Session } from '../session/session-token';

/** What the auth middleware stores on each socket: the trusted identity, never the client's claim. */
export interface SocketData {
  session: Session;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type InterServerEvents = {};

export type QuorumServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type QuorumSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
