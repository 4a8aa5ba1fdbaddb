import type { Ballot } from '../schemas/ballot';
import type { Question } from '../schemas/poll';
import type { QuestionTally, RoomTally, ShownRoomTally } from '../schemas/tally';
import { counterFor, type QuestionCounter } from '../kinds/registry';
import { guardRoomShares, hiddenRooms, suppressedRoom, type RoomPrivacy } from './room-privacy';

/** A breakout room's id, or null for the main meeting room (ballots without a `roomId`). */
export type RoomKey = string | null;

/** The room a ballot was cast in. */
export const roomOf = (ballot: Pick<Ballot, 'roomId'>): RoomKey => ballot.roomId ?? null;

/** One room's running count: its own question counters and how many ballots each voter has there. */
class RoomShare {
  readonly counters: Map<string, QuestionCounter>;
  readonly voters = new Map<string, number>();

  constructor(questions: readonly Question[]) {
    this.counters = new Map(questions.map((q) => [q.id, counterFor(q)]));
  }

  add(ballot: Ballot, sign: 1 | -1): void {
    const counter = this.counters.get(ballot.questionId);
    if (!counter) return;
    counter.add(ballot, sign);
    const left = (this.voters.get(ballot.voterId) ?? 0) + sign;
    if (left > 0) this.voters.set(ballot.voterId, left);
    else this.voters.delete(ballot.voterId);
  }

  view(roomId: RoomKey, withResults: boolean): ShownRoomTally {
    const base: ShownRoomTally = { roomId, turnout: this.voters.size };
    if (withResults)
      base.questions = Object.fromEntries([...this.counters].map(([id, c]): [string, QuestionTally] => [id, c.view()]));
    return base;
  }
}

/**
 * Each room's share of one run, kept beside the combined tally and updated with it per ballot. A moved
 * ballot (a voter who changed their answer from another room) leaves its old room and joins the new
 * one, so the rooms' question counts always add up to the combined counts. A room's turnout counts
 * the voters with a ballot there; a voter whose answers sit in two rooms counts in both.
 */
export class RoomShares {
  private readonly rooms = new Map<RoomKey, RoomShare>();

  constructor(private readonly questions: readonly Question[]) {}

  /** Counts a ballot in its room, moving a replaced one out of the room it was in. */
  apply(ballot: Ballot, previous?: Ballot): void {
    if (previous) this.share(roomOf(previous)).add(previous, -1);
    this.share(roomOf(ballot)).add(ballot, 1);
  }

  /** True once any ballot of the run was cast in a breakout room. */
  get split(): boolean {
    for (const [key, share] of this.rooms) if (key !== null && share.voters.size > 0) return true;
    return false;
  }

  /** Every room with voters, in the order of its first ballot (how unnamed rooms are numbered); unguarded. */
  views(withResults: boolean): ShownRoomTally[] {
    return [...this.rooms]
      .filter(([, share]) => share.voters.size > 0)
      .map(([key, share]) => share.view(key, withResults));
  }

  /** One room's share, unguarded; a room without ballots has zero everywhere. */
  view(key: RoomKey, withResults: boolean): ShownRoomTally {
    return (this.rooms.get(key) ?? new RoomShare(this.questions)).view(key, withResults);
  }

  /** Every room's share as it may leave the server (hosts): withheld ones replaced (room-privacy). */
  shown(withResults: boolean, privacy: RoomPrivacy): RoomTally[] {
    return guardRoomShares(this.views(withResults), privacy);
  }

  /** One room's share as it may leave the server (its participants), judged against every room. */
  shownRoom(key: RoomKey, withResults: boolean, privacy: RoomPrivacy): RoomTally {
    const reason = hiddenRooms(this.turnouts(), privacy).get(key);
    return reason === undefined ? this.view(key, withResults) : suppressedRoom(key, reason, privacy);
  }

  private turnouts(): { roomId: RoomKey; turnout: number }[] {
    return [...this.rooms].map(([roomId, share]) => ({ roomId, turnout: share.voters.size }));
  }

  private share(key: RoomKey): RoomShare {
    let share = this.rooms.get(key);
    if (!share) {
      share = new RoomShare(this.questions);
      this.rooms.set(key, share);
    }
    return share;
  }
}

/**
 * Numbers the breakout rooms 1..n in the order given (first ballot first) — the fallback label
 * "Room n" where Zoom's room name is not known. The main room (null) gets no number.
 */
export function roomNumbers(rooms: readonly RoomKey[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const key of rooms) if (key !== null && !numbers.has(key)) numbers.set(key, numbers.size + 1);
  return numbers;
}

/** The English label of a room, for exports: "Main room", its Zoom name, or "Room n". */
export function roomLabel(
  key: RoomKey,
  numbers: ReadonlyMap<string, number>,
  names: Readonly<Record<string, string>> = {},
): string {
  if (key === null) return 'Main room';
  return names[key] ?? `Room ${numbers.get(key) ?? '?'}`;
}

/**
 * Which room's share a participant's copy of a run carries: their own, once they are in a breakout
 * room (`roomId`) or the run is `split` (a ballot came from one); none while nobody uses rooms.
 */
export function ownRoom(roomId: string | undefined, split: boolean): { room: RoomKey } | undefined {
  return roomId !== undefined || split ? { room: roomId ?? null } : undefined;
}
