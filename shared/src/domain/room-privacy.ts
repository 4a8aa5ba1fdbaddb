import type { Poll } from '../schemas/poll';
import type { RoomTally, ShownRoomTally, SuppressedRoomTally } from '../schemas/tally';

/** The default K: an anonymous poll shows a room's share on its own only once K people voted there. */
export const ANONYMOUS_ROOM_MIN_VOTERS = 3;

/** How one poll's room shares may be shown: `minVoters` (K) applies to anonymous polls only. */
export interface RoomPrivacy {
  anonymous: boolean;
  minVoters: number;
}

/** Why a room's share is withheld (see suppressedRoomTallySchema). */
export type SuppressionReason = SuppressedRoomTally['suppressed'];

/** The room privacy of a poll, with the deployment's K (ANONYMOUS_ROOM_MIN_VOTERS unless configured). */
export const roomPrivacy = (poll: Pick<Poll, 'settings'>, minVoters = ANONYMOUS_ROOM_MIN_VOTERS): RoomPrivacy => ({
  anonymous: poll.settings.anonymous,
  minVoters,
});

/**
 * The primary rule: whether a room share with this many voters may be shown on its own. A named poll
 * shows every room (its answers carry names anyway); an anonymous one hides a room of 1..K-1 voters,
 * whose share would give away the answer of someone alone there (or, with two, each other's answer).
 * An empty room shows only zeros.
 */
export const roomShareVisible = (privacy: RoomPrivacy, voters: number): boolean =>
  !privacy.anonymous || voters === 0 || voters >= privacy.minVoters;

/**
 * The rooms whose shares must be withheld, judged on all rooms together. Besides the small rooms
 * (`few-voters`), "All rooms" minus the shown rooms equals the hidden rooms together, so when those
 * hold 1..K-1 voters the smallest shown rooms are hidden too (`would-reveal`) until they hold at
 * least K — otherwise a host (or someone in the other room) could subtract their way to the answer.
 * Voters are each room's turnout; a voter with answers in two rooms counts in both (rare: it only
 * happens when they moved and answered part of a survey again), which this rule accepts.
 */
export function hiddenRooms(
  rooms: readonly Pick<ShownRoomTally, 'roomId' | 'turnout'>[],
  privacy: RoomPrivacy,
): Map<string | null, SuppressionReason> {
  const hidden = new Map<string | null, SuppressionReason>();
  if (!privacy.anonymous) return hidden;
  let hiddenVoters = 0;
  for (const room of rooms) {
    if (roomShareVisible(privacy, room.turnout)) continue;
    hidden.set(room.roomId, 'few-voters');
    hiddenVoters += room.turnout;
  }
  // Stable sort: among rooms of one size the first to vote is hidden first, the same on every server.
  const shown = rooms.filter((r) => !hidden.has(r.roomId) && r.turnout > 0).sort((a, b) => a.turnout - b.turnout);
  for (const room of shown) {
    if (hiddenVoters === 0 || hiddenVoters >= privacy.minVoters) break;
    hidden.set(room.roomId, 'would-reveal');
    hiddenVoters += room.turnout;
  }
  return hidden;
}

/**
 * The marker sent instead of a withheld share. It carries no turnout either: anonymous polls do not
 * say who voted (a room's "1 voted" names the one person there), and the hidden rooms' turnouts
 * could be subtracted from the combined turnout just like their counts.
 */
export const suppressedRoom = (
  roomId: string | null,
  reason: SuppressionReason,
  privacy: RoomPrivacy,
): SuppressedRoomTally => ({
  roomId,
  suppressed: reason,
  minVoters: privacy.minVoters,
});

/** Every room's share as it may be shown: each withheld one replaced by its marker, order kept. */
export function guardRoomShares(rooms: readonly ShownRoomTally[], privacy: RoomPrivacy): RoomTally[] {
  const hidden = hiddenRooms(rooms, privacy);
  return rooms.map((room) => {
    const reason = hidden.get(room.roomId);
    return reason === undefined ? room : suppressedRoom(room.roomId, reason, privacy);
  });
}

/** Whether a room's share was withheld. */
export const isSuppressedRoom = (room: RoomTally): room is SuppressedRoomTally => 'suppressed' in room;
