import { z } from 'zod';
import { fail, ok } from '../protocol/errors';
import { idSchema, LIMITS, promptSchema, requiredSchema } from '../schemas/common';
import { maskProfanity } from '../domain/text/profanity';
import { defineKind, type SummaryRow } from './kind-def';
import { TextCounter, textTallySchema } from './text-counter';

export { textTallySchema, type TextTally } from './text-counter';

/** Open text: `short` answers up to 200 characters, `long` up to 2,000. */
export const textQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('text'),
  prompt: promptSchema,
  required: requiredSchema,
  variant: z.enum(['short', 'long']),
});
export type TextQuestion = z.infer<typeof textQuestionSchema>;
export type TextVariant = TextQuestion['variant'];

const answer = z.strictObject({ kind: z.literal('text'), text: z.string().max(LIMITS.textLongMax) });

/** Maximum length of an open-text answer, in characters (code points, as people count them). */
export const textMax = (q: Pick<TextQuestion, 'variant'>): number =>
  q.variant === 'short' ? LIMITS.textShortMax : LIMITS.textLongMax;

/** Open text, counted as a word cloud and a list of answers the host can hide. */
export const textKind = defineKind({
  kind: 'text',
  schemas: {
    question: textQuestionSchema,
    draft: textQuestionSchema.extend({ id: idSchema.optional() }),
    answer,
    tally: textTallySchema,
  },
  normalize: (draft, at) => ok({ ...draft, id: at.id }),
  /**
   * A non-empty answer within the variant's length, trimmed. Profanity is masked rather than refused:
   * the voter's point still counts, the word does not show.
   */
  validateAnswer(question, a, rules) {
    const text = a.text.trim();
    if (text.length === 0) return fail('INVALID', 'write an answer', 'answer.text');
    const max = textMax(question);
    if ([...text].length > max)
      return fail('INVALID', `answers to this question are at most ${max} characters`, 'answer.text');
    return ok({ kind: 'text' as const, text: rules.maskProfanity ? maskProfanity(text, rules.blockedWords) : text });
  },
  counter: () => new TextCounter(),
  describeAnswer: (_question, a) => a.text,
  summaryRows: (_question, tally) => [
    ['answers', '', tally.voters],
    ['hidden', '', tally.hidden],
    ...Object.entries(tally.counts).map(([word, n]): SummaryRow => ['word', word, n]),
  ],
  example: { id: 'q1', kind: 'text', prompt: 'What should we change?', variant: 'short' },
});
