import type { CastBallot, Receipt } from '../schemas/ballot';
import type { Poll, PollDraftInput, Role } from '../schemas/poll';
import type { PollTally } from '../schemas/tally';
import type { Result } from './errors';

/** Bumped on any incompatible change; the server refuses handshakes from another version. */
export const PROTOCOL_VERSION = 1;

/** Every request's acknowledgement: `{ok:true,data}` or `{ok:false,error:{code,message,field?}}`. */
export type Ack<T> = (result: Result<T>) => void;

/** What the socket.io handshake carries in `auth`. */
export interface HandshakeAuth {
  protocolVersion: number;
  /** The session token from `/api/session`, for clients whose cookies are blocked. */
  token?: string;
}

/** Who the server says you are, as sent to the client (never trusted back from it). */
export interface SessionView {
  voterId: string;
  meetingId: string;
  role: Role;
  isHost: boolean;
  authorized: boolean;
}

/** Sent once on every connect: everything needed to render the current state. */
export interface MeetingSnapshot {
  session: SessionView;
  serverTime: number;
  polls: Poll[];
  tallies: PollTally[];
  myBallots: Receipt[];
}

export interface PollRef {
  pollId: string;
}

export interface ClientToServerEvents {
  'poll:create': (draft: PollDraftInput, ack: Ack<{ poll: Poll }>) => void;
  'poll:update': (input: PollRef & { draft: PollDraftInput }, ack: Ack<{ poll: Poll }>) => void;
  'poll:delete': (input: PollRef, ack: Ack<{ pollId: string }>) => void;
  'poll:open': (input: PollRef, ack: Ack<{ poll: Poll }>) => void;
  'poll:close': (input: PollRef, ack: Ack<{ poll: Poll }>) => void;
  'poll:share': (input: PollRef, ack: Ack<{ poll: Poll }>) => void;
  'ballot:cast': (input: CastBallot, ack: Ack<{ receipt: Receipt }>) => void;
}

export interface ServerToClientEvents {
  'meeting:snapshot': (snapshot: MeetingSnapshot) => void;
  'poll:updated': (poll: Poll) => void;
  'poll:deleted': (ref: PollRef) => void;
  'poll:tally': (tally: PollTally) => void;
}
