import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../src/services/change-log';
import { launch, useTestServer, vote } from './support/harness';
import { inspectDb } from './support/zoom-cloud';

const ctx = useTestServer({ ballotRateLimit: 10_000 });

describe('ballot change log retention', () => {
  it('keeps one voter changing an answer over and over from growing the log without bound, and the tally exact', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' });
    const voter = await ctx.enter({ mid: 'm1', uid: 'v' });
    const other = await ctx.enter({ mid: 'm1', uid: 'w' });
    const pollId = await launch(host);
    expect((await vote(other, pollId, 'c')).ok).toBe(true);
    const { keepVersions, everyVersions } = DEFAULT_RETENTION;
    const changes = keepVersions + 2 * everyVersions + 100;
    for (let sent = 0; sent < changes; sent += 100) {
      const acks = await Promise.all(
        Array.from({ length: 100 }, (_, i) => vote(voter, pollId, (sent + i) % 2 ? 'a' : 'b')),
      );
      expect(acks.every((r) => r.ok)).toBe(true);
    }
    await ctx.server.app.polls.drain();
    const rows = inspectDb(
      ctx.server.dbPath,
      (db) => (db.prepare('SELECT COUNT(*) AS n FROM ballot_changes').get() as { n: number }).n,
    );
    // Bounded: the newest keep + every versions, plus one per voter and question.
    expect(rows).toBeLessThanOrEqual(keepVersions + everyVersions + 2);
    expect(rows).toBeLessThan(changes);
    // The other voter's only change is kept though it is old: nothing superseded it.
    const kept = inspectDb(ctx.server.dbPath, (db) =>
      db.prepare("SELECT COUNT(*) AS n FROM ballot_changes WHERE json_extract(ballot, '$.voterId') = 'u:w'").get(),
    );
    expect(kept).toEqual({ n: 1 });
    // The live tally is still exact: v's last answer (the 2,100th, odd: a) and w's c.
    const live = await host.waitForTally(pollId, (t) => t.version === changes + 1);
    expect(live.questions?.q1).toMatchObject({ voters: 2, counts: { a: 1, b: 0, c: 1 } });
  });
});
