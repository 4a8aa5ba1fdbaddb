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

/**
 * A pasted list (one option per line, bullets and numbering dropped) written into the options from
 * row `at` on: the first line replaces that row's text, the rest become new rows after it, up to
 * `max` rows in all. Undefined when the text is a single line (an ordinary paste).
 */
export function pasteOptions(
  options: readonly OptionForm[],
  at: number,
  text: string,
  max: number,
): OptionForm[] | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•·]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
  if (lines.length < 2) return undefined;
  const [first, ...rest] = lines;
  const current = options[at];
  const replaced = current ? [{ ...current, label: first! }] : [blankOption(first)];
  const room = Math.max(0, max - options.length);
  return [
    ...options.slice(0, at),
    ...replaced,
    ...rest.slice(0, room).map((label) => blankOption(label)),
    ...options.slice(at + 1),
  ];
}
