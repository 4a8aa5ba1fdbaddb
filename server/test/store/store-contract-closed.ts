import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closePoll, type Poll } from '@quorum/shared';
import type { ContractFixtures } from './store-contract-changes';
import type { Store } from '../../src/store/types';

const closedAt = (poll: Poll, now: number): Poll => {
  const closed = closePoll(poll, now);
  if (!closed.ok) throw new Error(closed.error.message);
  return closed.data;
};

/**
 * The gate between a close and a ballot, on any store: a ballot whose run is not the poll's open run
 * when its transaction runs is `closed`, written nowhere and counted nowhere; the rest of its batch is
 * written as usual. (Several instances racing a close: server/test/cluster/close-race.test.ts.)
 */
export function describeClosedRunContract(open: () => Promise<Store>, fx: ContractFixtures): void {
  describe('ballots for a run that is not open', () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const livePoll = async (): Promise<Poll> => {
      const poll = fx.draftPoll('m1', 1_000);
      await store.polls.insert(poll);
      const live = fx.launch(poll);
      await store.polls.update(live);
      return live;
    };

    it('refuses a ballot written after the close, and writes the rest of its batch', async () => {
      const [live, other] = [await livePoll(), await livePoll()];
      const before = fx.vote(live, 'v1', 'a');
      await store.ballots.writeMany([fx.write(before)]);
      await store.polls.update(closedAt(live, 5_000));
      const [late, resent, elsewhere] = [fx.vote(live, 'v2', 'b'), fx.vote(live, 'v1', 'c'), fx.vote(other, 'v2', 'a')];
      const results = await store.ballots.writeMany([late, resent, elsewhere].map((b) => fx.write(b)));
      expect(results).toEqual([
        { kind: 'closed', ballot: late, tallyVersion: 1 },
        { kind: 'closed', ballot: resent, tallyVersion: 1 },
        { kind: 'inserted', ballot: elsewhere, tallyVersion: 1 },
      ]);
      expect(await store.ballots.listForRun(live.id, 1)).toEqual([before]);
      expect(await store.ballots.tallyVersion(live.id, 1)).toBe(1);
      expect(await store.ballots.changesSince(live.id, 1, 0)).toHaveLength(1);
      expect(await store.ballots.listForRun(other.id, 1)).toEqual([elsewhere]);
    });

    it("refuses a ballot for a relaunched poll's old run, and takes the new run's", async () => {
      const run1 = await livePoll();
      const run2 = fx.launch(closedAt(run1, 5_000), 6_000);
      await store.polls.update(run2);
      const [stale, fresh] = [fx.vote(run1, 'v1', 'a'), fx.vote(run2, 'v1', 'b')];
      expect(await store.ballots.writeMany([fx.write(stale), fx.write(fresh)])).toEqual([
        { kind: 'closed', ballot: stale, tallyVersion: 0 },
        { kind: 'inserted', ballot: fresh, tallyVersion: 1 },
      ]);
      expect(await store.ballots.listForRun(run1.id, 1)).toEqual([]);
      expect(await store.ballots.listForRun(run1.id, 2)).toEqual([fresh]);
    });

    it('refuses a ballot for a draft or a deleted poll', async () => {
      const draft = fx.draftPoll('m1', 1_000);
      await store.polls.insert(draft);
      const live = await livePoll();
      const gone = fx.vote(live, 'v1', 'a');
      await store.polls.delete(live.id);
      const early = { ...gone, pollId: draft.id, ballotId: 'early' };
      const results = await store.ballots.writeMany([fx.write(gone), fx.write(early)]);
      expect(results.map((r) => r.kind)).toEqual(['closed', 'closed']);
      expect(await store.ballots.listForRun(draft.id, 1)).toEqual([]);
    });

    it('refuses a whole survey submission once its run is closed', async () => {
      const live = await livePoll();
      await store.polls.update(closedAt(live, 5_000));
      const writes = [fx.write(fx.vote(live, 'v1', 'a'), false)];
      expect(await store.ballots.writeAtomically(writes)).toEqual({ committed: false, closed: true });
      expect(await store.ballots.listForRun(live.id, 1)).toEqual([]);
      expect(await store.ballots.tallyVersion(live.id, 1)).toBe(0);
    });
  });
}
