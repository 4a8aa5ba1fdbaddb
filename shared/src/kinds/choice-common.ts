import { z } from 'zod';
import { fail, ok, type Result } from '../protocol/errors';
import { draftOptionSchema, LIMITS, optionSchema } from '../schemas/common';
import type { CountedBallot, DraftPlace, KindCounter, SummaryRow } from './kind-def';

/** Options of a choice question (2 to 20), as stored and as drafted (ids may be omitted). */
export const choiceOptions = z.array(optionSchema).min(LIMITS.optionsMin).max(LIMITS.optionsMax);
export const draftChoiceOptions = z.array(draftOptionSchema).min(LIMITS.optionsMin).max(LIMITS.optionsMax);

/** Counts per option (single and multiple choice). `voters` = ballots for this question. */
export const choiceTallySchema = z.strictObject({
  kind: z.literal('choice'),
  voters: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type ChoiceTally = z.infer<typeof choiceTallySchema>;

type Option = { id: string; label: string };
type DraftOption = { id?: string | undefined; label: string };

/** Gives every option an id and checks they are unique. */
export function normalizeOptions(options: readonly DraftOption[], at: DraftPlace): Result<Option[]> {
  const ids = new Set<string>();
  const out: Option[] = [];
  for (const [oi, o] of options.entries()) {
    const id = o.id ?? at.newId();
    if (ids.has(id))
      return fail('INVALID', `option ids must be unique (${id})`, `questions.${at.index}.options.${oi}.id`);
    ids.add(id);
    out.push({ id, label: o.label });
  }
  return ok(out);
}

/** Quiz answers must name the question's own options, each once; `picks` bounds how many. */
export function checkCorrect(
  options: readonly Option[],
  correct: readonly string[] | undefined,
  at: DraftPlace,
  picks?: { min: number; max: number },
): Result<true> {
  if (correct === undefined) return ok(true);
  const field = `questions.${at.index}.correctOptionIds`;
  const known = new Set(options.map((o) => o.id));
  if (correct.some((id) => !known.has(id)))
    return fail('INVALID', 'correct answers must be options of the question', field);
  if (new Set(correct).size !== correct.length) return fail('INVALID', 'a correct answer is listed twice', field);
  if (picks && (correct.length < picks.min || correct.length > picks.max)) {
    return fail('INVALID', `the correct answer must be ${picks.min} to ${picks.max} picks`, field);
  }
  return ok(true);
}

/** The label of an option by id (the id itself if the question no longer has it). */
export const labelOf = (options: readonly Option[], id: string): string =>
  options.find((o) => o.id === id)?.label ?? id;

/** Votes per option: each ballot adds 1 to each option it names. */
export function choiceCounter<A>(
  options: readonly Option[],
  picked: (answer: A) => readonly string[],
): KindCounter<A, ChoiceTally> {
  const tally: ChoiceTally = { kind: 'choice', voters: 0, counts: Object.fromEntries(options.map((o) => [o.id, 0])) };
  return {
    add({ answer }: CountedBallot<A>, sign: 1 | -1) {
      tally.voters += sign;
      for (const id of picked(answer)) tally.counts[id] = (tally.counts[id] ?? 0) + sign;
    },
    view: () => ({ ...tally, counts: { ...tally.counts } }),
  };
}

/** Voters, then votes per option (by label). */
export const choiceRows = (options: readonly Option[], tally: ChoiceTally): SummaryRow[] => [
  ['voters', '', tally.voters],
  ...Object.entries(tally.counts).map(([id, n]): SummaryRow => ['votes', labelOf(options, id), n]),
];
