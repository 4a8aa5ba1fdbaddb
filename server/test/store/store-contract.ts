import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  castBallot,
  closePoll,
  createPoll,
  openPoll,
  pollDraftSchema,
  type Ballot,
  type DomainContext,
  type Poll,
  type PollSettings,
} from '@quorum/shared';
import { draftOf, must, options, question } from '@quorum/shared/testing';
import type { BallotWrite, Store } from '../../src/store/types';
import { describeChangeLogContract } from './store-contract-changes';
import { describeClosedRunContract } from './store-contract-closed';
import { describeVoterTransferContract } from './store-contract-transfer';
import { describeRecordsContract } from './store-contract-records';
import { describeTemplatesContract } from './store-contract-templates';
import { describeQaContract } from './store-contract-qa';

let seq = 0;
const ctxAt = (now: number): DomainContext => ({ now, newId: () => `id-${++seq}` });

/** A draft poll with one single-choice question (q1: a|b|c) and one rating question (q2: 1..5). */
export function draftPoll(meetingId: string, createdAt: number, settings: Partial<PollSettings> = {}): Poll {
  const questions = [question('single', { options: options('a', 'b', 'c') }), question('rating', { id: 'q2' })];
  return must(
    createPoll(
      pollDraftSchema.parse(draftOf(questions, settings, `Poll at ${createdAt}`)),
      meetingId,
      ctxAt(createdAt),
    ),
  );
}

export const launch = (poll: Poll, now = poll.createdAt + 1): Poll => must(openPoll(poll, now));

/** A single-choice ballot on q1 of the poll's current run. */
export function vote(
  poll: Poll,
  voterId: string,
  optionId: string,
  clientBallotId = `ballot-${voterId}-${++seq}`,
): Ballot {
  const input = { pollId: poll.id, questionId: 'q1', answer: { kind: 'single' as const, optionId }, clientBallotId };
  return must(castBallot(poll, voterId, input, ctxAt((poll.openedAt ?? 0) + seq)));
}

export const write = (ballot: Ballot, allowAnswerChange = true): BallotWrite => ({ ballot, allowAnswerChange });
const byId = (a: { ballotId: string }, b: { ballotId: string }) => a.ballotId.localeCompare(b.ballotId);

