import type { PollDraftInput, QuestionKind, TextVariant } from '@quorum/shared';

type DraftQuestion = PollDraftInput['questions'][number];

export interface OptionForm {
  key: string;
  id?: string;
  label: string;
  /** Quiz: picking this option is (part of) the correct answer. */
  correct: boolean;
}

/** One question being edited. Every kind's fields are kept, so switching kind loses nothing. */
export interface QuestionForm {
  key: string;
  id?: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: OptionForm[];
  minPicks: number;
  maxPicks: number;
  min: 0 | 1;
  max: number;
  minLabel: string;
  maxLabel: string;
  variant: TextVariant;
  /** Number bounds as typed, so a half-typed "-" or "0." survives re-rendering. */
  numMin: string;
  numMax: string;
  numStep: string;
  unit: string;
}

let counter = 0;
/** A React key for a new row; it doubles as the id of a new quiz option (ids are otherwise the server's). */
export const newKey = (): string => `k${++counter}`;

export const blankOption = (label = ''): OptionForm => ({ key: newKey(), label, correct: false });

export const blankQuestion = (): QuestionForm => ({
  key: newKey(),
  kind: 'single',
  prompt: '',
  required: true,
  options: [blankOption(), blankOption()],
  minPicks: 1,
  maxPicks: 2,
  min: 1,
  max: 5,
  minLabel: '',
  maxLabel: '',
  variant: 'short',
  numMin: '0',
  numMax: '100',
  numStep: '1',
  unit: '',
});

const withId = <T extends object>(value: T, id: string | undefined): T & { id?: string } => (id === undefined ? value : { ...value, id });

/** A stored question (or a poll's) as the form edits it, ids kept so edits update in place. */
export function questionFromDraft(q: DraftQuestion): QuestionForm {
  const base = withId({ ...blankQuestion(), kind: q.kind, prompt: q.prompt, required: q.required !== false }, q.id);
  switch (q.kind) {
    case 'rating':
      return { ...base, min: q.min === 0 ? 0 : 1, max: q.max, minLabel: q.minLabel ?? '', maxLabel: q.maxLabel ?? '' };
    case 'text':
      return { ...base, variant: q.variant };
    case 'number':
      return { ...base, numMin: String(q.min), numMax: String(q.max), numStep: String(q.step), unit: q.unit ?? '' };
    default: {
      const correct = new Set('correctOptionIds' in q ? q.correctOptionIds : []);
      const options = q.options.map((o) => withId({ key: newKey(), label: o.label, correct: o.id !== undefined && correct.has(o.id) }, o.id));
      return q.kind === 'multiple' ? { ...base, options, minPicks: q.minPicks, maxPicks: q.maxPicks } : { ...base, options };
    }
  }
}

/** A typed number, or NaN for a blank field (the schema then names the field). */
const numeric = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** Choice options; in a quiz with correct answers marked, new options take their key as id so answers can name them. */
function choiceFields(q: QuestionForm, quiz: boolean) {
  const scored = quiz && q.options.some((o) => o.correct);
  const options = q.options.map((o) => withId({ label: o.label }, scored ? (o.id ?? o.key) : o.id));
  const correctOptionIds = q.options.filter((o) => o.correct).map((o) => o.id ?? o.key);
  return { options, ...(scored ? { correctOptionIds } : {}) };
}

/** The question as the protocol's draft: only the current kind's fields. */
export function questionToDraft(q: QuestionForm, quiz: boolean): DraftQuestion {
  const base = withId({ prompt: q.prompt, ...(q.required ? {} : { required: false }) }, q.id);
  switch (q.kind) {
    case 'rating':
      return { ...base, kind: 'rating', min: q.min, max: q.max, minLabel: q.minLabel, maxLabel: q.maxLabel };
    case 'text':
      return { ...base, kind: 'text', variant: q.variant };
    case 'number':
      return { ...base, kind: 'number', min: numeric(q.numMin), max: numeric(q.numMax), step: numeric(q.numStep), unit: q.unit };
    case 'rank':
      return { ...base, kind: 'rank', options: q.options.map((o) => withId({ label: o.label }, o.id)) };
    case 'single':
      return { ...base, kind: 'single', ...choiceFields(q, quiz) };
    case 'multiple':
      return { ...base, kind: 'multiple', ...choiceFields(q, quiz), minPicks: q.minPicks, maxPicks: q.maxPicks };
  }
}
