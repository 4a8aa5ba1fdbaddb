import { describe, expect, it } from 'vitest';
import type { Question } from '@quorum/shared';
import { makePoll, makeReceipt } from '../../test/fixtures';
import { answersFromReceipts, blankAnswers, completeAnswers, picksHint, togglePick } from './answer-model';

const multiple: Extract<Question, { kind: 'multiple' }> = {
  id: 'q2',
  kind: 'multiple',
  prompt: 'Toppings',
  options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }, { id: 'z', label: 'Z' }],
  minPicks: 1,
  maxPicks: 2,
};
const poll = makePoll({ questions: [...makePoll().questions, multiple] });

describe('answer model', () => {
  it('needs every question answered within its limits', () => {
    const draft = blankAnswers(poll);
    expect(completeAnswers(poll, draft)).toBeNull();
    draft.q1 = { kind: 'single', optionId: 'a' };
    draft.q2 = togglePick(draft.q2, 'x', true);
    expect(completeAnswers(poll, draft)).toEqual({ q1: draft.q1, q2: { kind: 'multiple', optionIds: ['x'] } });
    draft.q2 = togglePick(togglePick(draft.q2, 'y', true), 'z', true);
    expect(completeAnswers(poll, draft)).toBeNull();
    draft.q2 = togglePick(draft.q2, 'x', false);
    expect(completeAnswers(poll, draft)?.q2).toEqual({ kind: 'multiple', optionIds: ['y', 'z'] });
  });

  it('restores answers from receipts and hints pick counts', () => {
    expect(answersFromReceipts(poll, { q1: makeReceipt() }).q1).toEqual({ kind: 'single', optionId: 'a' });
    expect(picksHint(multiple)).toBe('Pick 1 to 2.');
    expect(picksHint({ ...multiple, minPicks: 0 })).toBe('Pick up to 2.');
  });
});
