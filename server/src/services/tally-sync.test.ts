import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  castBallot,
  createPoll,
  openPoll,
  pollDraftSchema,
  tallyBallots,
  type Ballot,
  type Poll,
} from '@quorum/shared';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/types';
import { PollState } from './poll-state';
import { TallySync } from './tally-sync';

const ctx = { now: 1_000, newId: randomUUID };

/** Two "processes" (their own state and sync) over one store, as two instances over one database. */
describe('TallySync', () => {
  let store: Store;
  let poll: Poll;
  const proc = () => {
    const state = new PollState(store);
    return { state, sync: new TallySync(state, store.ballots) };
  };
  const ballot = (voterId: string, optionId: string): Ballot => {
    const input = {
      pollId: poll.id,
      questionId: 'q1',
      answer: { kind: 'single' as const, optionId },
      clientBallotId: `cb-${randomUUID()}`,
    };
    const cast = castBallot(poll, voterId, input, ctx);
    if (!cast.ok) throw new Error(cast.error.message);
    return cast.data;
  };
  const write = async (b: Ballot) => {
    const [result] = await store.ballots.writeMany([{ ballot: b, allowAnswerChange: true }]);
    if (result?.kind !== 'inserted' && result?.kind !== 'replaced') throw new Error('not counted');
    return result;
  };
  const recount = async () => tallyBallots(poll, 1, await store.ballots.listForRun(poll.id, 1)).snapshot(true);

  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    const draft = pollDraftSchema.parse({
      title: 'Sync',
      questions: [
        {
          id: 'q1',
          kind: 'single',
          prompt: 'Pick',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        },
      ],
    });
    const created = createPoll(draft, 'm1', ctx);
    if (!created.ok) throw new Error('draft');
    const opened = openPoll(created.data, ctx.now);
    if (!opened.ok) throw new Error('open');
    poll = opened.data;
    await store.polls.insert(poll);
  });
  afterEach(() => store.close());

  it('applies its own next version in place, and catches up from the log after another process wrote', async () => {
    const a = proc();
    const tally = await a.state.tally(poll);
    const mine = await write(ballot('v1', 'a'));
    expect(a.sync.applyCommitted(tally, mine.ballot, undefined, mine.tallyVersion)).toBe(true);
    await write(ballot('v2', 'b')); // "process B"
    await write(ballot('v2', 'a')); // B again: a replacement
    const late = await write(ballot('v3', 'a'));
    expect(a.sync.applyCommitted(tally, late.ballot, undefined, late.tallyVersion)).toBe(false);
    const caughtUp = await a.sync.refresh(poll, 1);
    expect(caughtUp.version).toBe(4);
    expect(caughtUp.snapshot(true)).toEqual({ ...(await recount()), version: 4 });
    // Applying the same commit after the refresh read it changes nothing.
    expect(a.sync.applyCommitted(caughtUp, late.ballot, undefined, late.tallyVersion)).toBe(true);
    expect(caughtUp.turnout).toBe(3);
  });

  it('refreshes only when it heard of a newer version, and shares one read among concurrent callers', async () => {
    const a = proc();
    await a.state.tally(poll);
    const read = vi.spyOn(store.ballots, 'changesSince');
    expect(await a.sync.fresh(poll, 1)).toMatchObject({ version: 0 });
    expect(read).not.toHaveBeenCalled();
    const other = await write(ballot('v1', 'b'));
    a.sync.heard(poll.id, 1, other.tallyVersion);
    const results = await Promise.all([
      a.sync.fresh(poll, 1),
      a.sync.refresh(poll, 1),
      a.sync.refresh(poll, 1),
      a.sync.refresh(poll, 1),
    ]);
    expect(results.map((t) => t.version)).toEqual([1, 1, 1, 1]);
    expect(read.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('recounts when the log does not reach back to the version it has', async () => {
    const a = proc();
    const tally = await a.state.tally(poll);
    await write(ballot('v1', 'a'));
    vi.spyOn(store.ballots, 'changesSince').mockResolvedValueOnce([{ version: 5, ballot: ballot('v9', 'b') }]);
    const recounted = await a.sync.refresh(poll, 1);
    expect(recounted).not.toBe(tally);
    expect(recounted.snapshot(true)).toEqual({ ...(await recount()), version: 1 });
    expect(a.state.loadedTally(poll.id, 1)).toBe(recounted);
  });

  it('recounts, never replays across a gap the compaction left, and stays exact', async () => {
    const a = proc();
    const tally = await a.state.tally(poll);
    const first = await write(ballot('v1', 'a'));
    a.sync.applyCommitted(tally, first.ballot, undefined, first.tallyVersion);
    // "Process B": v3 votes (version 2), v1 changes to b (3) and back to a (4), v2 votes (5); the log
    // is then compacted through 4, taking out v1's superseded 1 and 3. Version 4 says "a replaced b",
    // but this tally never counted 3's b: replaying 2, 4, 5 across the gap would count v1 wrong.
    await write(ballot('v3', 'b'));
    await write(ballot('v1', 'b'));
    await write(ballot('v1', 'a'));
    await write(ballot('v2', 'b'));
    expect(await store.ballots.compactChanges(poll.id, 1, 4)).toBe(2);
    expect((await store.ballots.changesSince(poll.id, 1, 1)).map((c) => c.version)).toEqual([2, 4, 5]);
    const caughtUp = await a.sync.refresh(poll, 1);
    expect(caughtUp.snapshot(true)).toEqual({ ...(await recount()), version: 5 });
  });
});
