import type { ClientToServerEvents, ServerToClientEvents } from '@quorum/shared';
import type { Server, Socket } from 'socket.io';
import type { InterServerEvents } from '../cluster/peer-messages';
import type { Session } from '../session/session-token';

/** What the auth middleware stores on each socket: the trusted identity, never the client's claim. */
export interface SocketData {
  session: Session;
  /** The participantUUID the client claims (from getUserContext): for targeting invitations only. */
  participantUUID?: string;
  /** Which protocol misuses this socket has been logged for (made on the first one: most sockets never need it). */
  warned?: Set<string>;
}

export type QuorumServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type QuorumSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
