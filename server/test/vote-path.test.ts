import { describe, expect, it } from 'vitest';
import { ballotId, choicePoll, disconnectAll, launch, startServer, useTestServer, vote } from './support/harness';

const ctx = useTestServer();
const enter = ctx.enter;

describe('the live vote path', () => {
  it('shows the host and two participants the same final tally', async () => {
    const host = await enter({ mid: 'm1', uid: 'host', role: 'host' });
    const p1 = await enter({ mid: 'm1', uid: 'p1' });
    const p2 = await enter({ mid: 'm1', uid: 'p2' });
    const pollId = await launch(host);

    const [r1, r2] = await Promise.all([vote(p1, pollId, 'a'), vote(p2, pollId, 'b')]);
    expect(r1.ok && r2.ok).toBe(true);

    const final = (t: { turnout: number }) => t.turnout === 2;
    for (const c of [host, p1, p2]) {
      const t = await c.waitForTally(pollId, final);
      expect(t.questions?.q1).toMatchObject({ kind: 'choice', voters: 2, counts: { a: 1, b: 1, c: 0 } });
    }
  });

  it('keeps meetings apart', async () => {
    const host1 = await enter({ mid: 'm1', uid: 'h1', role: 'host' });
    const other = await enter({ mid: 'm2', uid: 'x', role: 'host' });
    const seen: string[] = [];
    other.socket.onAny((event: string) => seen.push(event));
    const pollId = await launch(host1);
    const p = await enter({ mid: 'm1', uid: 'p' });
    expect((await vote(p, pollId, 'a')).ok).toBe(true);
    await host1.waitForTally(pollId, (t) => t.turnout === 1);

    const intruder = await enter({ mid: 'm2', uid: 'y' });
    const res = await vote(intruder, pollId, 'b');
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(intruder.snapshot.polls).toEqual([]);
    expect(seen).toEqual([]);
    const detail = await fetch(`${ctx.server.url}/api/polls/${pollId}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(detail.status).toBe(404);
  });

  it('rejects a participant’s forged host actions and changes nothing', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const mallory = await enter({ mid: 'm1', uid: 'mallory', role: 'participant' });
    const forged = [
      await mallory.socket.emitWithAck('poll:close', { pollId }),
      await mallory.socket.emitWithAck('poll:share', { pollId }),
      await mallory.socket.emitWithAck('poll:delete', { pollId }),
      await mallory.socket.emitWithAck('poll:create', choicePoll()),
      await mallory.socket.emitWithAck('poll:update', { pollId, draft: choicePoll({}, 'Hijacked') }),
    ];
    for (const res of forged) expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const polls = await ctx.server.app.inject({
      url: '/api/polls',
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(polls.json().polls).toMatchObject([{ id: pollId, status: 'open', title: 'Lunch?', resultsShared: false }]);
  });

  it('counts 100 concurrent ballots from one voter once', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host, choicePoll({ allowAnswerChange: false }));
    // The same person on four sockets (four devices), 25 ballots each, all at once.
    const devices = await Promise.all([1, 2, 3, 4].map(() => enter({ mid: 'm1', uid: 'same' })));
    const results = await Promise.all(
      devices.flatMap((d) => Array.from({ length: 25 }, (_, i) => vote(d, pollId, i % 2 ? 'a' : 'b'))),
    );
    const accepted = results.filter((r) => r.ok);
    expect(accepted).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toMatchObject({ error: { code: expect.stringMatching(/ALREADY_VOTED|RATE_LIMITED/) } });
    const t = await host.waitForTally(pollId, (x) => x.turnout === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(host.tallies.get(pollId)).toMatchObject({ turnout: 1, questions: { q1: { voters: 1 } } });
    expect(t.questions?.q1?.voters).toBe(1);
  });

  it('treats a re-sent clientBallotId as the same ballot and lets a voter change their answer', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host);
    const id = ballotId();
    const first = await vote(p, pollId, 'a', id);
    const again = await vote(p, pollId, 'a', id);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.data.receipt).toEqual(first.data.receipt);
    const changed = await vote(p, pollId, 'c');
    expect(changed.ok).toBe(true);
    const t = await host.waitForTally(pollId, (x) => x.questions?.q1?.counts.c === 1);
    expect(t.questions?.q1).toMatchObject({ voters: 1, counts: { a: 0, b: 0, c: 1 } });
  });

  it('sends a reconnecting client a snapshot with its ballots and the current tally', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const p = await enter({ mid: 'm1', uid: 'p' });
    const res = await vote(p, pollId, 'b');
    expect(res.ok).toBe(true);
    p.socket.disconnect();
    const other = await enter({ mid: 'm1', uid: 'q' });
    await vote(other, pollId, 'a');
    const back = await enter({ mid: 'm1', uid: 'p' });
    expect(back.snapshot.polls.map((x) => x.id)).toEqual([pollId]);
    expect(back.snapshot.myBallots).toMatchObject([{ pollId, answer: { kind: 'single', optionId: 'b' } }]);
    expect(back.snapshot.tallies[0]).toMatchObject({ pollId, turnout: 2 });
    expect(back.snapshot.session).toMatchObject({ role: 'participant', isHost: false, authorized: true });
  });

  it('keeps every acknowledged ballot across a server restart on the same database', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const voters = await Promise.all(Array.from({ length: 20 }, (_, i) => enter({ mid: 'm1', uid: `v${i}` })));
    const acks = await Promise.all(voters.map((v, i) => vote(v, pollId, ['a', 'b', 'c'][i % 3]!)));
    expect(acks.every((a) => a.ok)).toBe(true);
    disconnectAll(...ctx.clients.splice(0));
    const dbPath = ctx.server.dbPath;
    await ctx.server.close({ keepData: true });

    ctx.server = await startServer({}, dbPath);
    const hostAgain = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    expect(hostAgain.snapshot.tallies).toMatchObject([
      { pollId, turnout: 20, questions: { q1: { counts: { a: 7, b: 7, c: 6 } } } },
    ]);
    const latecomer = await enter({ mid: 'm1', uid: 'late' });
    expect((await vote(latecomer, pollId, 'a')).ok).toBe(true);
    const t = await hostAgain.waitForTally(pollId, (x) => x.turnout === 21);
    expect(t.version).toBeGreaterThan(hostAgain.snapshot.tallies[0]!.version);
  });

  it('lets a client whose cookies are blocked vote with its token; a cookie alone opens no socket', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const tokenOnly = await enter({ mid: 'm1', uid: 't' });
    expect((await vote(tokenOnly, pollId, 'a')).ok).toBe(true);
    await expect(enter({ mid: 'm1', uid: 'c' }, { useCookie: true })).rejects.toThrow('UNAUTHENTICATED');
    await host.waitForTally(pollId, (t) => t.turnout === 1);
  });

  it('freezes the tally at close: later ballots are refused and the last broadcast is final', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const voters = await Promise.all(Array.from({ length: 10 }, (_, i) => enter({ mid: 'm1', uid: `v${i}` })));
    const inFlight = voters.map((v) => vote(v, pollId, 'a'));
    const closed = await host.socket.emitWithAck('poll:close', { pollId });
    expect(closed).toMatchObject({ ok: true, data: { poll: { status: 'closed' } } });
    const acks = await Promise.all(inFlight);
    const counted = acks.filter((a) => a.ok).length;
    for (const a of acks.filter((x) => !x.ok)) expect(a).toMatchObject({ error: { code: 'POLL_CLOSED' } });
    const late = await vote(voters[0]!, pollId, 'b');
    expect(late).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
    await new Promise((r) => setTimeout(r, 150));
    expect(host.tallies.get(pollId)?.turnout).toBe(counted);
  });

  it('relaunches a closed poll as a new run and keeps the earlier run’s results', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host);
    await vote(p, pollId, 'a');
    await host.socket.emitWithAck('poll:close', { pollId });
    const reopened = await host.socket.emitWithAck('poll:open', { pollId });
    expect(reopened).toMatchObject({ ok: true, data: { poll: { run: 2, status: 'open' } } });
    expect((await vote(p, pollId, 'c')).ok).toBe(true);
    const detail = await ctx.server.app.inject({
      url: `/api/polls/${pollId}`,
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(detail.json().runs).toMatchObject([
      { run: 1, turnout: 1, questions: { q1: { counts: { a: 1 } } } },
      { run: 2, turnout: 1, questions: { q1: { counts: { c: 1 } } } },
    ]);
  });

  it('closes a poll at its deadline on the server clock', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const closedSeen = new Promise((resolve) =>
      p.socket.on('poll:updated', (poll) => poll.status === 'closed' && resolve(poll)),
    );
    const pollId = await launch(host, choicePoll({ closeAfterSec: 5 }));
    const opened = host.snapshot; // the snapshot predates the launch; read the deadline from the ack instead
    expect(opened).toBeDefined();
    expect((await vote(p, pollId, 'a')).ok).toBe(true);
    await expect(closedSeen).resolves.toMatchObject({ id: pollId, status: 'closed' });
    expect(await vote(p, pollId, 'b')).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
  }, 10_000);
});
