import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot } from '../schemas/ballot';
import type { Poll } from '../schemas/poll';
import { pollTallySchema, roomTallySchema, type ShownRoomTally } from '../schemas/tally';
import { ballotOf, options, question } from '../testing';
import {
  guardRoomShares,
  hiddenRooms,
  isSuppressedRoom,
  roomPrivacy,
  roomShareVisible,
  type RoomPrivacy,
} from './room-privacy';
import { RunningTally } from './tally';

const anonymous: RoomPrivacy = { anonymous: true, minVoters: 3 };
const named: RoomPrivacy = { anonymous: false, minVoters: 3 };

const pick = question('single', { options: options('a', 'b') });
const share = (roomId: string | null, turnout: number): ShownRoomTally => ({
  roomId,
  turnout,
  questions: { q1: { kind: 'choice', voters: turnout, counts: { a: turnout, b: 0 } } },
});
const shapes = (rooms: ReturnType<typeof guardRoomShares>) =>
  rooms.map((r) => [r.roomId, isSuppressedRoom(r) ? r.suppressed : r.turnout]);

const ballot = (voterId: string, optionId: string, roomId?: string): Ballot =>
  ballotOf(voterId, 'q1', { kind: 'single', optionId }, { pollId: 'p1', ...(roomId === undefined ? {} : { roomId }) });

/** A running tally with `sizes[room]` voters per room (main room = null key ''), all answering "a". */
function tallyWith(sizes: Record<string, number>): RunningTally {
  const tally = new RunningTally('p1', 1, [pick]);
  for (const [room, n] of Object.entries(sizes))
    for (let i = 0; i < n; i++) tally.apply(ballot(`u:${room}${i}`, 'a', room === '' ? undefined : room));
  return tally;
}

describe('room privacy (anonymous polls)', () => {
  it('shows a room on its own only from K voters, in anonymous polls only', () => {
    expect([0, 1, 2, 3, 4].map((n) => roomShareVisible(anonymous, n))).toEqual([true, false, false, true, true]);
    expect([1, 2].map((n) => roomShareVisible(named, n))).toEqual([true, true]);
    expect(roomShareVisible({ anonymous: true, minVoters: 1 }, 1)).toBe(true); // K = 1 turns the rule off
    expect(
      roomPrivacy({
        settings: { anonymous: true, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
      } as Pick<Poll, 'settings'>),
    ).toEqual(anonymous);
  });

  it('replaces small rooms by a marker with neither counts nor turnout, keeping order', () => {
    const guarded = guardRoomShares([share('r1', 1), share('r2', 3), share('r3', 2)], anonymous);
    expect(shapes(guarded)).toEqual([
      ['r1', 'few-voters'],
      ['r2', 3],
      ['r3', 'few-voters'],
    ]);
    expect(guarded[0]).toEqual({ roomId: 'r1', suppressed: 'few-voters', minVoters: 3 });
    expect(guarded[0]?.questions).toBeUndefined();
    expect(guarded[1]?.questions).toEqual(share('r2', 3).questions);
  });

  it('hides a shown room too when "All rooms" minus it would give the small rooms away', () => {
    // 1 + 3 voters: the 3-voter room subtracted from the whole is the lone voter's answer.
    expect(shapes(guardRoomShares([share('r1', 1), share('r2', 3)], anonymous))).toEqual([
      ['r1', 'few-voters'],
      ['r2', 'would-reveal'],
    ]);
    // The smallest shown room goes first; once the hidden rooms hold K voters the rest stay.
    expect(
      shapes(guardRoomShares([share(null, 5), share('r1', 1), share('r2', 4), share('r3', 3)], anonymous)),
    ).toEqual([
      [null, 5],
      ['r1', 'few-voters'],
      ['r2', 4],
      ['r3', 'would-reveal'],
    ]);
  });

  it('leaves named polls and rooms that are all large alone', () => {
    const rooms = [share('r1', 1), share('r2', 2)];
    expect(guardRoomShares(rooms, named)).toEqual(rooms);
    expect(guardRoomShares([share('r1', 3), share(null, 4)], anonymous)).toEqual([share('r1', 3), share(null, 4)]);
  });

  it('follows the configured K', () => {
    expect(shapes(guardRoomShares([share('r1', 2), share('r2', 4)], { anonymous: true, minVoters: 2 }))).toEqual([
      ['r1', 2],
      ['r2', 4],
    ]);
    expect(shapes(guardRoomShares([share('r1', 4), share('r2', 6)], { anonymous: true, minVoters: 5 }))).toEqual([
      ['r1', 'few-voters'],
      ['r2', 'would-reveal'],
    ]);
  });

  it('never leaves 1..K-1 voters to be worked out, by share or by subtraction', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 5 }),
        (sizes, k) => {
          const privacy = { anonymous: true, minVoters: k };
          const rooms = sizes.map((n, i) => ({ roomId: `r${i}`, turnout: n }));
          const hidden = hiddenRooms(rooms, privacy);
          const shown = rooms.filter((r) => !hidden.has(r.roomId));
          const hiddenVoters = rooms.filter((r) => hidden.has(r.roomId)).reduce((sum, r) => sum + r.turnout, 0);
          expect(shown.every((r) => r.turnout >= k)).toBe(true);
          // What subtraction yields is the hidden rooms together: none, at least K, or (every room hidden) just the whole.
          expect(hiddenVoters === 0 || hiddenVoters >= k || shown.length === 0).toBe(true);
          // Only what must be hidden is: with every room of K or more, nothing is.
          if (sizes.every((n) => n >= k)) expect(hidden.size).toBe(0);
        },
      ),
    );
  });
});

