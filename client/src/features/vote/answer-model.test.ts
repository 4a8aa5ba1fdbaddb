import { describe, expect, it } from 'vitest';
import type { Question } from '@quorum/shared';
import { makePoll, makeReceipt } from '../../test/fixtures';
import { translator } from '../../i18n';
import { picksHint } from '../../kinds/choice/choice-messages';
import { togglePick } from '../../kinds/choice/multiple';
import { numberAnswer } from '../../kinds/number/number-input';
import { moveItem, rankOrder } from '../../kinds/rank/rank-order';
import { answersFromReceipts, blankAnswers, checkBallot, isSubmittable } from './answer-model';

const multiple: Extract<Question, { kind: 'multiple' }> = {
  id: 'q2',
  kind: 'multiple',
  prompt: 'Toppings',
  options: [
    { id: 'x', label: 'X' },
    { id: 'y', label: 'Y' },
    { id: 'z', label: 'Z' },
  ],
  minPicks: 1,
  maxPicks: 2,
};
const rank: Extract<Question, { kind: 'rank' }> = {
  id: 'r',
  kind: 'rank',
  prompt: 'Order',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ],
};
const text: Extract<Question, { kind: 'text' }> = {
  id: 't',
  kind: 'text',
  prompt: 'Why?',
  variant: 'short',
  required: false,
};
const number: Extract<Question, { kind: 'number' }> = {
  id: 'n',
  kind: 'number',
  prompt: 'How many?',
  min: 0,
  max: 10,
  step: 0.5,
  unit: 'kg',
};
const poll = makePoll({ questions: [...makePoll().questions, multiple] });
const survey = makePoll({ questions: [rank, text, number] });

describe('answer model', () => {
  it('needs every required question answered within its limits', () => {
    const draft = blankAnswers(poll);
    expect(checkBallot(poll, draft).problems).toEqual({ q1: 'Choose an answer.', q2: 'Pick 1 to 2.' });
    draft.q1 = { kind: 'single', optionId: 'a' };
    draft.q2 = togglePick(draft.q2, 'x', true);
    const ok = checkBallot(poll, draft);
    expect(isSubmittable(ok)).toBe(true);
    expect(ok.answers).toEqual([
      { questionId: 'q1', answer: draft.q1 },
      { questionId: 'q2', answer: { kind: 'multiple', optionIds: ['x'] } },
    ]);
    draft.q2 = togglePick(togglePick(draft.q2, 'y', true), 'z', true);
    expect(checkBallot(poll, draft).problems.q2).toMatch(/^[A-Z].*\.$/);
  });

  it('checks a survey per question: optional blanks are skipped, given answers must be valid', () => {
    const draft = blankAnswers(survey);
    const first = checkBallot(survey, draft);
    expect(Object.keys(first.problems)).toEqual(['r', 'n']);
    draft.r = { kind: 'rank', optionIds: rankOrder(rank, undefined) };
    draft.n = numberAnswer('3.25');
    draft.t = { kind: 'text', text: '   ' };
    const offGrid = checkBallot(survey, draft);
    expect(Object.keys(offGrid.problems)).toEqual(['n']);
    expect(offGrid.problems.n).toMatch(/steps of 0.5/);
    draft.n = numberAnswer('3.5');
    const done = checkBallot(survey, draft);
    expect(isSubmittable(done)).toBe(true);
    expect(done.answers.map((a) => a.questionId)).toEqual(['r', 'n']);
    draft.t = { kind: 'text', text: 'x'.repeat(201) };
    expect(checkBallot(survey, draft).problems.t).toMatch(/at most 200 characters/);
  });

  it('asks for something when every question is optional and blank', () => {
    const optional = makePoll({ questions: [text] });
    expect(checkBallot(optional, {}).overall).toBe('Answer at least one question.');
  });

  it('reorders rank items without touching the input, clamping at both ends', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(moveItem(ids, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(ids, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(ids, 0, -1)).toEqual(ids);
    expect(moveItem(ids, 3, 9)).toEqual(ids);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(rankOrder(rank, { kind: 'rank', optionIds: ['c', 'a', 'b'] })).toEqual(['c', 'a', 'b']);
  });

  it('reads number fields: blank is unanswered, unreadable text is a wrong answer', () => {
    expect(numberAnswer(' ')).toBeUndefined();
    expect(numberAnswer('-2.5')).toEqual({ kind: 'number', value: -2.5 });
    expect(checkBallot(makePoll({ questions: [number] }), { n: numberAnswer('', true) }).problems.n).toMatch(
      /from 0 to 10/,
    );
  });

  it('restores answers from receipts and hints pick counts', () => {
    expect(answersFromReceipts(poll, { q1: makeReceipt() }).q1).toEqual({ kind: 'single', optionId: 'a' });
    expect(picksHint(multiple, translator())).toBe('Pick 1 to 2.');
    expect(picksHint({ ...multiple, minPicks: 0 }, translator())).toBe('Pick up to 2.');
  });
});
