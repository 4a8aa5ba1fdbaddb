import { fail, ok, type Result } from '../protocol/errors';
import type { AnswerOf } from '../schemas/ballot';
import { LIMITS } from '../schemas/common';
import type { PollSettings } from '../schemas/poll';
import type { RankQuestion, TextQuestion } from '../schemas/question-kinds';
import { maskProfanity } from './text/profanity';

/** What a poll's settings add to answer checking: the profanity filter for open text. */
export interface AnswerRules {
  maskProfanity?: boolean;
  blockedWords?: readonly string[];
}

/** The answer rules a poll's settings ask for (the filter is on unless switched off). */
export const answerRules = (settings: Pick<PollSettings, 'profanityFilter' | 'blockedWords'>): AnswerRules => ({
  maskProfanity: settings.profanityFilter !== false,
  blockedWords: settings.blockedWords ?? [],
});

/** A full ordering: every item exactly once. */
export function validateRankAnswer(q: RankQuestion, answer: AnswerOf<'rank'>): Result<AnswerOf<'rank'>> {
  const known = new Set(q.options.map((o) => o.id));
  const seen = new Set<string>();
  for (const id of answer.optionIds) {
    if (!known.has(id)) return fail('INVALID', `unknown item ${id}`, 'answer.optionIds');
    if (seen.has(id)) return fail('INVALID', `item ${id} was ranked twice`, 'answer.optionIds');
    seen.add(id);
  }
  if (seen.size !== known.size) return fail('INVALID', `rank all ${known.size} items`, 'answer.optionIds');
  return ok(answer);
}

/** Maximum length of an open-text answer, in characters (code points, as people count them). */
export const textMax = (q: Pick<TextQuestion, 'variant'>): number => (q.variant === 'short' ? LIMITS.textShortMax : LIMITS.textLongMax);

/**
 * A non-empty answer within the variant's length, trimmed. Profanity is masked rather than refused:
 * the voter's point still counts, the word does not show.
 */
export function validateTextAnswer(q: TextQuestion, answer: AnswerOf<'text'>, rules: AnswerRules = {}): Result<AnswerOf<'text'>> {
  const text = answer.text.trim();
  if (text.length === 0) return fail('INVALID', 'write an answer', 'answer.text');
  const max = textMax(q);
  if ([...text].length > max) return fail('INVALID', `answers to this question are at most ${max} characters`, 'answer.text');
  return ok({ kind: 'text', text: rules.maskProfanity ? maskProfanity(text, rules.blockedWords) : text });
}
