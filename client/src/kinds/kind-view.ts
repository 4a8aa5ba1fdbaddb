import type { ComponentType } from 'react';
import type { Answer, KINDS, PollDraftInput, QuestionKind, QuestionOf } from '@quorum/shared';
import type { MessageId, Translate } from '../i18n';
import type { Moderate } from './text/text-results';

/** A draft question of one kind, as the protocol carries it. */
export type DraftOf<K extends QuestionKind> = Extract<PollDraftInput['questions'][number], { kind: K }>;
/** One kind's tally, as its shared counter builds it. */
export type TallyOf<K extends QuestionKind> = ReturnType<ReturnType<(typeof KINDS)[K]['counter']>['view']>;
/** What a kind adds to a draft question beyond its kind, id, prompt and required. */
export type KindDraftFields<K extends QuestionKind> = Omit<DraftOf<K>, 'id' | 'prompt' | 'required' | 'kind'>;

/** The kind-specific part of the composer's editor for one question. */
export interface KindEditorProps<F> {
  /** The question's place in the poll (labels say "Question 2, option 1"). */
  index: number;
  form: F;
  onChange: (form: F) => void;
  /** Quiz polls let the host mark the correct options of choice questions. */
  quiz: boolean;
}

/** The kind-specific input of one ballot question; the shared fieldset around it gives prompt, hint and error. */
export interface KindInputProps<K extends QuestionKind> {
  question: QuestionOf<K>;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  /** A name unique to this question (radio groups). */
  name: string;
  /** The legend's id, which names free-form fields; the ids of the hint and error that describe them. */
  labelledBy: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

/** One question's results, drawn for its kind. */
export interface KindResultsProps<K extends QuestionKind> {
  question: QuestionOf<K>;
  tally: TallyOf<K> | undefined;
  /** Quiz answers are marked (and rank places final) once the run is over. */
  revealCorrect: boolean;
  moderate?: Moderate | undefined;
}

/**
 * How the composer edits a kind. `slot` names the stash the form is kept in, so kinds that edit the same
 * thing (single, multiple and rank all edit a list of options) share one and switching between them keeps
 * what was typed; switching to another slot and back loses nothing either.
 */
export interface KindFormDef<K extends QuestionKind, F> {
  slot: string;
  blank(): F;
  fromDraft(draft: DraftOf<K>): F;
  toDraft(form: F, quiz: boolean): KindDraftFields<K>;
}

/** Everything the client draws for one question kind; `registry.ts` lists one per kind. */
export interface KindView<K extends QuestionKind, F = unknown> {
  kind: K;
  label: MessageId;
  form: KindFormDef<K, F>;
  Editor: ComponentType<KindEditorProps<F>>;
  Input: ComponentType<KindInputProps<K>>;
  Results: ComponentType<KindResultsProps<K>>;
  /** The answer a fresh ballot starts with (multiple choice: no picks); absent: unanswered. */
  blankAnswer?: (question: QuestionOf<K>) => Answer;
  /** True when a given answer says nothing (blank text, no picks). */
  isBlank?: (answer: Answer) => boolean;
  /** The hint under the prompt (how many to pick, the range), or null. */
  hint?: (question: QuestionOf<K>, t: Translate) => string | null;
  /** What a required question left blank asks for, and why a given answer does not fit, in the kind's words. */
  blankMessage: (question: QuestionOf<K>, t: Translate) => string;
  invalidMessage: (question: QuestionOf<K>, t: Translate) => string;
  /** Labels and scores, in the question's order, for "Leading: …" (kinds without a leader: absent). */
  scored?: (question: QuestionOf<K>, tally: TallyOf<K>) => { label: string; count: number }[];
  /** The scores are points (rank order's Borda count), not votes. */
  scoresArePoints?: true;
  /** A kind summed up by another figure than a leader (numbers: "Median: 42 km"), or null for nothing yet. */
  figure?: (
    question: QuestionOf<K>,
    tally: TallyOf<K>,
    t: Translate,
    formatNumber: (n: number) => string,
  ) => string | null;
}

/**
 * The parts of a view typed by its kind, which the registry checks for every kind. (The form type is each
 * view's own: KindView is invariant in it, so no single type could stand for all of them.)
 */
export type KindTypedParts<K extends QuestionKind> = Pick<
  KindView<K>,
  'kind' | 'label' | 'Input' | 'Results' | 'blankMessage' | 'invalidMessage'
> & {
  form: Pick<KindFormDef<K, never>, 'slot'> & { fromDraft(draft: DraftOf<K>): unknown };
};

/** Declares a kind's view with its form type inferred. */
export const defineKindView = <K extends QuestionKind, F>(view: KindView<K, F>): KindView<K, F> => view;
