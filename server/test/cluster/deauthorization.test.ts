import { randomBytes } from 'node:crypto';
import type { SessionRevoked } from '@quorum/shared';
import { afterEach, expect, it } from 'vitest';
import { clusterScope, describeCluster, endpoint } from '../support/cluster';
import { choicePoll, disconnectAll, join, launch, vote, type Client } from '../support/harness';
import { api, postWebhook, waitFor } from '../support/zoom-cloud';

describeCluster('app_deauthorized across two server processes', () => {
  let scope: ReturnType<typeof clusterScope>;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    await scope.dispose();
  });

  it("handled by one process, closes the user's socket on the other and voids their token there too", async () => {
    scope = clusterScope();
    // One key for the cluster, as production requires: the pseudonyms must agree across processes.
    const key = { TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    const [a, b] = await Promise.all([scope.spawn(key), scope.spawn(key)]);
    const mid = 'cluster-deauth';
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    const leaver = await join(endpoint(b), { mid, uid: 'leaver-c1', role: 'participant' });
    clients.push(host, leaver);
    const opened = new Promise<void>((resolve) => leaver.socket.once('poll:updated', () => resolve()));
    const pollId = await launch(host, choicePoll({ allowAnswerChange: false }));
    await opened;
    expect((await vote(leaver, pollId, 'a')).ok).toBe(true);

    const revoked = new Promise<SessionRevoked>((resolve) => leaver.socket.once('session:revoked', resolve));
    const body = JSON.stringify({
      event: 'app_deauthorized',
      event_ts: Date.now(),
      payload: { account_id: 'acct', user_id: 'leaver-c1', client_id: 'c' },
    });
    expect((await postWebhook(endpoint(a), body)).status).toBe(200);
    expect(await revoked).toEqual({ reason: 'deauthorized' });
    // B learns the revocation line from A's hint (or, should it be lost, its reload timer).
    await waitFor(
      async () => (await api(endpoint(b), '/api/session', leaver.token)).status === 401,
      15_000,
      'the token to die on B',
    );
    const { runs } = (await (await api(endpoint(a), `/api/polls/${pollId}`, host.token)).json()) as {
      runs: { turnout: number }[];
    };
    expect(runs[0]!.turnout).toBe(1);
  });
});
