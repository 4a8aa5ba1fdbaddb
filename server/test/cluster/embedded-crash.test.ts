import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { endpoint } from '../support/cluster';
import { ballotId, disconnectAll, join, launch, vote, type Client } from '../support/harness';
import { spawnServer } from '../support/process';

const dir = mkdtempSync(joinPath(tmpdir(), 'quorum-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The embedded default needs neither PostgreSQL nor Redis: this one always runs.
describe('kill -9 of the embedded default (one process, SQLite) mid-poll', () => {
  it('finds every acknowledged ballot in the file after the crash and serves it after a restart', async () => {
    const env = { DATABASE_URL: `sqlite:${joinPath(dir, 'q.db')}`, LOG_LEVEL: 'warn' };
    const first = await spawnServer(env);
    const mid = 'sqlite-crash';
    const host = await join(endpoint(first), { mid, uid: 'host', role: 'host' });
    const voters: Client[] = await Promise.all(
      Array.from({ length: 30 }, (_, i) => join(endpoint(first), { mid, uid: `v${i}` })),
    );
    const pollId = await launch(host);

    const acked: string[] = [];
    const casts = voters.map(async (v, i) => {
      await sleep(i * 20); // 600 ms of ballots; the kill lands once five are acknowledged
      const id = ballotId();
      // A ballot sent to the dead process is refused by the client library or never answered.
      const reply = await Promise.race([
        vote(v, pollId, 'a', id).catch(() => undefined),
        sleep(3_000).then(() => undefined),
      ]);
      if (reply?.ok) acked.push(id);
    });
    for (const start = Date.now(); acked.length < 5 && Date.now() - start < 10_000;) await sleep(5);
    first.child.kill('SIGKILL');
    await Promise.all(casts);
    expect(await first.exited).toBe('SIGKILL');
    disconnectAll(host, ...voters);
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.length).toBeLessThan(voters.length);

    const store = openSqliteStore(joinPath(dir, 'q.db'));
    const stored = new Set((await store.ballots.listForRun(pollId, 1)).map((b) => b.clientBallotId));
    await store.close();
    for (const id of acked) expect(stored).toContain(id);

    const second = await spawnServer(env);
    const hostAgain = await join(endpoint(second), { mid, uid: 'host', role: 'host' });
    expect(hostAgain.snapshot.tallies[0]).toMatchObject({ pollId, turnout: stored.size });
    disconnectAll(hostAgain);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 60_000);
});
