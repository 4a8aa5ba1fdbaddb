import type { z } from 'zod';
import type { Result } from '../protocol/errors';

/** What a poll's settings add to answer checking: the profanity filter for open text. */
export interface AnswerRules {
  maskProfanity?: boolean;
  blockedWords?: readonly string[];
}

/** A ballot as a counter sees it: just the answer, its voter and whether a host hid it. */
export interface CountedBallot<A> {
  answer: A;
  hidden?: boolean;
  ballotId: string;
  castAt: number;
}

/**
 * The running count of one question: `add` applies (sign 1) or takes back (sign -1) one ballot in
 * O(answer size); `view` is a fresh, self-contained tally to send.
 */
export interface KindCounter<A, T> {
  add(ballot: CountedBallot<A>, sign: 1 | -1): void;
  view(): T;
}

/** Where a draft question sits in its poll: its index (for error fields), its id, and how to make ids. */
export interface DraftPlace {
  index: number;
  id: string;
  newId: () => string;
}

/** One number a results view shows, as the summary export lists it: (measure, item, value). */
export type SummaryRow = [measure: string, item: string, value: string | number];

/** A schema of one kind's question, draft or answer: an object whose `kind` is the kind's name. */
export type KindSchema<K extends string = string> = z.ZodType<{ kind: K }> & z.core.$ZodTypeDiscriminable;
/** A tally schema (kinds may share one: single and multiple choice both count per option). */
export type TallySchema = z.ZodType<{ kind: string }> & z.core.$ZodTypeDiscriminable;

/**
 * Everything Quorum knows about one question kind, in one module (`shared/src/kinds/<kind>.ts`): its
 * schemas, the rules a schema cannot express, how it is counted, exported and (for quizzes) scored.
 * The registry (`registry.ts`) lists every kind once; the unions of questions, drafts, answers and
 * tallies are built from it, so adding a kind touches its module and that one line.
 */
export interface KindDef<
  K extends string = string,
  QS extends KindSchema<K> = KindSchema<K>,
  DS extends KindSchema<K> = KindSchema<K>,
  AS extends KindSchema<K> = KindSchema<K>,
  TS extends TallySchema = TallySchema,
> {
  kind: K;
  /** The stored question, what a host writes (ids may be omitted), one answer, and its tally. */
  schemas: { question: QS; draft: DS; answer: AS; tally: TS };
  /** Fills in ids and checks the cross-field rules of a draft (field names as `questions.<index>.…`). */
  normalize(draft: z.output<DS>, at: DraftPlace): Result<z.output<QS>>;
  /** Checks an answer against its question; returns the canonical answer (e.g. picks in option order). */
  validateAnswer(question: z.output<QS>, answer: z.output<AS>, rules: AnswerRules): Result<z.output<AS>>;
  counter(question: z.output<QS>): KindCounter<z.output<AS>, z.output<TS>>;
  /** An answer as one CSV cell (option labels, not ids). */
  describeAnswer(question: z.output<QS>, answer: z.output<AS>): string;
  /** A question's results as summary rows, one measure per kind of number its view shows. */
  summaryRows(question: z.output<QS>, tally: z.output<TS>): SummaryRow[];
  /** Quizzes: whether the question scores, and whether an answer is correct. Absent: never scores. */
  quiz?: { scores(question: z.output<QS>): boolean; isCorrect(question: z.output<QS>, answer: z.output<AS>): boolean };
  /** A complete question of this kind, for tests, docs and the composer's first draft. */
  example: z.output<QS>;
}

/** Declares a kind with its types inferred from its schemas (see the kind modules). */
export const defineKind = <
  K extends string,
  QS extends KindSchema<K>,
  DS extends KindSchema<K>,
  AS extends KindSchema<K>,
  TS extends TallySchema,
>(
  def: KindDef<K, QS, DS, AS, TS>,
): KindDef<K, QS, DS, AS, TS> => def;
