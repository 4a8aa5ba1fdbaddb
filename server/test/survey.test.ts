import type { Answer } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { launch, useTestServer } from './support/harness';
import { cast, draftOf, submit } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

const survey = (allowAnswerChange = true) =>
  draftOf(
    [
      { id: 'mood', kind: 'rating', prompt: 'How was it?', min: 1, max: 5 },
      {
        id: 'best',
        kind: 'single',
        prompt: 'Best part?',
        options: [
          { id: 'a', label: 'Talks' },
          { id: 'b', label: 'Food' },
        ],
      },
      { id: 'why', kind: 'text', prompt: 'Anything else?', variant: 'long', required: false },
    ],
    { allowAnswerChange },
    'Feedback',
  );

const full: { questionId: string; answer: Answer }[] = [
  { questionId: 'mood', answer: { kind: 'rating', value: 4 } },
  { questionId: 'best', answer: { kind: 'single', optionId: 'b' } },
];

describe('surveys: several questions, one submit', () => {
  it('writes every answer at once and returns a receipt per answer; a re-sent submit is the same submit', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, survey());
    const res = await submit(
      p,
      pollId,
      [...full, { questionId: 'why', answer: { kind: 'text', text: 'More coffee' } }],
      'survey-submit-1',
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.receipts.map((r) => r.questionId)).toEqual(['mood', 'best', 'why']);
    const again = await submit(p, pollId, full, 'survey-submit-1');
    expect(again.ok && again.data.receipts).toEqual(res.data.receipts.slice(0, 2));
    const t = await host.waitForTally(pollId, (x) => x.questions?.why?.voters === 1);
    expect(t).toMatchObject({ turnout: 1, questions: { mood: { voters: 1, sum: 4 }, best: { counts: { b: 1 } } } });
    // One question can still be changed on its own.
    expect((await cast(p, pollId, 'best', { kind: 'single', optionId: 'a' })).ok).toBe(true);
    await host.waitForTally(pollId, (x) => x.questions?.best?.counts.a === 1);
    const back = await enter({ mid: 'm1', uid: 'p' });
    expect(back.snapshot.myBallots).toHaveLength(3);
  });

  it('rejects a submission missing a required answer, or with one bad answer, and writes nothing', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, survey());
    const missing = await submit(p, pollId, [full[0]!]);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answers' } });
    if (!missing.ok) expect(missing.error.message).toContain('Best part?');
    const bad = await submit(p, pollId, [full[0]!, { questionId: 'best', answer: { kind: 'single', optionId: 'zz' } }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answers.1.answer.optionId' } });
    const wrong = await submit(p, pollId, [{ questionId: 'mood', answer: { kind: 'text', text: '5' } }, full[1]!]);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answers.0.answer.kind' } });
    const twice = await submit(p, pollId, [...full, full[1]!]);
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answers.2.questionId' } });
    const empty = await p.socket.emitWithAck('ballot:submit', { pollId, answers: [], clientBallotId: 'abcdefgh-1' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answers' } });
    const back = await enter({ mid: 'm1', uid: 'p' });
    expect(back.snapshot.myBallots).toEqual([]);
    expect(back.snapshot.tallies[0]?.turnout).toBe(0);
  });

  it('is all or nothing when one answer may not change', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, survey(false));
    expect((await cast(p, pollId, 'best', { kind: 'single', optionId: 'a' })).ok).toBe(true);
    const res = await submit(p, pollId, [...full, { questionId: 'why', answer: { kind: 'text', text: 'hi' } }]);
    expect(res).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED', field: 'answers.1' } });
    const back = await enter({ mid: 'm1', uid: 'p' });
    expect(back.snapshot.myBallots.map((b) => b.questionId)).toEqual(['best']);
    expect(back.snapshot.tallies[0]?.questions?.mood?.voters).toBe(0);
  });

  it('refuses submissions to closed polls', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, survey());
    await host.socket.emitWithAck('poll:close', { pollId });
    expect(await submit(p, pollId, full)).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
  });
});
