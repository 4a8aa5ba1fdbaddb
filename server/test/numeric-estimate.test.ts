import { describe, expect, it } from 'vitest';
import { launch, useTestServer } from './support/harness';
import { cast, draftOf, get } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

const estimate = draftOf(
  [{ id: 'q1', kind: 'number', prompt: 'How many litres?', min: 0, max: 2, step: 0.1, unit: 'l' }],
  {},
  'Guess',
);

describe('numeric estimate questions', () => {
  it('shows a histogram with count, sum, mean and median', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const voters = await Promise.all(['a', 'b', 'c', 'd'].map((uid) => enter({ mid: 'm1', uid })));
    const pollId = await launch(host, estimate);
    const values = [0.3, 0.3, 1.2, 2];
    await Promise.all(voters.map((v, i) => cast(v, pollId, 'q1', { kind: 'number', value: values[i]! })));
    const t = await host.waitForTally(pollId, (x) => x.turnout === 4);
    const q = t.questions?.q1;
    expect(q).toMatchObject({ kind: 'number', voters: 4, sum: 3.8, mean: 0.95, median: 0.75 });
    if (q?.kind !== 'number') throw new Error('kind');
    expect(q.buckets).toHaveLength(11); // 21 values, two per bucket
    expect(q.buckets[1]).toEqual({ from: 0.2, to: 0.3 });
    expect(q.counts).toMatchObject({ '1': 2, '6': 1, '10': 1 });
    const summary = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/summary.csv`);
    expect(summary.text).toContain('Guess,1,How many litres?,number,median,,0.75');
    expect(summary.text).toContain('Guess,1,How many litres?,number,bucket,0.2 to 0.3,2');
    const csv = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.csv`);
    expect(csv.text).toMatch(/Guess,1,How many litres\?,1\.2,/);
  });

  it('refuses values out of range, off the step grid or of the wrong kind, naming the field', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, estimate);
    const cases: [unknown, string][] = [
      [{ kind: 'number', value: 2.1 }, 'answer.value'],
      [{ kind: 'number', value: -0.1 }, 'answer.value'],
      [{ kind: 'number', value: 0.15 }, 'answer.value'],
      [{ kind: 'number', value: 0.1 + 0.2 }, 'answer.value'],
      [{ kind: 'number', value: '1' }, 'answer.value'],
      [{ kind: 'rating', value: 1 }, 'answer.kind'],
    ];
    for (const [answer, field] of cases) {
      expect(await cast(p, pollId, 'q1', answer as never)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field },
      });
    }
    expect((await cast(p, pollId, 'q1', { kind: 'number', value: 0.3 })).ok).toBe(true);
  });

  it('refuses a draft whose maximum is off the grid', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const res = await host.socket.emitWithAck(
      'poll:create',
      draftOf([{ kind: 'number', prompt: 'N', min: 0, max: 10, step: 4 }]),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'questions.0.max' } });
  });
});
