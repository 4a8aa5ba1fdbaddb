import { describe, expect, it } from 'vitest';
import { choicePoll, launch, startServer, useTestServer, vote } from './support/harness';
import { createDraft, draftOf } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

describe('co-hosts and the host-only setting', () => {
  it('lets co-hosts create, edit, launch and close by default', async () => {
    const cohost = await enter({ mid: 'm1', uid: 'c', role: 'co-host' });
    expect(cohost.snapshot.meetingSettings).toEqual({ coHostsMayRun: true });
    const draft = await createDraft(cohost, choicePoll());
    expect(
      (await cohost.socket.emitWithAck('poll:update', { pollId: draft.id, draft: choicePoll({}, 'Edited') })).ok,
    ).toBe(true);
    expect((await cohost.socket.emitWithAck('poll:open', { pollId: draft.id })).ok).toBe(true);
    expect((await cohost.socket.emitWithAck('poll:close', { pollId: draft.id })).ok).toBe(true);
  });

  it('enforces the host-only setting on every host action, tells the meeting, and keeps it across a restart', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const cohost = await enter({ mid: 'm1', uid: 'c', role: 'co-host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const text = await launch(host, draftOf([{ id: 'q1', kind: 'text', prompt: 'Say', variant: 'short' }]));
    const said = await p.socket.emitWithAck('ballot:cast', {
      pollId: text,
      questionId: 'q1',
      answer: { kind: 'text', text: 'hi' },
      clientBallotId: 'abcdefgh-9',
    });
    if (!said.ok) throw new Error('cast failed');
    const draft = await createDraft(host, choicePoll());

    const told = new Promise((resolve) => cohost.socket.once('meeting:settings', resolve));
    expect(await cohost.socket.emitWithAck('meeting:settings', { coHostsMayRun: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await p.socket.emitWithAck('meeting:settings', { coHostsMayRun: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await host.socket.emitWithAck('meeting:settings', { coHostsMayRun: 'no' } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'coHostsMayRun' },
    });
    expect(await host.socket.emitWithAck('meeting:settings', { coHostsMayRun: false })).toEqual({
      ok: true,
      data: { settings: { coHostsMayRun: false } },
    });
    expect(await told).toEqual({ coHostsMayRun: false });

    const refused = [
      await cohost.socket.emitWithAck('poll:create', choicePoll()),
      await cohost.socket.emitWithAck('poll:update', { pollId: draft.id, draft: choicePoll({}, 'Hijacked') }),
      await cohost.socket.emitWithAck('poll:open', { pollId: draft.id }),
      await cohost.socket.emitWithAck('poll:extend', { pollId: text, seconds: 30 }),
      await cohost.socket.emitWithAck('poll:close', { pollId: text }),
      await cohost.socket.emitWithAck('poll:share', { pollId: text }),
      await cohost.socket.emitWithAck('answer:hide', {
        pollId: text,
        run: 1,
        ballotId: said.data.receipt.ballotId,
        hidden: true,
      }),
      await cohost.socket.emitWithAck('poll:delete', { pollId: draft.id }),
    ];
    for (const res of refused)
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('host') } });
    // Co-hosts still see everything and can export.
    const csv = await fetch(`${ctx.server.url}/api/polls/${text}/runs/1/export.csv`, {
      headers: { authorization: `Bearer ${cohost.token}` },
    });
    expect(csv.status).toBe(200);
    expect((await host.socket.emitWithAck('poll:close', { pollId: text })).ok).toBe(true);

    const dbPath = ctx.server.dbPath;
    for (const c of ctx.clients.splice(0)) c.socket.disconnect();
    await ctx.server.close({ keepData: true });
    ctx.server = await startServer({}, dbPath);
    const cohostAgain = await enter({ mid: 'm1', uid: 'c', role: 'co-host' });
    expect(cohostAgain.snapshot.meetingSettings).toEqual({ coHostsMayRun: false });
    expect(await cohostAgain.socket.emitWithAck('poll:open', { pollId: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const hostAgain = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    expect((await hostAgain.socket.emitWithAck('meeting:settings', { coHostsMayRun: true })).ok).toBe(true);
    expect((await cohostAgain.socket.emitWithAck('poll:open', { pollId: draft.id })).ok).toBe(true);
    const other = await enter({ mid: 'm2', uid: 'c2', role: 'co-host' });
    expect(other.snapshot.meetingSettings).toEqual({ coHostsMayRun: true });
    expect((await vote(await enter({ mid: 'm1', uid: 'v' }), draft.id, 'a')).ok).toBe(true);
  });
});