describe('room privacy in tally snapshots', () => {
  it("guards the hosts' breakdown and each participant's own room alike; the whole stays", () => {
    const tally = tallyWith({ r1: 1, r2: 3, r3: 2 });
    const privacy = anonymous;
    const forHosts = tally.snapshot(true, true, { all: true, privacy });
    expect(forHosts.turnout).toBe(6);
    expect(shapes(forHosts.rooms!)).toEqual([
      ['r1', 'few-voters'],
      ['r2', 3],
      ['r3', 'few-voters'],
    ]);
    const alone = tally.snapshot(true, false, { room: 'r1', privacy });
    expect(alone.room).toEqual({ roomId: 'r1', suppressed: 'few-voters', minVoters: 3 });
    expect(alone.questions?.q1).toMatchObject({ counts: { a: 6, b: 0 } }); // "All rooms"
    expect(tally.snapshot(true, false, { room: 'r2', privacy }).room).toMatchObject({ roomId: 'r2', turnout: 3 });
    // Without results a withheld room still shows no turnout.
    expect(tally.snapshot(false, false, { room: 'r3', privacy }).room).toEqual({
      roomId: 'r3',
      suppressed: 'few-voters',
      minVoters: 3,
    });
    // The participants of the 3-voter room of a 1 + 3 split cannot subtract either.
    expect(tallyWith({ r1: 1, r2: 3 }).snapshot(true, false, { room: 'r2', privacy }).room).toMatchObject({
      suppressed: 'would-reveal',
    });
    expect(tally.snapshot(true, false, { room: 'r1', privacy: named }).room).toMatchObject({
      roomId: 'r1',
      turnout: 1,
    });
  });

  it('validates a suppressed share in the tally schema, and refuses one that carries counts', () => {
    const forHosts = tallyWith({ r1: 1, r2: 3, '': 4 }).snapshot(true, true, { all: true, privacy: anonymous });
    expect(pollTallySchema.parse(forHosts)).toEqual(forHosts);
    const marker = { roomId: 'r1', suppressed: 'few-voters', minVoters: 3 };
    expect(roomTallySchema.safeParse(marker).success).toBe(true);
    expect(roomTallySchema.safeParse({ ...marker, questions: share('r1', 1).questions }).success).toBe(false);
    expect(roomTallySchema.safeParse({ ...marker, turnout: 1 }).success).toBe(false);
    expect(roomTallySchema.safeParse({ ...marker, suppressed: 'because' }).success).toBe(false);
    expect(roomTallySchema.safeParse({ ...marker, minVoters: 1 }).success).toBe(false);
  });
});
