import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Ballot } from '../schemas/ballot';
import type { Poll } from '../schemas/poll';
import type { QuestionTally, RoomTally } from '../schemas/tally';
import { launchedPoll, must, options, question } from '../testing';
import { resolveRecast, validateAnswer } from './ballot';
import { roomPrivacy } from './room-privacy';
import { roomLabel, roomNumbers } from './room-tally';
import { RunningTally, tallyBallots } from './tally';

/** An open poll: single choice (A, B, C), rating 1–5, rank (X, Y, Z), number 0–10. */
const openedPoll = (allowAnswerChange = true): Poll =>
  launchedPoll(
    {
      title: 'Rooms',
      questions: [
        question('single', { options: options('a', 'b', 'c') }),
        question('rating', { id: 'q2' }),
        question('rank', { id: 'q3', options: options('x', 'y', 'z') }),
        question('number', { id: 'q4', max: 10 }),
      ],
      settings: { allowAnswerChange },
    },
    { meetingId: 'meeting-1' },
  );

const ballot = (poll: Poll, voterId: string, optionIndex: number, roomId?: string, castAt = 1): Ballot => {
  const q = poll.questions[0]!;
  if (q.kind !== 'single') throw new Error('first question is single choice');
  return {
    ballotId: `b-${voterId}`,
    pollId: poll.id,
    run: poll.run,
    questionId: q.id,
    clientBallotId: `client-${voterId}-${castAt}`,
    answer: { kind: 'single', optionId: q.options[optionIndex]!.id },
    castAt,
    voterId,
    ...(roomId === undefined ? {} : { roomId }),
  };
};

const countsOf = (room: RoomTally | undefined, poll: Poll) => {
  const t = room?.questions?.[poll.questions[0]!.id];
  return t?.kind === 'choice' ? Object.values(t.counts) : undefined;
};

