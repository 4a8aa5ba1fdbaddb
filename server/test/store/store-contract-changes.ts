import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castBallot, RunningTally, tallyBallots, type Ballot, type Poll, type PollSettings } from '@quorum/shared';
import type { BallotChange, BallotWrite, Store } from '../../src/store/types';

/** The fixtures of `store-contract.ts` (next to this file), handed in so both files build polls and ballots one way. */
export interface ContractFixtures {
  draftPoll(meetingId: string, createdAt: number, settings?: Partial<PollSettings>): Poll;
  launch(poll: Poll, now?: number): Poll;
  vote(poll: Poll, voterId: string, optionId: string, clientBallotId?: string): Ballot;
  write(ballot: Ballot, allowAnswerChange?: boolean): BallotWrite;
}

/** A rating ballot on q2 (1..5) of the poll's current run. */
export function rate(poll: Poll, voterId: string, value: number, clientBallotId = `rate-${randomUUID()}`): Ballot {
  const input = { pollId: poll.id, questionId: 'q2', answer: { kind: 'rating' as const, value }, clientBallotId };
  const cast = castBallot(poll, voterId, input, { now: (poll.openedAt ?? 0) + 1, newId: randomUUID });
  if (!cast.ok) throw new Error(cast.error.message);
  return cast.data;
}

/** Applies logged changes to a running tally, as another instance would. */
function replay(tally: RunningTally, changes: readonly BallotChange[]): RunningTally {
  for (const c of changes) {
    tally.apply(c.ballot, c.previous);
    tally.version = c.version;
  }
  return tally;
}

