import {
  isRequired,
  validateAnswer,
  type Answer,
  type Poll,
  type Question,
  type Receipt,
  type SubmitBallots,
} from '@quorum/shared';
import { translator } from '../../i18n';
import { viewFor } from '../../kinds/registry';

const viewOf = (question: Question) => viewFor(question.kind);

/** The answers being filled in, per question id; a question without an entry is unanswered. */
export type AnswerDraft = Record<string, Answer | undefined>;

/** A blank ballot: each kind's starting answer (multiple choice: no picks), the rest unanswered. */
export function blankAnswers(poll: Poll): AnswerDraft {
  const draft: AnswerDraft = {};
  for (const q of poll.questions) {
    const blank = viewOf(q).blankAnswer?.(q);
    if (blank) draft[q.id] = blank;
  }
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

/** True when nothing was given: no answer, or what the kind counts as blank (blank text, no picks). */
export function isBlank(answer: Answer | undefined): boolean {
  if (!answer) return true;
  return viewFor(answer.kind).isBlank?.(answer) ?? false;
}

/** A checked ballot: the answers to submit, and a problem per question that stops it. */
export interface BallotCheck {
  answers: SubmitBallots['answers'];
  problems: Record<string, string>;
  /** A problem of the ballot as a whole (nothing answered at all). */
  overall: string | null;
}

/**
 * Checks every question with the shared rules, as the server will: required questions need an answer,
 * optional ones left blank are skipped, and anything given must be valid. Submittable when no problem.
 */
export function checkBallot(poll: Poll, draft: AnswerDraft): BallotCheck {
  const answers: SubmitBallots['answers'] = [];
  const problems: Record<string, string> = {};
  for (const q of poll.questions) {
    const answer = draft[q.id];
    // A blank answer may still be a valid one (a multiple-choice question that allows no picks).
    const result = answer === undefined ? undefined : validateAnswer(q, answer);
    if (answer === undefined || result === undefined || (isBlank(answer) && !(result.ok && isRequired(q)))) {
      if (isRequired(q)) problems[q.id] = viewOf(q).blankMessage(q, translator());
      continue;
    }
    if (result.ok) answers.push({ questionId: q.id, answer });
    else problems[q.id] = viewOf(q).invalidMessage(q, translator());
  }
  const unanswered = answers.length === 0 && Object.keys(problems).length === 0;
  return { answers, problems, overall: unanswered ? translator()('ballot.answerOne') : null };
}

/** True when a check found nothing that stops the submission. */
export const isSubmittable = (check: BallotCheck): boolean =>
  check.overall === null && Object.keys(check.problems).length === 0;
