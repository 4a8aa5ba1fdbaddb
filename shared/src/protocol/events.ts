import type { Receipt } from '../schemas/ballot';
import type { ServerRestarting } from '../schemas/connection';
import type { MeetingSettings } from '../schemas/meeting';
import type { Poll, Role } from '../schemas/poll';
import type { QaUpdate } from '../schemas/qa';
import type { PollTally } from '../schemas/tally';

// Client → server requests and their acks are one table: ./requests.ts.

/** Bumped on any incompatible change; the server refuses handshakes from another version. */
export const PROTOCOL_VERSION = 1;

/** What the socket.io handshake carries in `auth`. */
export interface HandshakeAuth {
  protocolVersion: number;
  /** The session token from `/api/session`, for clients whose cookies are blocked. */
  token?: string;
  /**
   * This participant's `participantUUID` from `getUserContext()`, as the client claims it. Used only to
   * target invitations (who has not voted yet), never for identity or permissions.
   */
  participantUUID?: string;
}

/** Who the server says you are, as sent to the client (never trusted back from it). */
export interface SessionView {
  voterId: string;
  meetingId: string;
  role: Role;
  isHost: boolean;
  authorized: boolean;
  /** The breakout room I am in (from Zoom's encrypted context); absent in the main meeting room. */
  roomId?: string;
}

/** Sent once on every connect: everything needed to render the current state. */
export interface MeetingSnapshot {
  session: SessionView;
  serverTime: number;
  polls: Poll[];
  tallies: PollTally[];
  myBallots: Receipt[];
  /** The meeting's settings (who may run polls). */
  meetingSettings?: MeetingSettings;
  /** The meeting's Q&A as this viewer may see it: their own questions marked, their upvotes flagged. */
  qa?: QaUpdate;
}

export interface PollRef {
  pollId: string;
}

/** Why the server voided this socket's session; the socket is closed right after. */
export interface SessionRevoked {
  /** `deauthorized`: the user removed Quorum from their Zoom account. */
  reason: 'deauthorized';
}

/**
 * Why the server is about to hang up on a socket whose session no longer holds: SESSION_EXPIRED (the
 * session's time ran out) or ROLE_CHANGED (a newer context from Zoom gave this person another role).
 * Either way the client renews its session from a fresh context and connects again.
 */
export interface SessionEnded {
  code: 'SESSION_EXPIRED' | 'ROLE_CHANGED';
  message: string;
}

export interface ServerToClientEvents {
  'session:ended': (ended: SessionEnded) => void;
  'meeting:snapshot': (snapshot: MeetingSnapshot) => void;
  /** A poll changed; `serverTime` (always sent by this server) lets the client correct `closesAt` for its clock offset. */
  'poll:updated': (poll: Poll, serverTime?: number) => void;
  'poll:deleted': (ref: PollRef) => void;
  'poll:tally': (tally: PollTally) => void;
  'meeting:settings': (settings: MeetingSettings) => void;
  /**
   * The meeting's Q&A as this audience (hosts, or participants) sees it, at most once per window: the
   * whole list, in Top order, with a per-meeting version (drop one older than what you have). The
   * participants' copy is shared, so it marks nothing as mine: `qa:mine` and the snapshot do that.
   */
  'qa:update': (update: QaUpdate) => void;
  /**
   * My own questions, in every status, after a change to one of them (sent to my sockets only), at the
   * same versions as `qa:update`: how an asker learns that a question waiting for review was dismissed.
   */
  'qa:mine': (mine: QaUpdate) => void;
  /** The session is void (the user removed the app): show why, do not reconnect with it. */
  'session:revoked': (notice: SessionRevoked) => void;
  /**
   * Latency probe at connect and every ~10 s: answer the ack at once (the server times the round
   * trip to correct quiz speed scores). `serverTime` also gives the client its clock offset.
   */
  'time:ping': (serverTime: number, ack: () => void) => void;
  /** A graceful shutdown (deploy, restart) is closing this connection now: reconnect after about `retryAfterMs`. */
  'server:restarting': (notice: ServerRestarting) => void;
}
