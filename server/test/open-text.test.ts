import type { RunExport, TextTally } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { launch, useTestServer, type Client } from './support/harness';
import { cast, draftOf, get } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

const textPoll = (settings = {}) =>
  draftOf(
    [
      { id: 'q1', kind: 'text', prompt: 'One word for today?', variant: 'short' },
      { id: 'q2', kind: 'text', prompt: 'Tell us more', variant: 'long', required: false },
    ],
    settings,
    'Retro',
  );

const say = (c: Client, pollId: string, text: string, q = 'q1') => cast(c, pollId, q, { kind: 'text', text });
const textTally = async (c: Client, pollId: string, until: (t: TextTally) => boolean) =>
  (await c.waitForTally(pollId, (t) => t.questions?.q1?.kind === 'text' && until(t.questions.q1)))?.questions
    ?.q1 as TextTally;

describe('open text questions', () => {
  it('refuses empty, too long and wrong-kind answers with INVALID naming the field', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, textPoll());
    expect(await say(p, pollId, '   ')).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answer.text' } });
    expect(await say(p, pollId, 'x'.repeat(201))).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'answer.text' },
    });
    expect(await say(p, pollId, 'x'.repeat(2001), 'q2')).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'answer.text' },
    });
    expect((await say(p, pollId, 'x'.repeat(2000), 'q2')).ok).toBe(true);
    expect(await cast(p, pollId, 'q1', { kind: 'number', value: 3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'answer.kind' },
    });
  });

  it('masks profanity by default, and not when the host turned the filter off', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const filtered = await launch(host, textPoll({ blockedWords: ['Mondays'] }));
    const res = await say(p, filtered, 'Merde, MONDAYS meeting');
    expect(res).toMatchObject({ ok: true, data: { receipt: { answer: { kind: 'text', text: '•••, ••• meeting' } } } });
    const t = await textTally(host, filtered, (x) => x.voters === 1);
    expect(t.counts).toEqual({ meeting: 1 });
    const open = await launch(host, textPoll({ profanityFilter: false }));
    expect(await say(p, open, 'Merde')).toMatchObject({ ok: true, data: { receipt: { answer: { text: 'Merde' } } } });
  });

  it('builds a word cloud and a list, and a hidden answer leaves both, the exports and comes back when shown', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const voters = await Promise.all(['a', 'b', 'c'].map((uid) => enter({ mid: 'm1', uid })));
    const pollId = await launch(host, textPoll({ anonymous: true }));
    await say(voters[0]!, pollId, 'Great pizza');
    await say(voters[1]!, pollId, 'pizza PIZZA and coffee');
    const spam = await say(voters[2]!, pollId, 'Buy cheap watches');
    if (!spam.ok) throw new Error('cast failed');
    const before = await textTally(voters[0]!, pollId, (x) => x.voters === 3);
    expect(before.counts).toEqual({ pizza: 2, great: 1, coffee: 1, buy: 1, cheap: 1, watches: 1 });

    const hide = { pollId, run: 1, ballotId: spam.data.receipt.ballotId, hidden: true };
    expect(await voters[0]!.socket.emitWithAck('answer:hide', hide)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await host.socket.emitWithAck('answer:hide', hide)).toEqual({
      ok: true,
      data: { ballotId: hide.ballotId, hidden: true },
    });
    const after = await textTally(voters[0]!, pollId, (x) => x.hidden === 1);
    expect(after).toMatchObject({ voters: 2, hidden: 1, counts: { pizza: 2, great: 1, coffee: 1 } });
    expect(after.answers.map((a) => a.text)).toEqual(['pizza PIZZA and coffee', 'Great pizza']);

    const csv = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.csv`);
    expect(csv.text).not.toContain('watches');
    expect(csv.text).toContain('Great pizza');
    const json = (await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.json`)).body as RunExport;
    expect(json.ballots).toHaveLength(2);
    expect(JSON.stringify(json)).not.toContain('watches');
    expect(json.ballots.every((b) => b.voterId === undefined)).toBe(true);
    const summary = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/summary.csv`);
    expect(summary.text).toContain('Retro,1,One word for today?,text,word,pizza,2');
    expect(summary.text).toContain('Retro,1,One word for today?,text,hidden,,1');

    expect((await host.socket.emitWithAck('answer:hide', { ...hide, hidden: false })).ok).toBe(true);
    await textTally(host, pollId, (x) => x.hidden === 0 && x.voters === 3);
    // A later reconnect recounts from the store and agrees.
    const again = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    expect(again.snapshot.tallies[0]?.questions?.q1).toMatchObject({ voters: 3, hidden: 0 });
  });

  it('hides only open-text answers of a known run', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host);
    const vote = await cast(p, pollId, 'q1', { kind: 'single', optionId: 'a' });
    if (!vote.ok) throw new Error('cast failed');
    const ballot = vote.data.receipt.ballotId;
    expect(
      await host.socket.emitWithAck('answer:hide', { pollId, run: 1, ballotId: ballot, hidden: true }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'ballotId' } });
    expect(
      await host.socket.emitWithAck('answer:hide', { pollId, run: 1, ballotId: 'nope', hidden: true }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'ballotId' } });
    expect(
      await host.socket.emitWithAck('answer:hide', { pollId, run: 2, ballotId: ballot, hidden: true }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'run' } });
    expect(await host.socket.emitWithAck('answer:hide', { pollId, run: 1, ballotId: ballot } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'hidden' },
    });
  });
});
