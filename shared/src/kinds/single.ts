import { z } from 'zod';
import { fail, ok } from '../protocol/errors';
import { correctOptionIdsSchema, idSchema, promptSchema, requiredSchema } from '../schemas/common';
import {
  checkCorrect,
  choiceCounter,
  choiceOptions,
  choiceRows,
  choiceTallySchema,
  draftChoiceOptions,
  labelOf,
  normalizeOptions,
} from './choice-common';
import { defineKind } from './kind-def';

export const singleChoiceQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('single'),
  prompt: promptSchema,
  options: choiceOptions,
  required: requiredSchema,
  /** Any one of these is a correct answer. */
  correctOptionIds: correctOptionIdsSchema,
});

const answer = z.strictObject({ kind: z.literal('single'), optionId: idSchema });

/** Single choice: one option. Quizzes: any of the correct options scores. */
export const singleKind = defineKind({
  kind: 'single',
  schemas: {
    question: singleChoiceQuestionSchema,
    draft: singleChoiceQuestionSchema.extend({ id: idSchema.optional(), options: draftChoiceOptions }),
    answer,
    tally: choiceTallySchema,
  },
  normalize(draft, at) {
    const options = normalizeOptions(draft.options, at);
    if (!options.ok) return options;
    const correct = checkCorrect(options.data, draft.correctOptionIds, at);
    return correct.ok ? ok({ ...draft, id: at.id, options: options.data }) : correct;
  },
  validateAnswer(question, a) {
    if (!question.options.some((o) => o.id === a.optionId)) return fail('INVALID', 'unknown option', 'answer.optionId');
    return ok(a);
  },
  counter: (question) => choiceCounter(question.options, (a: z.infer<typeof answer>) => [a.optionId]),
  describeAnswer: (question, a) => labelOf(question.options, a.optionId),
  summaryRows: (question, tally) => choiceRows(question.options, tally),
  quiz: {
    scores: (question) => (question.correctOptionIds?.length ?? 0) > 0,
    isCorrect: (question, a) => question.correctOptionIds?.includes(a.optionId) ?? false,
  },
  example: {
    id: 'q1',
    kind: 'single',
    prompt: 'Where shall we eat?',
    options: [
      { id: 'a', label: 'Noodles' },
      { id: 'b', label: 'Tacos' },
    ],
  },
});
