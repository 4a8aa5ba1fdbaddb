import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { launch, useTestServer, vote } from './support/harness';

const ctx = useTestServer();

const health = async () => {
  const res = await fetch(`${ctx.server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('a write stuck behind another process’s SQLite lock', () => {
  it('does not stall the event loop: /healthz answers degraded meanwhile, and the write lands once the lock is gone', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' });
    const voter = await ctx.enter({ mid: 'm1', uid: 'v' });
    const pollId = await launch(host);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });

    // Another connection (as another process would) takes SQLite's single write lock and keeps it.
    const other = new Database(ctx.server.dbPath);
    other.exec('BEGIN IMMEDIATE');
    let settled = false;
    const ballot = vote(voter, pollId, 'a').finally(() => (settled = true));
    try {
      // All of this runs while the lock is held: the server keeps answering, and says why writes wait.
      let answer = await health();
      for (let i = 0; i < 50 && answer.body.database !== 'degraded'; i++) answer = await health();
      expect(answer).toMatchObject({
        status: 200,
        body: { status: 'degraded', database: 'degraded', writeStalledMs: expect.any(Number) },
      });
      expect(host.socket.connected).toBe(true);
      expect(await host.socket.emitWithAck('poll:voters', { pollId })).toMatchObject({ ok: true });
      expect(settled).toBe(false);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await ballot).toMatchObject({ ok: true });
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });
  });
});