/** The behaviour every `Store` must show; each implementation calls this with its own opener. */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    /** Stores and launches a poll, as the service does before any ballot. */
    const livePoll = async (meetingId = 'm1', settings: Partial<PollSettings> = {}): Promise<Poll> => {
      const poll = draftPoll(meetingId, 1_000, settings);
      await store.polls.insert(poll);
      const live = launch(poll);
      await store.polls.update(live);
      return live;
    };

    describe('polls', () => {
      it('inserts, reads back, updates and answers undefined for an unknown id', async () => {
        const poll = draftPoll('m1', 1_000, { closeAfterSec: 60 });
        await store.polls.insert(poll);
        expect(await store.polls.get(poll.id)).toEqual(poll);
        const live = launch(poll, 2_000);
        await store.polls.update(live);
        expect(await store.polls.get(poll.id)).toEqual(live);
        expect(live).toMatchObject({ status: 'open', run: 1, openedAt: 2_000, closesAt: 62_000 });
        expect(await store.polls.get('nope')).toBeUndefined();
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('deletes a poll together with its ballots and run versions', async () => {
        const live = await livePoll();
        await store.ballots.writeMany([write(vote(live, 'v1', 'a')), write(vote(live, 'v2', 'b'))]);
        await store.polls.delete(live.id);
        expect(await store.polls.get(live.id)).toBeUndefined();
        expect(await store.ballots.listForRun(live.id, 1)).toEqual([]);
        expect(await store.ballots.tallyVersion(live.id, 1)).toBe(0);
      });

      it("lists a meeting's polls oldest first, and only that meeting's", async () => {
        const [late, early, middle] = [3_000, 1_000, 2_000].map((t) => draftPoll('m1', t));
        const other = draftPoll('m2', 500);
        for (const p of [late, early, middle, other]) await store.polls.insert(p!);
        expect((await store.polls.listByMeeting('m1')).map((p) => p.id)).toEqual([early!.id, middle!.id, late!.id]);
        expect(await store.polls.listByMeeting('m2')).toEqual([other]);
        expect(await store.polls.listByMeeting('m3')).toEqual([]);
      });

      it('lists open polls with a deadline across meetings, nothing else', async () => {
        const timed = [
          draftPoll('m1', 1_000, { closeAfterSec: 30 }),
          draftPoll('m2', 1_000, { closeAfterSec: 90 }),
        ].map((p) => launch(p));
        const untimed = launch(draftPoll('m1', 1_000));
        const closed = must(closePoll(launch(draftPoll('m1', 1_000, { closeAfterSec: 30 })), 5_000));
        const draft = draftPoll('m1', 1_000, { closeAfterSec: 30 });
        for (const p of [...timed, untimed, closed, draft]) await store.polls.insert(p);
        const found = await store.polls.listOpenWithDeadline();
        expect(found.map((p) => p.id).sort()).toEqual(timed.map((p) => p.id).sort());
        expect(found.every((p) => p.status === 'open' && p.closesAt !== null)).toBe(true);
      });
    });

    describe('ballots', () => {
      it('inserts a first ballot and counts it', async () => {
        const live = await livePoll();
        const ballot = vote(live, 'v1', 'a');
        expect(await store.ballots.writeMany([write(ballot)])).toEqual([{ kind: 'inserted', ballot, tallyVersion: 1 }]);
        expect(await store.ballots.listForRun(live.id, 1)).toEqual([ballot]);
        expect(await store.ballots.tallyVersion(live.id, 1)).toBe(1);
        expect(await store.ballots.writeMany([])).toEqual([]);
      });

      it('answers a resent clientBallotId with the stored ballot, without counting it again', async () => {
        const live = await livePoll();
        const first = vote(live, 'v1', 'a', 'client-ballot-1');
        await store.ballots.writeMany([write(first)]);
        const resent = { ...vote(live, 'v1', 'a', 'client-ballot-1'), castAt: first.castAt + 500 };
        expect(await store.ballots.writeMany([write(resent)])).toEqual([
          { kind: 'duplicate', ballot: first, tallyVersion: 1 },
        ]);
        expect(await store.ballots.listForRun(live.id, 1)).toEqual([first]);
      });

      it('rejects a changed answer when the poll forbids changes, keeping the first', async () => {
        const live = await livePoll('m1', { allowAnswerChange: false });
        const first = vote(live, 'v1', 'a');
        await store.ballots.writeMany([write(first, false)]);
        const second = vote(live, 'v1', 'b');
        expect(await store.ballots.writeMany([write(second, false)])).toEqual([
          { kind: 'rejected', existing: first, tallyVersion: 1 },
        ]);
        expect(await store.ballots.listForRun(live.id, 1)).toEqual([first]);
        expect(await store.ballots.tallyVersion(live.id, 1)).toBe(1);
      });

      it('replaces a changed answer when allowed: same ballotId, still one row, counted', async () => {
        const live = await livePoll();
        const first = vote(live, 'v1', 'a');
        await store.ballots.writeMany([write(first)]);
        const second = vote(live, 'v1', 'c');
        const [result] = await store.ballots.writeMany([write(second)]);
        const stored = { ...second, ballotId: first.ballotId };
        expect(result).toEqual({ kind: 'replaced', ballot: stored, previous: first, tallyVersion: 2 });
        expect(await store.ballots.listForRun(live.id, 1)).toEqual([stored]);
      });

      it('lets a later write in a batch see an earlier one from the same voter', async () => {
        const live = await livePoll();
        const [a, b, c] = [vote(live, 'v1', 'a'), vote(live, 'v1', 'b'), vote(live, 'v2', 'a', 'same-client-id')];
        const results = await store.ballots.writeMany([
          write(a),
          write(b),
          write(c, false),
          write(vote(live, 'v2', 'a', 'same-client-id'), false),
        ]);
        expect(results.map((r) => [r.kind, r.tallyVersion])).toEqual([
          ['inserted', 1],
          ['replaced', 2],
          ['inserted', 3],
          ['duplicate', 3],
        ]);
        expect(results[1]).toMatchObject({ ballot: { ballotId: a.ballotId, answer: b.answer }, previous: a });
        const rejected = await store.ballots.writeMany([
          write(vote(live, 'v3', 'a'), false),
          write(vote(live, 'v3', 'b'), false),
        ]);
        expect(rejected.map((r) => [r.kind, r.tallyVersion])).toEqual([
          ['inserted', 4],
          ['rejected', 4],
        ]);
        expect(await store.ballots.listForRun(live.id, 1)).toHaveLength(3);
      });

      it('writes 200 ballots from distinct voters in one batch, counting each', async () => {
        const live = await livePoll();
        const ballots = Array.from({ length: 200 }, (_, i) => vote(live, `voter-${i}`, ['a', 'b', 'c'][i % 3]!));
        const results = await store.ballots.writeMany(ballots.map((b) => write(b)));
        expect(results.every((r) => r.kind === 'inserted')).toBe(true);
        expect(results.map((r) => r.tallyVersion)).toEqual(ballots.map((_, i) => i + 1));
        expect(await store.ballots.tallyVersion(live.id, 1)).toBe(200);
        expect((await store.ballots.listForRun(live.id, 1)).sort(byId)).toEqual([...ballots].sort(byId));
      });

      it('keeps each run apart: a relaunch starts a fresh ballot box and version', async () => {
        const run1 = await livePoll('m1', { allowAnswerChange: false });
        const old = vote(run1, 'v1', 'a');
        await store.ballots.writeMany([write(old, false)]);
        const run2 = launch(must(closePoll(run1, 5_000)), 6_000);
        await store.polls.update(run2);
        const fresh = vote(run2, 'v1', 'b');
        expect(await store.ballots.writeMany([write(fresh, false)])).toEqual([
          { kind: 'inserted', ballot: fresh, tallyVersion: 1 },
        ]);
        expect(await store.ballots.listForRun(run1.id, 1)).toEqual([old]);
        expect(await store.ballots.listForRun(run1.id, 2)).toEqual([fresh]);
        expect([await store.ballots.tallyVersion(run1.id, 1), await store.ballots.tallyVersion(run1.id, 2)]).toEqual([
          1, 1,
        ]);
        expect(await store.ballots.tallyVersion(run1.id, 3)).toBe(0);
      });

      it("lists one voter's ballots for the given polls' runs only", async () => {
        const pollA = await livePoll('m1');
        const pollB = await livePoll('m1');
        const oldA = vote(pollA, 'v1', 'a');
        await store.ballots.writeMany([write(oldA)]);
        const pollA2 = launch(must(closePoll(pollA, 5_000)), 6_000);
        await store.polls.update(pollA2);
        const rating = must(
          castBallot(
            pollA2,
            'v1',
            {
              pollId: pollA2.id,
              questionId: 'q2',
              answer: { kind: 'rating', value: 4 },
              clientBallotId: 'rating-ballot',
            },
            ctxAt(7_000),
          ),
        );
        const mine = [vote(pollA2, 'v1', 'b'), rating, vote(pollB, 'v1', 'c')];
        await store.ballots.writeMany([...mine, vote(pollA2, 'v2', 'a'), vote(pollB, 'v2', 'a')].map((b) => write(b)));
        const listed = await store.ballots.listForVoter('v1', [pollA2, { id: pollB.id, run: pollB.run }]);
        expect(listed.sort(byId)).toEqual([...mine].sort(byId));
        expect(await store.ballots.listForVoter('v1', [pollA])).toEqual([oldA]);
        expect(await store.ballots.listForVoter('v1', [])).toEqual([]);
        expect(await store.ballots.listForVoter('nobody', [pollA2, pollB])).toEqual([]);
      });

      it('commits a batch all or nothing', async () => {
        const live = await livePoll();
        const first = vote(live, 'v1', 'a');
        // Another voter's ballot under the same id: a primary-key violation half way through the batch.
        const clash = { ...vote(live, 'v2', 'a'), ballotId: first.ballotId };
        await expect(store.ballots.writeMany([write(first), write(clash)])).rejects.toThrow();
        expect(await store.ballots.listForRun(live.id, 1)).toEqual([]);
        expect(await store.ballots.tallyVersion(live.id, 1)).toBe(0);
      });
    });

    describeChangeLogContract(open, { draftPoll, launch, vote, write });
    describeClosedRunContract(open, { draftPoll, launch, vote, write });
    describeVoterTransferContract(open, { draftPoll, launch, vote, write });
    describeRecordsContract(open);
    describeTemplatesContract(open);
    describeQaContract(open);
  });
}
