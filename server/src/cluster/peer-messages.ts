import type { MeetingSettings } from '@quorum/shared';

// A leaf module: the socket types (realtime/types.ts) and the bus (peer-bus.ts) both need these names,
// and neither may import the other.

/**
 * What one server process tells the others. Deliberately small hints, never state: the receiver
 * reads the truth from the database, so a hint lost in a Redis outage only delays an update (and a
 * reconnect triggers a full resync), and hints arriving out of order cannot roll anything back.
 */
export type PeerMessage =
  /** These runs' tallies reached these versions. */
  | { kind: 'tally'; runs: [pollId: string, run: number, version: number][] }
  /** This poll changed (or was deleted): reload it. */
  | { kind: 'poll'; pollId: string }
  | { kind: 'settings'; meetingId: string; settings: MeetingSettings }
  /** The meeting's Q&A reached this version; these askers' own questions changed. */
  | { kind: 'qa'; meetingId: string; version: number; askers: string[] };

/** The socket.io server-side event carrying peer messages between processes. */
export const PEER_EVENT = 'quorum:peer' as const;

/** Between server processes (through the Redis adapter): hints to re-read the database. */
export type InterServerEvents = {
  [PEER_EVENT]: (message: PeerMessage) => void;
  /** A user's sessions were revoked (deauthorization): re-read the revocation lines now. */
  'quorum:revoked': () => void;
};
