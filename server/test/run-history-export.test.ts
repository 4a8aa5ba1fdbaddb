import { runExportSchema, type RunExport } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { choicePoll, launch, useTestServer, vote } from './support/harness';
import { get } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

describe('run history and exports', () => {
  it('keeps every run viewable and exportable as CSV, summary CSV and JSON', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const [p, q] = await Promise.all([enter({ mid: 'm1', uid: 'p' }), enter({ mid: 'm1', uid: 'q' })]);
    const pollId = await launch(host, choicePoll({}, 'Lunch'));
    await vote(p, pollId, 'a');
    await vote(q, pollId, 'a');
    await host.socket.emitWithAck('poll:close', { pollId });
    await host.socket.emitWithAck('poll:open', { pollId });
    await vote(p, pollId, 'c');

    const detail = await get(ctx.server, p, `/api/polls/${pollId}`);
    expect(detail.body).toMatchObject({
      poll: { run: 2 },
      runs: [
        { run: 1, turnout: 2 },
        { run: 2, turnout: 1 },
      ],
    });
    for (const [run, expected] of [
      [1, { a: 2 }],
      [2, { c: 1 }],
    ] as const) {
      const json = await get(ctx.server, host, `/api/polls/${pollId}/runs/${run}/export.json`);
      expect(json.status).toBe(200);
      const body = runExportSchema.parse(json.body);
      expect(body).toMatchObject({
        run,
        poll: { id: pollId },
        tally: { run, questions: { q1: { counts: expected } } },
      });
      expect(body.ballots.every((b) => b.voterId?.startsWith('u:'))).toBe(true);
      const summary = await get(ctx.server, host, `/api/polls/${pollId}/runs/${run}/summary.csv`);
      expect(summary.text.split('\r\n')[0]).toBe('poll,run,question,kind,measure,item,value');
      expect(summary.text).toContain(`Lunch,${run},,,turnout,,${run === 1 ? 2 : 1}`);
      expect((await get(ctx.server, host, `/api/polls/${pollId}/runs/${run}/export.csv`)).status).toBe(200);
    }
    expect((await get(ctx.server, host, `/api/polls/${pollId}/runs/1/summary.csv`)).text).toContain(
      'Lunch,1,Where shall we eat?,single,votes,Noodles,2',
    );
  });

  it('exports no identities for anonymous polls and only to hosts of the meeting', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'alice' });
    const pollId = await launch(host, choicePoll({ anonymous: true }));
    await vote(p, pollId, 'b');
    const json = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.json`);
    const body = json.body as RunExport;
    expect(body.ballots).toHaveLength(1);
    expect(json.text).not.toContain('alice');
    expect((await get(ctx.server, p, `/api/polls/${pollId}/runs/1/export.json`)).status).toBe(403);
    expect((await get(ctx.server, p, `/api/polls/${pollId}/runs/1/summary.csv`)).status).toBe(403);
    const stranger = await enter({ mid: 'm2', uid: 'h2', role: 'host' });
    expect((await get(ctx.server, stranger, `/api/polls/${pollId}/runs/1/export.json`)).status).toBe(404);
    expect((await get(ctx.server, host, `/api/polls/${pollId}/runs/2/export.json`)).status).toBe(404);
    expect((await fetch(`${ctx.server.url}/api/polls/${pollId}/runs/1/summary.csv`)).status).toBe(401);
  });
});
