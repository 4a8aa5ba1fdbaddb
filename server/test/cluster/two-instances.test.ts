import type { PollTally } from '@quorum/shared';
import { afterEach, expect, it } from 'vitest';
import { clusterScope, describeCluster, endpoint } from '../support/cluster';
import { choicePoll, disconnectAll, join, launch, vote, type Client } from '../support/harness';

const OPTIONS = ['a', 'b', 'c'] as const;

/** What every client must agree on: the counts, the turnout and the version they belong to. */
const essence = (t: PollTally | undefined) => t && { version: t.version, turnout: t.turnout, questions: t.questions };

describeCluster('two server processes sharing PostgreSQL and Redis', () => {
  let scope: ReturnType<typeof clusterScope>;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    await scope.dispose();
  });

  it('counts 50 voters split across both and shows every client the same final tally', async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const mid = 'cluster-meeting';
    // Everyone is connected before the launch: B's clients learn of the poll from A through Redis.
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    const voters = await Promise.all(
      Array.from({ length: 50 }, (_, i) => join(endpoint(i % 2 === 0 ? a : b), { mid, uid: `voter-${i}` })),
    );
    clients.push(host, ...voters);
    const seen = Promise.all(
      voters.map((v) => new Promise<void>((resolve) => v.socket.once('poll:updated', () => resolve()))),
    );
    const pollId = await launch(host);
    await seen;

    const results = await Promise.all(voters.map((v, i) => vote(v, pollId, OPTIONS[i % 3]!)));
    expect(results.every((r) => r.ok)).toBe(true);
    const expected = { a: 17, b: 17, c: 16 };
    await Promise.all([host, ...voters].map((c) => c.waitForTally(pollId, (t) => t.turnout === 50, 10_000)));

    const closed = await host.socket.emitWithAck('poll:close', { pollId });
    expect(closed.ok).toBe(true);
    await Promise.all([host, ...voters].map((c) => c.waitForTally(pollId, (t) => t.version === 50, 10_000)));
    const finals = [host, ...voters].map((c) => essence(c.tallies.get(pollId)));
    expect(finals[0]).toMatchObject({ version: 50, turnout: 50, questions: { q1: { counts: expected } } });
    for (const f of finals) expect(f).toEqual(finals[0]);
  }, 60_000);

  it('never loses one of two lifecycle changes made at once on different processes', async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const mid = 'cluster-race';
    const onA = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    const onB = await join(endpoint(b), { mid, uid: 'host', role: 'host' });
    clients.push(onA, onB);
    const pollId = await launch(onA);
    for (let round = 1; round <= 5; round++) {
      // Each reads "open, not shared"; without a cluster-wide lock one write would undo the other.
      const [closed, shared] = await Promise.all([
        onA.socket.emitWithAck('poll:close', { pollId }),
        onB.socket.emitWithAck('poll:share', { pollId }),
      ]);
      expect(closed.ok && shared.ok).toBe(true);
      const poll = (await join(endpoint(round % 2 ? a : b), { mid, uid: 'check', role: 'host' })).snapshot.polls[0]!;
      expect(poll).toMatchObject({ status: 'closed', resultsShared: true, run: round });
      expect((await onB.socket.emitWithAck('poll:open', { pollId })).ok).toBe(true);
    }
  }, 60_000);

  it("closes a poll at its deadline once, whichever process's timer fires first", async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const mid = 'cluster-timer';
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    const watchers = await Promise.all([a, b].map((s, i) => join(endpoint(s), { mid, uid: `w${i}` })));
    clients.push(host, ...watchers);
    const closes = watchers.map(() => 0);
    watchers.forEach((w, i) => w.socket.on('poll:updated', (p) => void (p.status === 'closed' && closes[i]!++)));
    const pollId = await launch(host, choicePoll({ closeAfterSec: 5 }));
    await watchers[1]!.waitForTally(pollId, () => true);
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(closes).toEqual([1, 1]);
    const snapshot = (await join(endpoint(b), { mid, uid: 'late', role: 'host' })).snapshot;
    expect(snapshot.polls[0]).toMatchObject({ id: pollId, status: 'closed', run: 1 });
  }, 60_000);
});
