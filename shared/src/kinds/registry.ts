import { z } from 'zod';
import { fail, type Result } from '../protocol/errors';
import type { AnswerRules, CountedBallot, DraftPlace, KindCounter, KindDef, SummaryRow } from './kind-def';
import { multipleKind } from './multiple';
import { numberKind } from './number';
import { rankKind } from './rank';
import { ratingKind } from './rating';
import { singleKind } from './single';
import { textKind } from './text';

/** Every question kind, once. A new kind is its module and one entry here. */
const KIND_LIST = [singleKind, multipleKind, ratingKind, rankKind, textKind, numberKind] as const;

type KindList = typeof KIND_LIST;
type AnyKind = KindList[number];
export type QuestionKind = AnyKind['kind'];

/** The kinds by name. */
export const KINDS = Object.fromEntries(KIND_LIST.map((k) => [k.kind, k])) as { [D in AnyKind as D['kind']]: D };

type Part = keyof AnyKind['schemas'];
type SchemasOf<T extends readonly AnyKind[], P extends Part> = { [I in keyof T]: T[I]['schemas'][P] };
type Schemas<P extends Part> = SchemasOf<KindList, P>;
// `map` loses the tuple's element types; the mapped tuple type restores exactly what it built.
const schemasOf = <P extends Part>(part: P) => KIND_LIST.map((k) => k.schemas[part]) as unknown as Schemas<P>;

/** A question of any kind, as stored and sent. */
export const questionSchema = z.discriminatedUnion('kind', schemasOf('question'));
/** A question as a host writes it: ids may be omitted (the server assigns them). */
export const draftQuestionSchema = z.discriminatedUnion('kind', schemasOf('draft'));
/** An answer to one question; its `kind` must be the question's. */
export const answerSchema = z.discriminatedUnion('kind', schemasOf('answer'));
// Kinds may share a tally shape (single and multiple choice both count per option): list each once.
const tallies = [...new Set<unknown>(KIND_LIST.map((k) => k.schemas.tally))] as unknown as Schemas<'tally'>;
/** One question's running result. */
export const questionTallySchema = z.discriminatedUnion('kind', tallies);

type Question = z.infer<typeof questionSchema>;
type DraftQuestion = z.infer<typeof draftQuestionSchema>;
type Answer = z.infer<typeof answerSchema>;
type QuestionTally = z.infer<typeof questionTallySchema>;

// The compile-time check that every kind's module is a complete KindDef for its own name.
KINDS satisfies { [K in QuestionKind]: KindDef<K> };

/** A kind's rules for questions, answers and tallies of any kind: the one place a lookup is narrowed. */
export interface KindRules {
  normalize(draft: DraftQuestion, at: DraftPlace): Result<Question>;
  validateAnswer(question: Question, answer: Answer, rules: AnswerRules): Result<Answer>;
  counter(question: Question): KindCounter<Answer, QuestionTally>;
  describeAnswer(question: Question, answer: Answer): string;
  summaryRows(question: Question, tally: QuestionTally): SummaryRow[];
  scores(question: Question): boolean;
  isCorrect(question: Question, answer: Answer): boolean;
}

// Each kind's functions take only their own kind; a registry lookup by a value's `kind` cannot tell
// TypeScript so. `erase` wraps each def once, checking the answer's kind where it can differ.
interface ErasedDef {
  kind: string;
  normalize(draft: unknown, at: DraftPlace): unknown;
  validateAnswer(question: unknown, answer: unknown, rules: AnswerRules): unknown;
  counter(question: unknown): KindCounter<unknown, unknown>;
  describeAnswer(question: unknown, answer: unknown): string;
  summaryRows(question: unknown, tally: unknown): SummaryRow[];
  quiz?: { scores(question: unknown): boolean; isCorrect(question: unknown, answer: unknown): boolean };
}
function erase(def: ErasedDef): KindRules {
  const own = <T extends { kind: string }>(value: T) => value.kind === def.kind;
  return {
    normalize: (draft, at) => def.normalize(draft, at) as Result<Question>,
    validateAnswer: (question, answer, rules) =>
      own(answer)
        ? (def.validateAnswer(question, answer, rules) as Result<Answer>)
        : fail('INVALID', `this question takes a ${question.kind} answer`, 'answer.kind'),
    counter(question) {
      const counter = def.counter(question);
      return {
        add: (ballot: CountedBallot<Answer>, sign) => void (own(ballot.answer) && counter.add(ballot, sign)),
        view: () => counter.view() as QuestionTally,
      };
    },
    describeAnswer: (question, answer) => (own(answer) ? def.describeAnswer(question, answer) : ''),
    summaryRows: (question, tally) => def.summaryRows(question, tally),
    scores: (question) => def.quiz?.scores(question) ?? false,
    isCorrect: (question, answer) => own(answer) && (def.quiz?.isCorrect(question, answer) ?? false),
  };
}

const RULES = Object.fromEntries(KIND_LIST.map((k) => [k.kind, erase(k as unknown as ErasedDef)])) as Record<
  QuestionKind,
  KindRules
>;

/** The rules of a question's kind. */
export const kindRules = (kind: QuestionKind): KindRules => RULES[kind];

/** Every kind's example question, in registry order (tests, docs). */
export const kindExamples = (): Question[] => KIND_LIST.map((k) => k.example as Question);

/** The running count of one question of any kind (tally.ts, room-tally.ts). */
export type QuestionCounter = KindCounter<Answer, QuestionTally>;

/** A fresh counter for a question. */
export const counterFor = (question: Question): QuestionCounter => kindRules(question.kind).counter(question);

// Read off each kind's own counter, so the pairing is never written twice.
const TALLY_KINDS = Object.fromEntries(kindExamples().map((q) => [q.kind, counterFor(q).view().kind])) as Record<
  QuestionKind,
  QuestionTally['kind']
>;

/** The kind of tally a question kind is counted in (single and multiple choice share 'choice'). */
export const tallyKindOf = (kind: QuestionKind): QuestionTally['kind'] => TALLY_KINDS[kind];
