import { describe, expect, it } from 'vitest';
import { launch, useTestServer } from './support/harness';
import { cast, draftOf, get } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

const rankPoll = draftOf([
  {
    id: 'q1',
    kind: 'rank',
    prompt: 'Order the talks',
    options: [
      { id: 'a', label: 'Alpha' },
      { id: 'b', label: 'Beta' },
      { id: 'c', label: 'Gamma' },
    ],
  },
]);

describe('rank order questions', () => {
  it('counts Borda scores and places, and exports the ranking in words', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const [p1, p2] = await Promise.all([enter({ mid: 'm1', uid: 'p1' }), enter({ mid: 'm1', uid: 'p2' })]);
    const pollId = await launch(host, rankPoll);
    expect((await cast(p1, pollId, 'q1', { kind: 'rank', optionIds: ['b', 'a', 'c'] })).ok).toBe(true);
    expect((await cast(p2, pollId, 'q1', { kind: 'rank', optionIds: ['b', 'c', 'a'] })).ok).toBe(true);
    const t = await p1.waitForTally(pollId, (x) => x.turnout === 2);
    expect(t.questions?.q1).toEqual({
      kind: 'rank',
      voters: 2,
      counts: { a: 1, b: 4, c: 1 },
      positions: { a: [0, 1, 1], b: [2, 0, 0], c: [0, 1, 1] },
    });
    const csv = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/export.csv`);
    expect(csv.text).toContain('Beta > Alpha > Gamma');
    const summary = await get(ctx.server, host, `/api/polls/${pollId}/runs/1/summary.csv`);
    expect(summary.text).toContain('Poll,1,Order the talks,rank,borda score,Beta,4');
    expect(summary.text).toContain('Poll,1,Order the talks,rank,place 1,Beta,2');
  });

  it('refuses a wrong kind, an unknown, a repeated or a missing item with INVALID naming the field', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, rankPoll);
    const cases: [unknown, string][] = [
      [{ kind: 'single', optionId: 'a' }, 'answer.kind'],
      [{ kind: 'rank', optionIds: ['a', 'b', 'zz'] }, 'answer.optionIds'],
      [{ kind: 'rank', optionIds: ['a', 'b', 'b'] }, 'answer.optionIds'],
      [{ kind: 'rank', optionIds: ['a', 'b'] }, 'answer.optionIds'],
      [{ kind: 'rank', optionIds: 'a,b,c' }, 'answer.optionIds'],
    ];
    for (const [answer, field] of cases) {
      expect(await cast(p, pollId, 'q1', answer as never)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field },
      });
    }
  });

  it('refuses drafts with fewer than 2 or more than 10 items', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Item ${i}` }));
    for (const n of [1, 11]) {
      const res = await host.socket.emitWithAck(
        'poll:create',
        draftOf([{ kind: 'rank', prompt: 'R', options: items(n) }]),
      );
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'questions.0.options' } });
    }
  });
});
