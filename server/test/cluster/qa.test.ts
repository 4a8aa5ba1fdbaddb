import type { QaUpdate } from '@quorum/shared';
import { afterEach, expect, it } from 'vitest';
import { clusterScope, describeCluster, endpoint } from '../support/cluster';
import { ballotId, disconnectAll, join, type Client } from '../support/harness';

/** The newest `event` payload a client received (highest version), starting from its snapshot. */
function track(c: Client, event: 'qa:update' | 'qa:mine') {
  let latest: QaUpdate | undefined = c.snapshot.qa;
  const waiters = new Set<() => void>();
  c.socket.on(event, (u) => {
    if (!latest || u.version >= latest.version) latest = u;
    waiters.forEach((w) => w());
  });
  return (until: (u: QaUpdate) => boolean, timeoutMs = 10_000) =>
    new Promise<QaUpdate>((resolve, reject) => {
      const check = () => {
        if (latest && until(latest)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(latest);
        }
      };
      const timer = setTimeout(() => reject(new Error(`${event} not reached: ${JSON.stringify(latest)}`)), timeoutMs);
      waiters.add(check);
      check();
    });
}

describeCluster('audience Q&A across two server processes', () => {
  let scope: ReturnType<typeof clusterScope>;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    await scope.dispose();
  });

  it('counts one upvote per person from both processes and shows every client the same final list', async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const mid = 'cluster-qa';
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    clients.push(host);
    expect(await host.socket.emitWithAck('qa:settings', { enabled: true, reviewFirst: true })).toMatchObject({
      ok: true,
    });
    const people = await Promise.all(
      Array.from({ length: 20 }, (_, i) => join(endpoint(i % 2 === 0 ? a : b), { mid, uid: `p-${i}` })),
    );
    clients.push(...people);
    const asker = people[1]!; // on B
    const mine = track(asker, 'qa:mine');
    const waits = people.map((p) => track(p, 'qa:update'));
    const hostSees = track(host, 'qa:update');

    const keep = await asker.socket.emitWithAck('qa:ask', { text: 'Shared?', anonymous: true, clientId: ballotId() });
    const drop = await asker.socket.emitWithAck('qa:ask', { text: 'Spam', anonymous: false, clientId: ballotId() });
    if (!keep.ok || !drop.ok) throw new Error('ask failed');
    const [keepId, dropId] = [keep.data.question.id, drop.data.question.id];
    // The host on A moderates what was asked on B; the asker on B hears of the dismissal.
    await hostSees((u) => u.questions.length === 2);
    expect(await host.socket.emitWithAck('qa:moderate', { action: 'approve', questionIds: [keepId] })).toMatchObject({
      ok: true,
    });
    expect(await host.socket.emitWithAck('qa:moderate', { action: 'dismiss', questionIds: [dropId] })).toMatchObject({
      ok: true,
    });
    await mine((u) => u.questions.find((q) => q.id === dropId)?.status === 'dismissed');
    await Promise.all(waits.map((w) => w((u) => u.questions.length === 1)));

    // Everyone upvotes from their own process, each request sent three times at once.
    const acks = await Promise.all(
      people.flatMap((p) => {
        const clientId = ballotId();
        return [1, 2, 3].map(() => p.socket.emitWithAck('qa:upvote', { questionId: keepId, up: true, clientId }));
      }),
    );
    expect(acks.every((r) => r.ok)).toBe(true);
    const finals = await Promise.all(waits.map((w) => w((u) => u.questions[0]?.upvotes === 20)));
    const hostFinal = await hostSees((u) => u.questions.find((q) => q.id === keepId)?.upvotes === 20);
    expect(new Set(finals.map((f) => JSON.stringify(f.questions))).size).toBe(1);
    expect(finals[0]!.questions).toMatchObject([{ id: keepId, status: 'live', upvotes: 20 }]);
    expect(JSON.stringify(finals)).not.toContain(asker.session.voterId);
    expect(hostFinal.questions.find((q) => q.id === keepId)).not.toHaveProperty('askerId');
    // A late joiner on either process gets the same list in its snapshot.
    const late = await join(endpoint(b), { mid, uid: 'late' });
    clients.push(late);
    expect(late.snapshot.qa?.questions).toMatchObject([{ id: keepId, upvotes: 20 }]);
  }, 60_000);

  it('holds one question budget per person across both processes', async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const mid = 'cluster-qa-budget';
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    const onA = await join(endpoint(a), { mid, uid: 'asker' });
    const onB = await join(endpoint(b), { mid, uid: 'asker' });
    clients.push(host, onA, onB);
    expect(await host.socket.emitWithAck('qa:settings', { enabled: true })).toMatchObject({ ok: true });
    const ask = (c: Client, i: number) =>
      c.socket.emitWithAck('qa:ask', { text: `Question ${i}`, anonymous: false, clientId: ballotId() });
    for (let i = 0; i < 5; i++) expect(await ask(i % 2 === 0 ? onA : onB, i)).toMatchObject({ ok: true });
    expect(await ask(onB, 5)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await ask(onA, 6)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  }, 60_000);
});
