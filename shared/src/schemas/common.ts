import { z } from 'zod';

/** Limits shared by the schemas, the domain and the UI (one place to change them). */
export const LIMITS = {
  titleMax: 120,
  promptMax: 300,
  optionLabelMax: 120,
  optionsMin: 2,
  optionsMax: 20,
  questionsMax: 20,
  ratingSpanMax: 10,
  scaleLabelMax: 40,
  idMax: 64,
  closeAfterSecMax: 24 * 60 * 60,
  /** Rank order: 2 to 10 items. */
  rankItemsMax: 10,
  textShortMax: 200,
  textLongMax: 2000,
  /** Numeric estimates: bounds within ±1e9, at most 6 decimals and a million steps, so grid math stays in exact integers. */
  numberAbsMax: 1_000_000_000,
  numberDecimalsMax: 6,
  numberStepsMax: 1_000_000,
  numberBucketsMax: 20,
  unitMax: 20,
  /** Word cloud: distinct words kept in a tally; open text: newest answers listed in a tally. */
  wordCloudMax: 100,
  textAnswersShown: 200,
  /** Characters of answer text in one tally: long answers would otherwise make every broadcast huge. */
  textAnswersCharsMax: 40_000,
  blockedWordsMax: 50,
  blockedWordMax: 40,
  leaderboardSize: 10,
  pointsMax: 10_000,
  speedWindowSecMax: 3600,
  extendSecMax: 3600,
} as const;

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.idMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _');

export const optionSchema = z.strictObject({
  id: idSchema,
  label: z.string().trim().min(1).max(LIMITS.optionLabelMax),
});

export const promptSchema = z.string().trim().min(1).max(LIMITS.promptMax);

/** Survey questions are required unless marked `required: false`; absent means required. */
export const requiredSchema = z.boolean().optional();

/** Quiz answers of a choice question; participants never see them while the poll is open. */
export const correctOptionIdsSchema = z.array(idSchema).min(1).max(LIMITS.optionsMax).optional();

/** A draft option: the server assigns the id when it is omitted. */
export const draftOptionSchema = optionSchema.extend({ id: idSchema.optional() });