describe('per-room tallies', () => {
  it('keeps each breakout room beside the combined tally, in order of first ballot', () => {
    const poll = openedPoll();
    const tally = new RunningTally(poll.id, poll.run, poll.questions);
    tally.apply(ballot(poll, 'u:1', 0, 'room-b'));
    tally.apply(ballot(poll, 'u:2', 0, 'room-a'));
    tally.apply(ballot(poll, 'u:3', 1, 'room-a'));
    tally.apply(ballot(poll, 'u:4', 2));

    const forHosts = tally.snapshot(true, false, { all: true, privacy: roomPrivacy(poll) });
    expect(forHosts.turnout).toBe(4);
    expect(forHosts.rooms?.map((r) => [r.roomId, r.turnout])).toEqual([
      ['room-b', 1],
      ['room-a', 2],
      [null, 1],
    ]);
    expect(countsOf(forHosts.rooms?.[1], poll)).toEqual([1, 1, 0]);

    const forRoomA = tally.snapshot(true, false, { room: 'room-a', privacy: roomPrivacy(poll) });
    expect(forRoomA.rooms).toBeUndefined();
    expect(forRoomA.room).toMatchObject({ roomId: 'room-a', turnout: 2 });
    expect(countsOf(forRoomA.room, poll)).toEqual([1, 1, 0]);
    // Without results a room says only how many voted there.
    expect(tally.snapshot(false, false, { room: 'room-a', privacy: roomPrivacy(poll) }).room).toEqual({
      roomId: 'room-a',
      turnout: 2,
    });
    // A room nobody voted in yet is all zeros.
    expect(tally.snapshot(true, false, { room: 'room-c', privacy: roomPrivacy(poll) }).room).toMatchObject({
      roomId: 'room-c',
      turnout: 0,
    });
  });

  it('sends no breakdown while every ballot is from the main room', () => {
    const poll = openedPoll();
    const tally = tallyBallots(poll, poll.run, [ballot(poll, 'u:1', 0), ballot(poll, 'u:2', 1)]);
    expect(tally.snapshot(true, false, { all: true, privacy: roomPrivacy(poll) }).rooms).toBeUndefined();
    expect(tally.rooms.split).toBe(false);
  });

  it('moves a changed answer to the room it was cast from, leaving one ballot per voter', () => {
    const poll = openedPoll();
    const tally = new RunningTally(poll.id, poll.run, poll.questions);
    const first = ballot(poll, 'u:1', 0, 'room-a', 1);
    tally.apply(first);
    const moved = resolveRecast(first, ballot(poll, 'u:1', 2, 'room-b', 2), true);
    if (moved.kind !== 'replaced') throw new Error('expected a replacement');
    tally.apply(moved.ballot, moved.previous);

    const snap = tally.snapshot(true, false, { all: true, privacy: roomPrivacy(poll) });
    expect(snap.turnout).toBe(1);
    // Room A is empty now and leaves the breakdown.
    expect(snap.rooms?.map((r) => [r.roomId, r.turnout])).toEqual([['room-b', 1]]);
    expect(countsOf(snap.rooms?.[0], poll)).toEqual([0, 0, 1]);
  });

  it('numbers unnamed rooms in order of first ballot and labels them for exports', () => {
    const numbers = roomNumbers([null, 'r9', 'r2', 'r9']);
    expect([...numbers]).toEqual([
      ['r9', 1],
      ['r2', 2],
    ]);
    expect(roomLabel(null, numbers)).toBe('Main room');
    expect(roomLabel('r2', numbers)).toBe('Room 2');
    expect(roomLabel('r2', numbers, { r2: 'Design' })).toBe('Design');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever voters cast from whichever rooms (moving between them, changing answers),
// the rooms add up to the combined tally, and a recount from the stored ballots agrees.
// ---------------------------------------------------------------------------------------------

interface Cast {
  voter: number;
  room: number;
  question: number;
  pick: number;
}

const castArb: fc.Arbitrary<Cast> = fc.record({
  voter: fc.nat({ max: 7 }),
  room: fc.nat({ max: 3 }),
  question: fc.nat({ max: 3 }),
  pick: fc.nat({ max: 20 }),
});

function answerOf(poll: Poll, cast: Cast): { questionId: string; answer: Answer } {
  const q = poll.questions[cast.question]!;
  const options = 'options' in q ? q.options.map((o) => o.id) : [];
  const answers: Record<string, Answer> = {
    single: { kind: 'single', optionId: options[cast.pick % 3]! },
    rating: { kind: 'rating', value: 1 + (cast.pick % 5) },
    rank: { kind: 'rank', optionIds: cast.pick % 2 === 0 ? options : [...options].reverse() },
    number: { kind: 'number', value: cast.pick % 11 },
  };
  const answer = must(validateAnswer(q, answers[q.kind]!));
  return { questionId: q.id, answer };
}

/** Adds up numeric fields of the same question tally across rooms (counts, voters, sums, places). */
function sumTallies(tallies: QuestionTally[]): Record<string, number> {
  const sums: Record<string, number> = {};
  const add = (key: string, n: number) => (sums[key] = (sums[key] ?? 0) + n);
  for (const t of tallies) {
    add('voters', t.voters);
    for (const [k, n] of Object.entries(t.counts)) add(`count:${k}`, n);
    if ('sum' in t) add('sum', t.sum);
    if (t.kind === 'rank')
      for (const [k, places] of Object.entries(t.positions)) places.forEach((n, p) => add(`place:${k}:${p}`, n));
  }
  return sums;
}

describe('per-room tally property', () => {
  it('combined equals the sum of the rooms, and the running tally equals a recount', () => {
    fc.assert(
      fc.property(fc.array(castArb, { minLength: 1, maxLength: 60 }), fc.boolean(), (casts, allowChange) => {
        const poll = openedPoll(allowChange);
        const stored = new Map<string, Ballot>();
        const tally = new RunningTally(poll.id, poll.run, poll.questions);
        casts.forEach((cast, i) => {
          const { questionId, answer } = answerOf(poll, cast);
          const voterId = `u:${cast.voter}`;
          const incoming: Ballot = {
            ballotId: `b${i}`,
            pollId: poll.id,
            run: poll.run,
            questionId,
            clientBallotId: `c${i}`,
            answer,
            castAt: i,
            voterId,
            // Room 0 is the main meeting room.
            ...(cast.room === 0 ? {} : { roomId: `room-${cast.room}` }),
          };
          const outcome = resolveRecast(stored.get(`${questionId}:${voterId}`), incoming, allowChange);
          if (outcome.kind === 'inserted') tally.apply(outcome.ballot);
          if (outcome.kind === 'replaced') tally.apply(outcome.ballot, outcome.previous);
          if (outcome.kind === 'inserted' || outcome.kind === 'replaced')
            stored.set(`${questionId}:${voterId}`, outcome.ballot);
        });
        const rooms = new RunningTally(poll.id, poll.run, poll.questions).rooms.view(null, true); // shape of an empty room
        const breakdown = tally.rooms.views(true);
        const combined = tally.questions;
        for (const q of poll.questions) {
          const perRoom = breakdown.map((r) => r.questions?.[q.id] ?? rooms.questions![q.id]!);
          expect(sumTallies(perRoom)).toEqual(sumTallies([combined[q.id]!]));
        }
        // Every voter is in at least one room; no room has a voter the run does not.
        const roomTurnout = breakdown.reduce((n, r) => n + r.turnout, 0);
        expect(roomTurnout).toBeGreaterThanOrEqual(tally.turnout);
        expect(breakdown.every((r) => r.turnout <= tally.turnout)).toBe(true);
        const recount = tallyBallots(
          poll,
          poll.run,
          [...stored.values()].sort((a, b) => a.castAt - b.castAt),
        );
        const bySet = (views: RoomTally[]) =>
          [...views].sort((a, b) => String(a.roomId).localeCompare(String(b.roomId)));
        expect(bySet(recount.rooms.views(true))).toEqual(bySet(breakdown));
      }),
      { numRuns: 200 },
    );
  });
});
