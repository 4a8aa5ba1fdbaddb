import { describe, expect, it } from 'vitest';
import { openPollOf, options, question } from '../testing';
import { closeAtDeadline, extendDeadline, stopTimer } from './poll';
import { isRequired, submitBallots } from './survey';

const pick = question('single', { options: options('a', 'b') });
const why = question('text', { id: 'q2', required: false });
const howMany = question('number', { id: 'q3', max: 10, unit: '' });
const questions = [pick, why, howMany];
const poll = openPollOf(questions, { title: 'Survey', run: 3 });
const ctx = () => {
  let n = 0;
  return { now: 1000, newId: () => `b${++n}` };
};
const submit = (answers: { questionId: string; answer: never }[] | unknown[], p = poll) =>
  submitBallots(p, 'u:v', { pollId: 'p', clientBallotId: 'submit-0001', answers: answers as never }, ctx());

describe('survey submission', () => {
  it('turns every answer into a ballot of the current run sharing the clientBallotId', () => {
    const r = submit([
      { questionId: 'q1', answer: { kind: 'single', optionId: 'a' } },
      { questionId: 'q3', answer: { kind: 'number', value: 4 } },
    ]);
    expect(r).toMatchObject({
      ok: true,
      data: [
        { questionId: 'q1', run: 3, clientBallotId: 'submit-0001' },
        { questionId: 'q3', ballotId: 'b2' },
      ],
    });
  });
  it('refuses a missing required answer, naming the question', () => {
    const r = submit([{ questionId: 'q1', answer: { kind: 'single', optionId: 'a' } }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answers' } });
    if (!r.ok) expect(r.error.message).toContain(howMany.prompt);
    expect([isRequired(questions[0]!), isRequired(questions[1]!)]).toEqual([true, false]);
  });
  it('places each bad answer under its index', () => {
    const base = [{ questionId: 'q1', answer: { kind: 'single', optionId: 'a' } }];
    expect(submit([...base, { questionId: 'q3', answer: { kind: 'number', value: 11 } }])).toMatchObject({
      error: { field: 'answers.1.answer.value' },
    });
    expect(submit([...base, { questionId: 'q3', answer: { kind: 'text', text: 'x' } }])).toMatchObject({
      error: { field: 'answers.1.answer.kind' },
    });
    expect(submit([...base, { questionId: 'zz', answer: { kind: 'number', value: 1 } }])).toMatchObject({
      error: { field: 'answers.1.questionId' },
    });
    expect(submit([...base, ...base])).toMatchObject({ error: { field: 'answers.1.questionId' } });
  });
  it('refuses closed polls', () => {
    expect(submit([], { ...poll, status: 'closed' })).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
  });
});

describe('countdown timer', () => {
  it('extends a deadline, or starts one, and can stop it', () => {
    expect(extendDeadline({ ...poll, closesAt: 5000 }, 30, 1000)).toMatchObject({
      ok: true,
      data: { closesAt: 35_000 },
    });
    expect(extendDeadline(poll, 30, 1000)).toMatchObject({ ok: true, data: { closesAt: 31_000 } });
    expect(extendDeadline({ ...poll, closesAt: 500 }, 10, 1000)).toMatchObject({
      ok: true,
      data: { closesAt: 11_000 },
    });
    expect(stopTimer({ ...poll, closesAt: 5000 })).toMatchObject({
      ok: true,
      data: { closesAt: null, status: 'open' },
    });
  });
  it('refuses polls that are not open, no timer to stop, or a deadline too far away', () => {
    expect(extendDeadline({ ...poll, status: 'closed' }, 30, 0)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'pollId' },
    });
    expect(stopTimer(poll)).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'pollId' } });
    expect(extendDeadline({ ...poll, closesAt: 86_400_000 }, 60, 0)).toMatchObject({
      ok: false,
      error: { field: 'seconds' },
    });
  });

  it('closes at the deadline only when it is due as it stands now', () => {
    const timed = { ...poll, closesAt: 10_000 };
    expect(closeAtDeadline(timed, 10_000)).toMatchObject({ ok: true, data: { status: 'closed', closedAt: 10_000 } });
    expect(closeAtDeadline(timed, 9_000)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(closeAtDeadline(poll, 99_000)).toMatchObject({ ok: false });
  });
});
