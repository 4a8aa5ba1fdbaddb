import type { ClientToServerEvents, ServerToClientEvents } from '@quorum/shared';
import type { Server, Socket } from 'socket.io';
import type { PeerMessage } from '../cluster/peer-bus';
import type { Session } from '../session/session-token';

/** What the auth middleware stores on each socket: the trusted identity, never the client's claim. */
export interface SocketData {
  session: Session;
  /** The participantUUID the client claims (from getUserContext): for targeting invitations only. */
  participantUUID?: string;
}

/** Between server processes (through the Redis adapter; see PEER_EVENT): hints to re-read the database. */
type InterServerEvents = {
  'quorum:peer': (message: PeerMessage) => void;
  /** A user's sessions were revoked (deauthorization): re-read the revocation lines now. */
  'quorum:revoked': () => void;
};

export type QuorumServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type QuorumSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
