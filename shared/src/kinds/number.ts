import { z } from 'zod';
import { fail, ok } from '../protocol/errors';
import { idSchema, LIMITS, promptSchema, requiredSchema } from '../schemas/common';
import { defineKind, type SummaryRow } from './kind-def';
import { NumberCounter, numberTallySchema } from './number-counter';

export { numberTallySchema, type NumberTally } from './number-counter';
import { gridIndex, numberGrid, numberQuestionProblem } from './number-grid';

const bound = z.number().min(-LIMITS.numberAbsMax).max(LIMITS.numberAbsMax);

/** Numeric estimate: a value from `min` to `max` on the grid `min + k·step`. */
export const numberQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('number'),
  prompt: promptSchema,
  required: requiredSchema,
  min: bound,
  max: bound,
  step: z.number().positive().max(LIMITS.numberAbsMax),
  unit: z.string().trim().max(LIMITS.unitMax).default(''),
});
export type NumberQuestion = z.infer<typeof numberQuestionSchema>;

const answer = z.strictObject({ kind: z.literal('number'), value: z.number() });

const bucketName = (b: { from: number; to: number }) => (b.from === b.to ? String(b.from) : `${b.from} to ${b.to}`);

/** Numeric estimate, counted as a histogram with mean and median. */
export const numberKind = defineKind({
  kind: 'number',
  schemas: {
    question: numberQuestionSchema,
    draft: numberQuestionSchema.extend({ id: idSchema.optional() }),
    answer,
    tally: numberTallySchema,
  },
  normalize(draft, at) {
    const problem = numberQuestionProblem(draft);
    return problem
      ? fail('INVALID', problem.message, `questions.${at.index}.${problem.field}`)
      : ok({ ...draft, id: at.id });
  },
  /** Within the range and on the step grid. */
  validateAnswer(question, a) {
    if (!(a.value >= question.min && a.value <= question.max))
      return fail('INVALID', `choose a value from ${question.min} to ${question.max}`, 'answer.value');
    if (gridIndex(numberGrid(question), a.value) === undefined)
      return fail('INVALID', `choose a value in steps of ${question.step} from ${question.min}`, 'answer.value');
    return ok(a);
  },
  counter: (question) => new NumberCounter(question),
  describeAnswer: (_question, a) => String(a.value),
  summaryRows: (_question, tally) => [
    ['answers', '', tally.voters],
    ['mean', '', tally.mean ?? ''],
    ['median', '', tally.median ?? ''],
    ['sum', '', tally.sum],
    ...tally.buckets.map((b, i): SummaryRow => ['bucket', bucketName(b), tally.counts[String(i)] ?? 0]),
  ],
  example: { id: 'q1', kind: 'number', prompt: 'Hours of meetings a week?', min: 0, max: 40, step: 1, unit: 'h' },
});
