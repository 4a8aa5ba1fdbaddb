import type { QuorumSocket } from './types';

/**
 * Which breakout rooms of each meeting have sockets on this process, so a tally broadcast knows the
 * rooms to send a room's share to without scanning every socket.io room. Counts sockets per room.
 */
export class BreakoutRooms {
  private readonly meetings = new Map<string, Map<string, number>>();

  /** Notes a connected socket's breakout room (from its trusted session) until it disconnects. */
  track(socket: QuorumSocket): void {
    const { meetingId, roomId } = socket.data.session;
    if (roomId === undefined) return;
    const rooms = this.meetings.get(meetingId) ?? new Map<string, number>();
    this.meetings.set(meetingId, rooms);
    rooms.set(roomId, (rooms.get(roomId) ?? 0) + 1);
    socket.once('disconnect', () => {
      const left = (rooms.get(roomId) ?? 1) - 1;
      if (left > 0) rooms.set(roomId, left);
      else rooms.delete(roomId);
      if (rooms.size === 0 && this.meetings.get(meetingId) === rooms) this.meetings.delete(meetingId);
    });
  }

  /** The meeting's breakout rooms with a socket here. */
  rooms(meetingId: string): string[] {
    return [...(this.meetings.get(meetingId)?.keys() ?? [])];
  }
}
