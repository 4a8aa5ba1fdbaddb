import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { CLUSTER_DB_URL, clusterScope, describeCluster, endpoint } from '../support/cluster';
import { disconnectAll, join, launch, vote, type Client } from '../support/harness';

const VOTERS = 300;
/** One ballot every this many ms: B always has a batch queued or in flight when the close commits. */
const STAGGER_MS = 2;
/** The close goes out once this many ballots were sent, so some land before it and many after. */
const CLOSE_AFTER = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeCluster('a close on one process racing ballots on another', () => {
  let scope: ReturnType<typeof clusterScope>;
  let db: pg.Client | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    disconnectAll(...clients.splice(0));
    await db?.end();
    await scope.dispose();
  });

  it('acknowledges exactly the ballots that count, and counts none committed after the close', async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    db = new pg.Client({ connectionString: CLUSTER_DB_URL, options: `-c search_path=${scope.env.DATABASE_SCHEMA}` });
    await db.connect();
    const mid = 'close-race';
    const host = await join(endpoint(a), { mid, uid: 'host', role: 'host' });
    const voters = await Promise.all(
      Array.from({ length: VOTERS }, (_, i) => join(endpoint(b), { mid, uid: `v${i}` })),
    );
    clients.push(host, ...voters);
    const seen = Promise.all(
      voters.map((v) => new Promise<void>((resolve) => v.socket.once('poll:updated', () => resolve()))),
    );
    const pollId = await launch(host);
    await seen;

    // Watches the database from outside: one statement reads the status and the count in one
    // snapshot, so the first 'closed' it sees comes with every ballot committed before the close.
    let countAtClose: number | undefined;
    const watching = (async () => {
      const query =
        'SELECT p.status, (SELECT count(*) FROM ballots WHERE poll_id = $1 AND run = 1) AS n FROM polls p WHERE p.id = $1';
      for (const deadline = Date.now() + 30_000; countAtClose === undefined && Date.now() < deadline;) {
        const row = (await db!.query<{ status: string; n: string }>(query, [pollId])).rows[0]!;
        if (row.status === 'closed') countAtClose = Number(row.n);
      }
    })();

    let closing: Promise<{ ok: boolean }> | undefined;
    const replies = [];
    for (const [i, voter] of voters.entries()) {
      if (i === CLOSE_AFTER) closing = host.socket.emitWithAck('poll:close', { pollId });
      replies.push(vote(voter, pollId, 'abc'[i % 3]!));
      await sleep(STAGGER_MS);
    }
    const results = await Promise.all(replies);
    expect((await closing)?.ok).toBe(true);
    await watching;

    const acked = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => !r.ok);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
    // The race really happened: ballots went both ways.
    expect(acked).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    const stored = Number(
      (await db.query<{ n: string }>('SELECT count(*) AS n FROM ballots WHERE poll_id = $1', [pollId])).rows[0]!.n,
    );
    expect(stored).toBe(acked); // every ack counts, and nothing unacknowledged does
    expect(countAtClose).toBe(stored); // nothing was committed after the close
    // The final tally every client converges on is the database's.
    await Promise.all(clients.map((c) => c.waitForTally(pollId, (t) => t.turnout === stored, 10_000)));
  }, 90_000);
});