/** The change log (`changesSince`), hides, survey writes and erasure, on any store. */
export function describeChangeLogContract(open: () => Promise<Store>, fx: ContractFixtures): void {
  describe('ballot change log', () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const livePoll = async (settings: Partial<PollSettings> = {}): Promise<Poll> => {
      const poll = fx.draftPoll('m1', 1_000, settings);
      await store.polls.insert(poll);
      const live = fx.launch(poll);
      await store.polls.update(live);
      return live;
    };

    it('logs each counted write under its version, with the ballot it replaced, and nothing else', async () => {
      const live = await livePoll();
      const [a, b, c] = [
        fx.vote(live, 'v1', 'a'),
        fx.vote(live, 'v1', 'b'),
        fx.vote(live, 'v2', 'c', 'same-client-id'),
      ];
      const results = await store.ballots.writeMany([
        fx.write(a),
        fx.write(b),
        fx.write(c),
        fx.write(fx.vote(live, 'v2', 'c', 'same-client-id')),
      ]);
      await store.ballots.writeMany([
        fx.write(fx.vote(live, 'v3', 'a'), false),
        fx.write(fx.vote(live, 'v3', 'b'), false),
      ]);
      const stored = results[1]!.kind === 'replaced' ? results[1]!.ballot : b;
      expect(await store.ballots.changesSince(live.id, 1, 0)).toEqual([
        { version: 1, ballot: a },
        { version: 2, ballot: stored, previous: a },
        { version: 3, ballot: c },
        { version: 4, ballot: expect.objectContaining({ voterId: 'v3' }) },
      ]);
      expect((await store.ballots.changesSince(live.id, 1, 2)).map((ch) => ch.version)).toEqual([3, 4]);
      expect(await store.ballots.changesSince(live.id, 1, 4)).toEqual([]);
      expect(await store.ballots.changesSince(live.id, 2, 0)).toEqual([]);
    });

    it('replays to the same tally as a recount of the stored ballots, from any version', async () => {
      const live = await livePoll();
      for (let round = 0; round < 4; round++) {
        const batch = Array.from({ length: 12 }, (_, i) =>
          i % 2 ? rate(live, `v${i}`, 1 + ((i + round) % 5)) : fx.vote(live, `v${i}`, 'abc'[(i + round) % 3]!),
        );
        await store.ballots.writeMany(batch.map((ballot) => fx.write(ballot)));
      }
      const first = (await store.ballots.listForRun(live.id, 1))[0]!;
      await store.ballots.setHidden(live.id, 1, first.ballotId, true);
      const version = await store.ballots.tallyVersion(live.id, 1);
      const recount = tallyBallots(live, 1, await store.ballots.listForRun(live.id, 1), version);
      const all = await store.ballots.changesSince(live.id, 1, 0);
      expect(all.map((ch) => ch.version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      const full = replay(new RunningTally(live.id, 1, live.questions), all);
      const partial = replay(new RunningTally(live.id, 1, live.questions), all.slice(0, 20));
      replay(partial, await store.ballots.changesSince(live.id, 1, 20));
      for (const t of [full, partial]) expect(t.snapshot(true)).toEqual(recount.snapshot(true));
    });

    it('compacts superseded changes up to a version, keeping each slot’s newest and everything after', async () => {
      const live = await livePoll();
      // v1 changes q1 four times (versions 1-4) and rates q2 once (5); v2 votes once (6); v1 changes q1 again (7).
      for (const option of ['a', 'b', 'c', 'a']) await store.ballots.writeMany([fx.write(fx.vote(live, 'v1', option))]);
      await store.ballots.writeMany([fx.write(rate(live, 'v1', 3)), fx.write(fx.vote(live, 'v2', 'b'))]);
      await store.ballots.writeMany([fx.write(fx.vote(live, 'v1', 'b'))]);
      expect(await store.ballots.compactChanges(live.id, 1, 5)).toBe(4);
      // 1-4 were superseded by 7 (same voter and question); 5 and 6 are their slots' newest; 7 is after the bound.
      expect((await store.ballots.changesSince(live.id, 1, 0)).map((ch) => ch.version)).toEqual([5, 6, 7]);
      expect(await store.ballots.compactChanges(live.id, 1, 7)).toBe(0);
      // What remains is the same rows as before: a reader at 6 still replays 7 exactly.
      const [seven] = await store.ballots.changesSince(live.id, 1, 6);
      expect(seven).toMatchObject({
        version: 7,
        ballot: { voterId: 'v1', answer: { optionId: 'b' } },
        previous: { answer: { optionId: 'a' } },
      });
      expect(await store.ballots.tallyVersion(live.id, 1)).toBe(7);
    });

    it('counts a hide once, only when the flag changes, and keeps it through a changed answer', async () => {
      const live = await livePoll();
      const ballot = fx.vote(live, 'v1', 'a');
      await store.ballots.writeMany([fx.write(ballot)]);
      expect(await store.ballots.setHidden(live.id, 1, ballot.ballotId, true)).toBe(2);
      expect(await store.ballots.get(live.id, 1, ballot.ballotId)).toEqual({ ...ballot, hidden: true });
      expect(await store.ballots.setHidden(live.id, 1, ballot.ballotId, true)).toBe(2);
      expect(await store.ballots.setHidden(live.id, 1, 'no-such-ballot', true)).toBe(2);
      expect(await store.ballots.get(live.id, 1, 'no-such-ballot')).toBeUndefined();
      const [changed] = await store.ballots.writeMany([fx.write(fx.vote(live, 'v1', 'b'))]);
      expect(changed).toMatchObject({
        kind: 'replaced',
        ballot: { ballotId: ballot.ballotId, hidden: true },
        tallyVersion: 3,
      });
      expect(await store.ballots.setHidden(live.id, 1, ballot.ballotId, false)).toBe(4);
      const log = await store.ballots.changesSince(live.id, 1, 1);
      expect(log.map((ch) => [ch.version, ch.ballot.hidden ?? false, ch.previous?.hidden ?? false])).toEqual([
        [2, true, false],
        [3, true, true],
        [4, false, true],
      ]);
    });

    it('writes a survey all or nothing', async () => {
      const live = await livePoll({ allowAnswerChange: false });
      const first = [fx.vote(live, 'v1', 'a'), rate(live, 'v1', 4)];
      const done = await store.ballots.writeAtomically(first.map((b) => fx.write(b, false)));
      expect(done).toEqual({
        committed: true,
        results: first.map((ballot, i) => ({ kind: 'inserted', ballot, tallyVersion: i + 1 })),
      });
      const resent = await store.ballots.writeAtomically(
        first.map((b) => fx.write({ ...b, ballotId: randomUUID() }, false)),
      );
      expect(resent).toMatchObject({
        committed: true,
        results: [
          { kind: 'duplicate', tallyVersion: 2 },
          { kind: 'duplicate', tallyVersion: 2 },
        ],
      });
      const again = await store.ballots.writeAtomically([
        fx.write(fx.vote(live, 'v1', 'b'), false),
        fx.write(rate(live, 'v1', 1), false),
      ]);
      expect(again).toEqual({ committed: false, rejectedIndex: 0 });
      const halfNew = await store.ballots.writeAtomically([
        fx.write(fx.vote(live, 'v2', 'a'), false),
        fx.write(fx.vote(live, 'v2', 'b'), false),
      ]);
      expect(halfNew).toEqual({ committed: false, rejectedIndex: 1 });
      expect((await store.ballots.listForRun(live.id, 1)).map((b) => b.voterId)).toEqual(['v1', 'v1']);
      expect(await store.ballots.tallyVersion(live.id, 1)).toBe(2);
      expect(await store.ballots.changesSince(live.id, 1, 0)).toHaveLength(2);
    });

    it("moves an erased user's ballots with transferVoter, then erase scrubs their logged copies", async () => {
      const live = await livePoll();
      const mine = [fx.vote(live, 'u:U1', 'a', 'client-erase-1'), fx.vote(live, 'u:U1', 'b', 'client-erase-2')];
      await store.ballots.writeMany([...mine, fx.vote(live, 'v2', 'a')].map((b) => fx.write(b)));
      expect(await store.ballots.meetingsOfVoter('u:U1')).toEqual([live.meetingId]);
      expect(await store.ballots.transferVoter('u:U1', 'x:anon-1', live.meetingId)).toHaveLength(1);
      await store.zoomUsers.erase('U1', 'x:anon-1');
      expect(await store.ballots.meetingsOfVoter('u:U1')).toEqual([]);
      expect((await store.ballots.listForRun(live.id, 1)).map((b) => b.voterId).sort()).toEqual(['v2', 'x:anon-1']);
      const log = await store.ballots.changesSince(live.id, 1, 0);
      expect(JSON.stringify(log)).not.toContain('u:U1');
      // first ballot, its replacement, v2's ballot, and the transfer (counted as a change of the same ballot).
      expect(log.map((ch) => [ch.ballot.voterId, ch.previous?.voterId])).toEqual([
        ['x:anon-1', undefined],
        ['x:anon-1', 'x:anon-1'],
        ['v2', undefined],
        ['x:anon-1', 'x:anon-1'],
      ]);
    });

    it('stores the breakout room of each ballot and moves it with a changed answer', async () => {
      const live = await livePoll();
      const inRoom = (b: Ballot, roomId: string): Ballot => ({ ...b, roomId });
      const first = inRoom(fx.vote(live, 'v1', 'a'), 'room-1');
      const main = fx.vote(live, 'v2', 'b');
      await store.ballots.writeMany([fx.write(first), fx.write(main)]);
      const [moved] = await store.ballots.writeMany([fx.write(inRoom(fx.vote(live, 'v1', 'c'), 'room-2'))]);
      expect(moved).toMatchObject({
        kind: 'replaced',
        ballot: { ballotId: first.ballotId, roomId: 'room-2' },
        previous: { roomId: 'room-1' },
      });
      const survey = [inRoom(fx.vote(live, 'v3', 'a'), 'room-1'), inRoom(rate(live, 'v3', 5), 'room-1')];
      await store.ballots.writeAtomically(survey.map((b) => fx.write(b)));
      const stored = await store.ballots.listForRun(live.id, 1);
      // One ballot per voter and question whichever room it came from; the main room's has no roomId.
      expect(stored.map((b) => [b.voterId, b.roomId]).sort()).toEqual([
        ['v1', 'room-2'],
        ['v2', undefined],
        ['v3', 'room-1'],
        ['v3', 'room-1'],
      ]);
      const log = await store.ballots.changesSince(live.id, 1, 0);
      expect(log.map((ch) => [ch.ballot.roomId, ch.previous?.roomId])).toEqual([
        ['room-1', undefined],
        [undefined, undefined],
        ['room-2', 'room-1'],
        ['room-1', undefined],
        ['room-1', undefined],
      ]);
    });

    it('drops the log with its poll', async () => {
      const live = await livePoll();
      await store.ballots.writeMany([fx.write(fx.vote(live, 'v1', 'a'))]);
      await store.polls.delete(live.id);
      expect(await store.ballots.changesSince(live.id, 1, 0)).toEqual([]);
    });
  });
}
