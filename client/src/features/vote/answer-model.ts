import { isRequired, textMax, validateAnswer, type Answer, type Poll, type Question, type Receipt, type SubmitBallots } from '@quorum/shared';
import { translator } from '../../i18n';

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

/** The list with the item at `from` moved to `to` (clamped to the list); the input is not changed. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from < 0 || from >= items.length || from === target) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1) as [T];
  next.splice(target, 0, moved);
  return next;
}

/** A rank question's order as shown: the voter's order once they touched it, else the question's. */
export const rankOrder = (question: Extract<Question, { kind: 'rank' }>, answer: Answer | undefined): string[] =>
  answer?.kind === 'rank' ? answer.optionIds : question.options.map((o) => o.id);

/** A number field's text as an answer: blank is no answer; text the browser cannot read is a wrong one. */
export function numberAnswer(text: string, unreadable = false): Answer | undefined {
  if (unreadable) return { kind: 'number', value: Number.NaN };
  return text.trim() === '' ? undefined : { kind: 'number', value: Number(text) };
}

/** True when nothing was given: no answer, blank text, or no picks. */
export function isBlank(answer: Answer | undefined): boolean {
  if (!answer) return true;
  if (answer.kind === 'text') return answer.text.trim() === '';
  return answer.kind === 'multiple' && answer.optionIds.length === 0;
}

/** What a required question left blank asks for, in the kind's own words. */
function blankMessage(question: Question): string {
  const t = translator();
  switch (question.kind) {
    case 'multiple':
      return picksHint(question);
    case 'rank':
      return t('ballot.blank.rank');
    case 'text':
      return t('ballot.blank.text');
    case 'number':
      return t('ballot.blank.number');
    default:
      return t('ballot.blank.choice');
  }
}

/** Why a given answer does not fit, in the reader's language (the shared rules' own words are the fallback). */
function invalidMessage(question: Question, fallback: string): string {
  const t = translator();
  switch (question.kind) {
    case 'multiple':
      return picksHint(question);
    case 'text':
      return t('ballot.tooLong', { max: textMax(question) });
    case 'number':
      return t('ballot.numberOut', { min: question.min, max: question.max, step: question.step, stepped: question.step !== 1 });
    case 'rank':
      return t('ballot.blank.rank');
    case 'single':
    case 'rating':
      return t('ballot.blank.choice');
    default:
      return fallback;
  }
}

const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;

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
      if (isRequired(q)) problems[q.id] = blankMessage(q);
      continue;
    }
    if (result.ok) answers.push({ questionId: q.id, answer });
    else problems[q.id] = invalidMessage(q, sentence(result.error.message));
  }
  const unanswered = answers.length === 0 && Object.keys(problems).length === 0;
  return { answers, problems, overall: unanswered ? translator()('ballot.answerOne') : null };
}

/** True when a check found nothing that stops the submission. */
export const isSubmittable = (check: BallotCheck): boolean => check.overall === null && Object.keys(check.problems).length === 0;

/** The pick-count hint for a multiple-choice question. */
export function picksHint(question: Extract<Question, { kind: 'multiple' }>): string {
  const { minPicks: min, maxPicks: max } = question;
  const t = translator();
  if (min === max) return t('ballot.pickExactly', { min });
  if (min === 0) return t('ballot.pickUpTo', { max });
  return t('ballot.pickBetween', { min, max });
}
