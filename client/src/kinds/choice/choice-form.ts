import type { PollDraftInput } from '@quorum/shared';

export interface OptionForm {
  key: string;
  id?: string;
  label: string;
  /** Quiz: picking this option is (part of) the correct answer. */
  correct: boolean;
}

/** The form single choice, multiple choice and rank order share: switching between them keeps the options. */
export interface ChoiceForm {
  options: OptionForm[];
  /** Multiple choice only; kept while the host tries the other kinds. */
  minPicks: number;
  maxPicks: number;
}

let counter = 0;
/** A React key for a new row; it doubles as the id of a new quiz option (ids are otherwise the server's). */
export const newKey = (): string => `k${++counter}`;

export const blankOption = (label = ''): OptionForm => ({ key: newKey(), label, correct: false });

export const withId = <T extends object>(value: T, id: string | undefined): T & { id?: string } =>
  id === undefined ? value : { ...value, id };

export const blankChoiceForm = (): ChoiceForm => ({
  options: [blankOption(), blankOption()],
  minPicks: 1,
  maxPicks: 2,
});

type ChoiceDraft = Extract<PollDraftInput['questions'][number], { kind: 'single' | 'multiple' | 'rank' }>;

/** A stored choice or rank question's options as the form edits them, ids kept so edits update in place. */
export function choiceFormFrom(draft: ChoiceDraft): ChoiceForm {
  const correct = new Set('correctOptionIds' in draft ? (draft.correctOptionIds ?? []) : []);
  const options = draft.options.map((o) =>
    withId({ key: newKey(), label: o.label, correct: o.id !== undefined && correct.has(o.id) }, o.id),
  );
  const picks =
    draft.kind === 'multiple' ? { minPicks: draft.minPicks ?? 1, maxPicks: draft.maxPicks ?? options.length } : {};
  return { ...blankChoiceForm(), options, ...picks };
}

/** Options for the draft; in a quiz with correct answers marked, new options take their key as id so answers can name them. */
export function choiceDraftFields(form: ChoiceForm, quiz: boolean) {
  const scored = quiz && form.options.some((o) => o.correct);
  const options = form.options.map((o) => withId({ label: o.label }, scored ? (o.id ?? o.key) : o.id));
  const correctOptionIds = form.options.filter((o) => o.correct).map((o) => o.id ?? o.key);
  return { options, ...(scored ? { correctOptionIds } : {}) };
}
