import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config';
import { disconnectAll, join, launch, openSession, vote, type Client } from './support/harness';
import { spawnServer } from './support/process';

const dir = mkdtempSync(joinPath(tmpdir(), 'quorum-proc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server process', () => {
  it('drains on SIGTERM, keeps every acknowledged ballot, and never logs secrets', async () => {
    const env = { DATABASE_URL: `sqlite:${joinPath(dir, 'q.db')}`, TALLY_WINDOW_MS: '50' };
    const first = await spawnServer(env);
    const endpoint = { url: first.url, config: testConfig() };
    const host = await join(endpoint, { mid: 'mp', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const voters: Client[] = await Promise.all(
      Array.from({ length: 15 }, (_, i) => join(endpoint, { mid: 'mp', uid: `v${i}` })),
    );
    const pending = voters.map((v) => vote(v, pollId, 'a'));
    const acked = (await Promise.all(pending)).filter((r) => r.ok).length;
    const { token, cookie } = await openSession(endpoint, { mid: 'mp', uid: 'spy' });
    await fetch(`${first.url}/api/session`, { headers: { authorization: `Bearer ${token}`, cookie } });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    disconnectAll(host, ...voters);
    const log = first.output();
    expect(log).toContain('shutting down');
    expect(log).not.toContain(token);
    expect(log).not.toContain(cookie.split('=')[1]!.slice(0, 40));
    expect(log).not.toContain(endpoint.config.zoomClientSecret);

    const second = await spawnServer(env);
    const hostAgain = await join({ url: second.url, config: endpoint.config }, { mid: 'mp', uid: 'h', role: 'host' });
    expect(hostAgain.snapshot.tallies[0]).toMatchObject({ pollId, turnout: acked });
    expect(acked).toBe(15);
    disconnectAll(hostAgain);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('refuses to start in production without its secrets, naming them', async () => {
    await expect(spawnServer({ NODE_ENV: 'production' })).rejects.toThrow(/SESSION_SECRET/);
  }, 30_000);
});
