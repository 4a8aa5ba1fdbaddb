import { afterEach, beforeEach, expect, it } from 'vitest';
import { RunningTally, tallyBallots, type Ballot, type Poll, type PollSettings } from '@quorum/shared';
import { draftPoll, launch, vote, write } from './store-contract';
import { rate } from './store-contract-changes';
import type { BallotWriteResult, Store } from '../../src/store/types';
import { openPostgresStore } from '../../src/store/postgres/postgres-store';
import { describeWithPostgres, dropSchema, freshSchema, PG_TEST_URL } from '../../src/store/postgres/test-support';

const slot = (b: Ballot): string => `${b.voterId}/${b.questionId}`;
const counted = (r: BallotWriteResult): boolean => r.kind === 'inserted' || r.kind === 'replaced';

/** Fisher–Yates with a seeded LCG, so a failing interleaving can be rerun. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Two stores on one schema, each with its own pool: two server instances sharing one database.
describeWithPostgres('postgres store shared by two instances', () => {
  let schema: string;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    schema = freshSchema();
    [a, b] = (await Promise.all([0, 1].map(() => openPostgresStore(PG_TEST_URL, { schema, poolSize: 4 })))) as [
      Store,
      Store,
    ];
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await dropSchema(schema);
  });

  const livePoll = async (settings: Partial<PollSettings>): Promise<Poll> => {
    const poll = draftPoll('m1', 1_000, settings);
    await a.polls.insert(poll);
    const live = launch(poll);
    await b.polls.update(live);
    return live;
  };

  /** What the database says after the race: rows, version, the change log replayed, and a recount. */
  const settle = async (poll: Poll) => {
    const rows = await a.ballots.listForRun(poll.id, 1);
    const version = await b.ballots.tallyVersion(poll.id, 1);
    const changes = await b.ballots.changesSince(poll.id, 1, 0);
    const replayed = new RunningTally(poll.id, 1, poll.questions);
    for (const c of changes) replayed.apply(c.ballot, c.previous);
    return {
      rows,
      version,
      changes,
      replayed: replayed.snapshot(true),
      recount: tallyBallots(poll, 1, rows).snapshot(true),
    };
  };

  it('serializes changed answers to one slot from both instances: one row, gapless versions, a replayable log', async () => {
    const live = await livePoll({ allowAnswerChange: true });
    const others = Array.from({ length: 10 }, (_, i) => `voter-${i}`);
    // 40 batches at once, half per instance; each carries v1's contested answer among other voters, in a random order.
    const batches = Array.from({ length: 40 }, (_, n) => {
      const contested = vote(live, 'v1', 'abc'[n % 3]!, `contested-${n % 20}`);
      return shuffled([contested, ...others.map((v) => vote(live, v, 'abc'[(n + v.length) % 3]!))], n + 1);
    });
    const results = (
      await Promise.all(batches.map((batch, n) => (n % 2 ? a : b).ballots.writeMany(batch.map((x) => write(x)))))
    ).flat();
    const { rows, version, changes, replayed, recount } = await settle(live);
    expect(rows.filter((r) => r.voterId === 'v1')).toHaveLength(1);
    expect(new Set(rows.map(slot)).size).toBe(rows.length);
    expect(rows).toHaveLength(11);
    expect(results.filter((r) => r.kind === 'inserted')).toHaveLength(11);
    const versions = results
      .filter(counted)
      .map((r) => r.tallyVersion)
      .sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    expect(changes.map((c) => c.version)).toEqual(versions);
    expect(replayed).toEqual(recount);
    // The stored row is the last counted change to that slot.
    const lastV1 = changes.filter((c) => c.ballot.voterId === 'v1').at(-1);
    expect(rows.find((r) => r.voterId === 'v1')).toEqual(lastV1?.ballot);
  });

  it('keeps the first answer when changes are not allowed: one inserted, every other write rejected with it', async () => {
    const live = await livePoll({ allowAnswerChange: false });
    const voters = Array.from({ length: 20 }, (_, i) => `voter-${i}`);
    const sends = voters.flatMap((v) =>
      [a, b, a, b].map((store, k) => ({ store, ballot: vote(live, v, 'abc'[k % 3]!, `${v}-attempt-${k}`) })),
    );
    const results = await Promise.all(
      shuffled(sends, 7).map(async ({ store, ballot }) => (await store.ballots.writeMany([write(ballot, false)]))[0]!),
    );
    const { rows, version, replayed, recount } = await settle(live);
    expect(rows).toHaveLength(20);
    expect(version).toBe(20);
    for (const v of voters) {
      const mine = results.filter((r) => (r.kind === 'rejected' ? r.existing : r.ballot).voterId === v);
      const inserted = mine.filter((r) => r.kind === 'inserted');
      expect(inserted).toHaveLength(1);
      expect(
        mine.filter((r) => r.kind === 'rejected').map((r) => (r.kind === 'rejected' ? r.existing : undefined)),
      ).toEqual([0, 1, 2].map(() => inserted[0]!.ballot));
      expect(rows.find((r) => r.voterId === v)).toEqual(inserted[0]!.ballot);
    }
    expect(replayed).toEqual(recount);
  });

  it('commits exactly one of two racing survey submissions per voter', async () => {
    const live = await livePoll({ allowAnswerChange: false });
    const submit = (store: Store, voter: string, tag: string) =>
      store.ballots.writeAtomically(
        [vote(live, voter, 'a', `${voter}-${tag}-1`), rate(live, voter, 3, `${voter}-${tag}-2`)].map((x) =>
          write(x, false),
        ),
      );
    const voters = Array.from({ length: 10 }, (_, i) => `voter-${i}`);
    const outcomes = await Promise.all(voters.flatMap((v) => [submit(a, v, 'a'), submit(b, v, 'b')]));
    for (let i = 0; i < voters.length; i++) {
      const pair = outcomes.slice(2 * i, 2 * i + 2);
      expect(pair.filter((o) => o.committed)).toHaveLength(1);
      expect(pair.find((o) => !o.committed)).toEqual({ committed: false, rejectedIndex: 0 });
    }
    const { rows, version, replayed, recount } = await settle(live);
    expect(rows).toHaveLength(20);
    expect(version).toBe(20);
    expect(replayed).toEqual(recount);
  });

  it('does not deadlock when two instances write the same voters in opposite orders', async () => {
    const live = await livePoll({ allowAnswerChange: true });
    const voters = Array.from({ length: 50 }, (_, i) => `voter-${String(i).padStart(2, '0')}`);
    const batch = (order: string[], n: number) => order.map((v) => write(vote(live, v, 'abc'[n % 3]!)));
    const rounds = Array.from({ length: 6 }, (_, n) => [
      a.ballots.writeMany(batch(voters, n)),
      b.ballots.writeMany(batch([...voters].reverse(), n + 1)),
    ]).flat();
    const results = (await Promise.all(rounds)).flat();
    const { rows, version, replayed, recount } = await settle(live);
    expect(rows).toHaveLength(50);
    expect(version).toBe(results.filter(counted).length);
    expect(version).toBe(600);
    expect(replayed).toEqual(recount);
  });
});
