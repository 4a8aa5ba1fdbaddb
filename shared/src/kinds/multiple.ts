import { z } from 'zod';
import { fail, ok } from '../protocol/errors';
import { correctOptionIdsSchema, idSchema, LIMITS, promptSchema, requiredSchema } from '../schemas/common';
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

export const multipleChoiceQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('multiple'),
  prompt: promptSchema,
  options: choiceOptions,
  minPicks: z.number().int().min(0).max(LIMITS.optionsMax),
  maxPicks: z.number().int().min(1).max(LIMITS.optionsMax),
  required: requiredSchema,
  /** Exactly this set of picks is the correct answer. */
  correctOptionIds: correctOptionIdsSchema,
});

const answer = z.strictObject({ kind: z.literal('multiple'), optionIds: z.array(idSchema).max(LIMITS.optionsMax) });

/** Multiple choice: `minPicks` to `maxPicks` options. Quizzes: exactly the correct set scores. */
export const multipleKind = defineKind({
  kind: 'multiple',
  schemas: {
    question: multipleChoiceQuestionSchema,
    draft: multipleChoiceQuestionSchema.extend({ id: idSchema.optional(), options: draftChoiceOptions }),
    answer,
    tally: choiceTallySchema,
  },
  normalize(draft, at) {
    const options = normalizeOptions(draft.options, at);
    if (!options.ok) return options;
    if (draft.minPicks > draft.maxPicks)
      return fail('INVALID', 'minimum picks cannot exceed maximum picks', `questions.${at.index}.minPicks`);
    if (draft.maxPicks > options.data.length)
      return fail('INVALID', 'maximum picks cannot exceed the number of options', `questions.${at.index}.maxPicks`);
    const correct = checkCorrect(options.data, draft.correctOptionIds, at, {
      min: draft.minPicks,
      max: draft.maxPicks,
    });
    return correct.ok ? ok({ ...draft, id: at.id, options: options.data }) : correct;
  },
  validateAnswer(question, a) {
    const picks = new Set(a.optionIds);
    if (picks.size !== a.optionIds.length) return fail('INVALID', 'an option was picked twice', 'answer.optionIds');
    const known = new Set(question.options.map((o) => o.id));
    if (a.optionIds.some((id) => !known.has(id))) return fail('INVALID', 'unknown option', 'answer.optionIds');
    if (picks.size < question.minPicks)
      return fail('INVALID', `pick at least ${question.minPicks}`, 'answer.optionIds');
    if (picks.size > question.maxPicks) return fail('INVALID', `pick at most ${question.maxPicks}`, 'answer.optionIds');
    // Canonical order keeps stored answers comparable.
    return ok({
      kind: 'multiple' as const,
      optionIds: question.options.map((o) => o.id).filter((id) => picks.has(id)),
    });
  },
  counter: (question) => choiceCounter(question.options, (a: z.infer<typeof answer>) => a.optionIds),
  describeAnswer: (question, a) => a.optionIds.map((id) => labelOf(question.options, id)).join('; '),
  summaryRows: (question, tally) => choiceRows(question.options, tally),
  quiz: {
    scores: (question) => (question.correctOptionIds?.length ?? 0) > 0,
    isCorrect(question, a) {
      const correct = new Set(question.correctOptionIds);
      return a.optionIds.length === correct.size && a.optionIds.every((id) => correct.has(id));
    },
  },
  example: {
    id: 'q1',
    kind: 'multiple',
    prompt: 'Which days suit you?',
    options: [
      { id: 'mon', label: 'Monday' },
      { id: 'tue', label: 'Tuesday' },
      { id: 'wed', label: 'Wednesday' },
    ],
    minPicks: 1,
    maxPicks: 3,
  },
});
