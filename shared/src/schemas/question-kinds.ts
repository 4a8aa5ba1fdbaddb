import { z } from 'zod';
import { draftOptionSchema, idSchema, LIMITS, optionSchema, promptSchema, requiredSchema } from './common';

/** Rank order: the voter orders every item, best first. */
export const rankQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('rank'),
  prompt: promptSchema,
  required: requiredSchema,
  options: z.array(optionSchema).min(LIMITS.optionsMin).max(LIMITS.rankItemsMax),
});

/** Open text: `short` answers up to 200 characters, `long` up to 2,000. */
export const textQuestionSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('text'),
  prompt: promptSchema,
  required: requiredSchema,
  variant: z.enum(['short', 'long']),
});

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

/** The draft forms of the kinds above: ids may be omitted. */
export const draftKindSchemas = [
  rankQuestionSchema.extend({
    id: idSchema.optional(),
    options: z.array(draftOptionSchema).min(LIMITS.optionsMin).max(LIMITS.rankItemsMax),
  }),
  textQuestionSchema.extend({ id: idSchema.optional() }),
  numberQuestionSchema.extend({ id: idSchema.optional() }),
] as const;

export type RankQuestion = z.infer<typeof rankQuestionSchema>;
export type TextQuestion = z.infer<typeof textQuestionSchema>;
export type NumberQuestion = z.infer<typeof numberQuestionSchema>;
export type TextVariant = TextQuestion['variant'];
