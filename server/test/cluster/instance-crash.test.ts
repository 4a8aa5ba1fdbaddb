import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { CLUSTER_DB_URL, clusterScope, describeCluster, endpoint } from '../support/cluster';
import { castUntilAcked, ensureConnected, joinWithBackoff, type RetryingVoter } from '../support/failover';
import { ballotId, disconnectAll, join, launch } from '../support/harness';

const VOTERS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (done: () => boolean) => {
  for (const start = Date.now(); !done() && Date.now() - start < 10_000;) await sleep(5);
};

/** The clientBallotIds stored for a poll, read straight from the test's schema. */
async function storedBallotIds(schema: string, pollId: string): Promise<Set<string>> {
  const db = new pg.Client({ connectionString: CLUSTER_DB_URL });
  await db.connect();
  try {
    const rows = await db.query<{ client_ballot_id: string }>(
      `SELECT client_ballot_id FROM ${schema}.ballots WHERE poll_id = $1`,
      [pollId],
    );
    return new Set(rows.rows.map((r) => r.client_ballot_id));
  } finally {
    await db.end();
  }
}

describeCluster('kill -9 of one server process mid-poll', () => {
  let scope: ReturnType<typeof clusterScope>;
  const voters: RetryingVoter[] = [];
  afterEach(async () => {
    disconnectAll(...voters.splice(0).map((v) => v.client));
    await scope.dispose();
  });

  it("moves A's clients to B, which count every distinct voter once and lose no acknowledged ballot", async () => {
    scope = clusterScope();
    const [a, b] = await Promise.all([scope.spawn(), scope.spawn()]);
    const servers = [endpoint(a), endpoint(b)];
    const mid = 'crash-meeting';
    const hostPerson = { mid, uid: 'host', role: 'host' as const };
    const host = await join(servers[0]!, hostPerson);
    for (let i = 0; i < VOTERS; i++) {
      const person = { mid, uid: `voter-${i}` };
      const client = await join(servers[i % 2]!, person);
      voters.push({ person, client, clientBallotId: ballotId(), optionId: 'abc'[i % 3]!, replies: [] });
    }
    const pollId = await launch(host);
    await sleep(300); // B has heard of the poll

    // Ballots go out over 600 ms; A dies once a few are acknowledged, with others in flight or unsent.
    const casts = voters.map(async (v, i) => {
      await sleep((i * 600) / VOTERS);
      return castUntilAcked(v, pollId, [servers[i % 2]!, ...servers]);
    });
    await until(() => voters.filter((v) => v.acked).length >= 5); // some acknowledged, most not yet
    a.child.kill('SIGKILL');
    const ackedBeforeKill = voters.filter((v) => v.acked).map((v) => v.clientBallotId);
    await Promise.all(casts);
    expect(await a.exited).toBe('SIGKILL');
    expect(ackedBeforeKill.length).toBeGreaterThan(0);
    expect(ackedBeforeKill.length).toBeLessThan(VOTERS);

    const stored = await storedBallotIds(scope.env.DATABASE_SCHEMA!, pollId);
    for (const id of ackedBeforeKill) expect(stored).toContain(id);
    expect(stored.size).toBe(VOTERS);

    // Every client of A comes back through B (the host too) and sees the same final count.
    await Promise.all(voters.map((v) => ensureConnected(v, servers)));
    host.socket.disconnect();
    const hostAgain = await joinWithBackoff(servers, hostPerson);
    voters.push({ person: hostPerson, client: hostAgain, clientBallotId: 'unused-host', optionId: 'a', replies: [] });
    expect((await hostAgain.socket.emitWithAck('poll:close', { pollId })).ok).toBe(true);
    const finals = await Promise.all(
      voters.map((v) => v.client.waitForTally(pollId, (t) => t.turnout === VOTERS, 10_000)),
    );
    for (const t of finals) expect(t.questions).toEqual(finals[0]!.questions);
  }, 90_000);
});
