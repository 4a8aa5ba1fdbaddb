import { ownRoom, type RoomKey, type RoomPrivacy, type RunningTally } from '@quorum/shared';
import { hostsRoom, meetingRoom, placeRoom } from './rooms';
import { emitInSlices } from './sliced-emit';
import type { QuorumServer } from './types';

/** What participants may see of a run, and the breakout rooms with sockets on this process. */
export interface PlaceAudience {
  results: boolean;
  standings: boolean;
  rooms: readonly string[];
  /** The poll's room privacy: an anonymous poll withholds small rooms' shares from their own people too. */
  privacy: RoomPrivacy;
  /** Lets a newer tally overtake a fan-out still under way (see `SliceTarget.supersede`); per room, as the key includes it. */
  supersede?: string;
}

/**
 * Sends the participants (hosts excluded) one tally each. Without breakout rooms that is the whole
 * run as before; with them, the common part is built once and every room — the main room too — gets
 * it with its own share, so each participant still receives exactly one message per broadcast.
 */
export function emitToPlaces(io: QuorumServer, meetingId: string, tally: RunningTally, audience: PlaceAudience): void {
  const hosts = hostsRoom(meetingId);
  const latest = audience.supersede === undefined ? {} : { supersede: audience.supersede };
  const base = tally.snapshot(audience.results, audience.standings);
  if (!tally.rooms.split && audience.rooms.length === 0) {
    emitInSlices(io, { room: meetingRoom(meetingId), except: hosts, ...latest }, 'poll:tally', base);
    return;
  }
  const places: RoomKey[] = [null, ...audience.rooms];
  for (const key of places) {
    // As in the snapshot (ownRoom): the main room hears of its own share only once ballots came from rooms.
    const share = ownRoom(key ?? undefined, tally.rooms.split);
    const body = share
      ? { ...base, room: tally.rooms.shownRoom(share.room, audience.results, audience.privacy) }
      : base;
    emitInSlices(io, { room: placeRoom(meetingId, key ?? undefined), except: hosts, ...latest }, 'poll:tally', body);
  }
}
