import { validateAnswer, type Answer, type Poll, type Question, type Receipt } from '@quorum/shared';

/** The answers being filled in, per question id; a question without an entry is unanswered. */
export type AnswerDraft = Record<string, Answer | undefined>;

/** A blank ballot: multiple-choice questions start as an empty pick list, the rest unanswered. */
export function blankAnswers(poll: Poll): AnswerDraft {
  const draft: AnswerDraft = {};
  for (const q of poll.questions) if (q.kind === 'multiple') draft[q.id] = { kind: 'multiple', optionIds: [] };
  return draft;
}

/** My recorded answers, to show a locked ballot or to start changing it. */
export function answersFromReceipts(poll: Poll, receipts: Record<string, Receipt>): AnswerDraft {
  const draft = blankAnswers(poll);
  for (const q of poll.questions) {
    const receipt = receipts[q.id];
    if (receipt) draft[q.id] = receipt.answer;
  }
  return draft;
}

/** Adds or removes one option of a multiple-choice answer. */
export function togglePick(answer: Answer | undefined, optionId: string, picked: boolean): Answer {
  const current = answer?.kind === 'multiple' ? answer.optionIds : [];
  const optionIds = picked ? [...new Set([...current, optionId])] : current.filter((id) => id !== optionId);
  return { kind: 'multiple', optionIds };
}

/** Why the answer is not acceptable yet, or null when it is (the shared rule decides). */
export function answerProblem(question: Question, answer: Answer | undefined): string | null {
  if (!answer) return 'Choose an answer.';
  const result = validateAnswer(question, answer);
  return result.ok ? null : result.error.message;
}

/** The validated answers of a complete ballot, or null while any question still needs one. */
export function completeAnswers(poll: Poll, draft: AnswerDraft): Record<string, Answer> | null {
  const answers: Record<string, Answer> = {};
  for (const q of poll.questions) {
    const answer = draft[q.id];
    if (!answer || answerProblem(q, answer) !== null) return null;
    answers[q.id] = answer;
  }
  return answers;
}

/** The pick-count hint for a multiple-choice question. */
export function picksHint(question: Extract<Question, { kind: 'multiple' }>): string {
  const { minPicks: min, maxPicks: max } = question;
  if (min === max) return `Pick ${min}.`;
  if (min === 0) return `Pick up to ${max}.`;
  return `Pick ${min} to ${max}.`;
}
