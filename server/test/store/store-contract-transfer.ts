import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tallyBallots, type Poll } from '@quorum/shared';
import type { ContractFixtures } from './store-contract-changes';
import type { Store } from '../../src/store/types';

/** `transferVoter`: a guest who signs in keeps their ballots, once, and every instance can follow. */
export function describeVoterTransferContract(open: () => Promise<Store>, fx: ContractFixtures): void {
  describe('voter transfer', () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const livePoll = async (meetingId = 'm1'): Promise<Poll> => {
      const poll = fx.draftPoll(meetingId, 1_000);
      await store.polls.insert(poll);
      const live = fx.launch(poll);
      await store.polls.update(live);
      return live;
    };

    it('moves the ballots of one meeting to the new voter as logged changes that keep the tally', async () => {
      const [here, elsewhere] = [await livePoll('m1'), await livePoll('m2')];
      await store.ballots.writeMany([
        fx.write(fx.vote(here, 'g:guest', 'b')),
        fx.write(fx.vote(here, 'u:other', 'a')),
        fx.write(fx.vote(elsewhere, 'g:guest', 'a')),
      ]);
      const before = await store.ballots.listForRun(here.id, 1);

      const moved = await store.ballots.transferVoter('g:guest', 'u:zu1', 'm1');

      expect(moved).toEqual([
        {
          before: expect.objectContaining({ voterId: 'g:guest' }),
          after: expect.objectContaining({ voterId: 'u:zu1', answer: { kind: 'single', optionId: 'b' } }),
          version: 3,
        },
      ]);
      expect(await store.ballots.tallyVersion(here.id, 1)).toBe(3);
      expect((await store.ballots.listForVoter('u:zu1', [here])).map((b) => b.answer)).toEqual([
        { kind: 'single', optionId: 'b' },
      ]);
      expect(await store.ballots.listForVoter('g:guest', [here])).toEqual([]);
      // Another meeting's ballots are not touched.
      expect(await store.ballots.listForVoter('g:guest', [elsewhere])).toHaveLength(1);
      // A tally replaying the log equals a recount: same counts, same turnout, one voter renamed.
      const replayed = tallyBallots(here, 1, before);
      for (const c of await store.ballots.changesSince(here.id, 1, 2)) replayed.apply(c.ballot, c.previous);
      const recount = tallyBallots(here, 1, await store.ballots.listForRun(here.id, 1));
      expect(replayed.snapshot(true)).toEqual(recount.snapshot(true));
      expect(replayed.hasVoted('g:guest')).toBe(false);
      expect(replayed.hasVoted('u:zu1')).toBe(true);
    });

    it('leaves a slot the new voter already holds alone, so nobody ends up with two votes', async () => {
      const live = await livePoll();
      await store.ballots.writeMany([fx.write(fx.vote(live, 'g:guest', 'b')), fx.write(fx.vote(live, 'u:zu1', 'a'))]);
      expect(await store.ballots.transferVoter('g:guest', 'u:zu1', 'm1')).toEqual([]);
      expect((await store.ballots.listForVoter('u:zu1', [live])).map((b) => b.answer)).toEqual([
        { kind: 'single', optionId: 'a' },
      ]);
      expect(await store.ballots.listForVoter('g:guest', [live])).toHaveLength(1);
      expect(await store.ballots.tallyVersion(live.id, 1)).toBe(2);
    });
  });
}
