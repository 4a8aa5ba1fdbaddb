import { describe, expect, it } from 'vitest';
import { choicePoll, launch, useTestServer, vote, type Client } from './support/harness';

const ctx = useTestServer();
const enter = ctx.enter;
const settle = () => new Promise((r) => setTimeout(r, 120));

describe('who sees what', () => {
  it('keeps drafts among the hosts', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const cohost = await enter({ mid: 'm1', uid: 'c', role: 'co-host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const seenByP: string[] = [];
    p.socket.on('poll:updated', (poll) => seenByP.push(poll.status));
    const created = await host.socket.emitWithAck('poll:create', choicePoll());
    expect(created.ok).toBe(true);
    const cohostView = await enter({ mid: 'm1', uid: 'c', role: 'co-host' });
    expect(cohostView.snapshot.polls).toHaveLength(1);
    const pView = await enter({ mid: 'm1', uid: 'p' });
    expect(pView.snapshot.polls).toHaveLength(0);
    await settle();
    expect(seenByP).toEqual([]);
    expect(cohost.socket.connected).toBe(true);
  });

  it('shows participants turnout only for host-only polls until the host shares the results', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p1 = await enter({ mid: 'm1', uid: 'p1' });
    const p2 = await enter({ mid: 'm1', uid: 'p2' });
    const pollId = await launch(host, choicePoll({ resultsVisibility: 'host_only' }));
    await vote(p1, pollId, 'a');
    await vote(p2, pollId, 'a');
    const hostTally = await host.waitForTally(pollId, (t) => t.turnout === 2);
    expect(hostTally.questions?.q1?.counts.a).toBe(2);
    const p1Tally = await p1.waitForTally(pollId, (t) => t.turnout === 2);
    expect(p1Tally.questions).toBeUndefined();
    const late = await enter({ mid: 'm1', uid: 'p3' });
    expect(late.snapshot.tallies[0]).toMatchObject({ turnout: 2 });
    expect(late.snapshot.tallies[0]?.questions).toBeUndefined();

    expect((await host.socket.emitWithAck('poll:share', { pollId })).ok).toBe(true);
    const shared = await p1.waitForTally(pollId, (t) => t.questions !== undefined);
    expect(shared.questions?.q1?.counts.a).toBe(2);
  });

  it('reveals after-close results to participants when the poll closes', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, choicePoll({ resultsVisibility: 'after_close' }));
    await vote(p, pollId, 'b');
    const during = await p.waitForTally(pollId, (t) => t.turnout === 1);
    expect(during.questions).toBeUndefined();
    await host.socket.emitWithAck('poll:close', { pollId });
    const after = await p.waitForTally(pollId, (t) => t.questions !== undefined);
    expect(after.questions?.q1?.counts.b).toBe(1);
  });
});

describe('CSV export', () => {
  const csv = async (client: Client, pollId: string, run = 1) =>
    fetch(`${ctx.server.url}/api/polls/${pollId}/runs/${run}/export.csv`, {
      headers: { authorization: `Bearer ${client.token}` },
    });

  it('exports one row per ballot with voters, and none for anonymous polls', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'alice' });
    const named = await launch(host, choicePoll({}, 'Named'));
    const anon = await launch(host, choicePoll({ anonymous: true }, '=cmd|anon'));
    await vote(p, named, 'b');
    await vote(p, anon, 'c');

    const namedCsv = await csv(host, named);
    expect(namedCsv.headers.get('content-type')).toMatch(/text\/csv/);
    const namedRows = (await namedCsv.text()).trim().split('\r\n');
    expect(namedRows[0]).toBe('poll,run,question,answer,cast_at,voter,voter_name,voter_email');
    expect(namedRows[1]).toMatch(/^Named,1,Where shall we eat\?,Tacos,\d{4}-.*Z,u:alice,,$/);

    const anonText = await (await csv(host, anon)).text();
    expect(anonText).not.toContain('alice');
    expect(anonText.split('\r\n')[0]).toBe('poll,run,question,answer,cast_at');
    expect(anonText).toContain("'=cmd|anon"); // a formula-looking title is defused for spreadsheets
  });

  it('is for hosts of the same meeting only', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const otherHost = await enter({ mid: 'm2', uid: 'h2', role: 'host' });
    const pollId = await launch(host);
    expect((await csv(p, pollId)).status).toBe(403);
    expect((await csv(otherHost, pollId)).status).toBe(404);
    expect((await csv(host, pollId, 2)).status).toBe(404);
  });
});
