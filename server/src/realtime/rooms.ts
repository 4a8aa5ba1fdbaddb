import { isHostRole } from '@quorum/shared';
import type { Session } from '../session/session-token';

/** socket.io room names: one per meeting, plus its hosts' room for host-only data. */
export const meetingRoom = (meetingId: string): string => `meeting:${meetingId}`;
export const hostsRoom = (meetingId: string): string => `meeting:${meetingId}:hosts`;
/**
 * Where in the meeting a socket is: its breakout room, or the main room (no room id). Every socket is
 * in exactly one, so a per-room tally reaches each participant once.
 */
export const placeRoom = (meetingId: string, roomId?: string): string => `meeting:${meetingId}:in:${roomId ?? '~main'}`;
/**
 * One voter's sockets in a meeting: what only they may see (their own questions' status). Outside the
 * `meeting:` prefix, which the cluster's resync reads as the list of meetings watched here.
 */
export const voterRoom = (meetingId: string, voterId: string): string =>
  `voter:${meetingId}:${encodeURIComponent(voterId)}`;

/** Every room a socket of this session joins: its meeting, its place in it, its voter, and the hosts' room for hosts. */
export const roomsOf = (session: Session): string[] => [
  meetingRoom(session.meetingId),
  placeRoom(session.meetingId, session.roomId),
  voterRoom(session.meetingId, session.voterId),
  ...(isHostRole(session.role) ? [hostsRoom(session.meetingId)] : []),
];
