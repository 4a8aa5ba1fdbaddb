import { fail, ok, type Result } from '../protocol/errors';
import { kindRules } from '../kinds/registry';
import type { PollDraft, Question } from '../schemas/poll';
import { isScored } from './quiz';

type DraftQuestion = PollDraft['questions'][number];

/** The per-kind rules a schema cannot express (kinds/<kind>.ts), with ids filled in. */
export const normalizeQuestion = (q: DraftQuestion, qi: number, id: string, newId: () => string): Result<Question> =>
  kindRules(q.kind).normalize(q, { index: qi, id, newId });

/** A quiz needs something to score. */
export function checkQuiz(draft: Pick<PollDraft, 'settings'>, questions: readonly Question[]): Result<true> {
  if (draft.settings.quiz && !questions.some(isScored)) {
    return fail('INVALID', 'a quiz needs a choice question with correct answers', 'settings.quiz');
  }
  return ok(true);
}
