import { normalizeDraft, parseInput, pollDraftSchema, type PollDraftInput, type QuestionKind, type ResultsVisibility } from '@quorum/shared';

export interface OptionForm {
  key: string;
  id?: string;
  label: string;
}

/** One question being edited. Every kind's fields are kept, so switching kind loses nothing. */
export interface QuestionForm {
  key: string;
  id?: string;
  kind: QuestionKind;
  prompt: string;
  options: OptionForm[];
  minPicks: number;
  maxPicks: number;
  min: 0 | 1;
  max: number;
  minLabel: string;
  maxLabel: string;
}

export interface PollForm {
  title: string;
  questions: QuestionForm[];
  anonymous: boolean;
  resultsVisibility: ResultsVisibility;
  allowAnswerChange: boolean;
  /** Seconds as typed; empty means the host closes the poll. */
  closeAfterSec: string;
}

let counter = 0;
/** A React key for a new row (ids are the server's business). */
export const newKey = (): string => `k${++counter}`;

export const blankOption = (label = ''): OptionForm => ({ key: newKey(), label });

export const blankQuestion = (): QuestionForm => ({
  key: newKey(),
  kind: 'single',
  prompt: '',
  options: [blankOption(), blankOption()],
  minPicks: 1,
  maxPicks: 2,
  min: 1,
  max: 5,
  minLabel: '',
  maxLabel: '',
});

export const blankForm = (): PollForm => ({
  title: '',
  questions: [blankQuestion()],
  anonymous: false,
  resultsVisibility: 'live',
  allowAnswerChange: true,
  closeAfterSec: '',
});

const withId = <T extends object>(value: T, id: string | undefined): T & { id?: string } => (id === undefined ? value : { ...value, id });

/** Loads a stored draft (or a poll's content) into the form, keeping ids so edits update in place. */
export function formFromDraft(draft: PollDraftInput): PollForm {
  const questions = draft.questions.map((q): QuestionForm => {
    const base = withId({ ...blankQuestion(), kind: q.kind, prompt: q.prompt }, q.id);
    if (q.kind === 'rating') return { ...base, min: q.min === 0 ? 0 : 1, max: q.max, minLabel: q.minLabel ?? '', maxLabel: q.maxLabel ?? '' };
    // Kinds this composer does not edit yet (rank, text, number) keep their prompt only.
    const options = 'options' in q ? q.options.map((o) => withId({ key: newKey(), label: o.label }, o.id)) : [];
    return q.kind === 'multiple' ? { ...base, options, minPicks: q.minPicks, maxPicks: q.maxPicks } : { ...base, options };
  });
  const s = draft.settings ?? {};
  return {
    title: draft.title,
    questions,
    anonymous: s.anonymous ?? false,
    resultsVisibility: s.resultsVisibility ?? 'live',
    allowAnswerChange: s.allowAnswerChange ?? true,
    closeAfterSec: s.closeAfterSec == null ? '' : String(s.closeAfterSec),
  };
}

/** The form as the protocol's draft: only the current kind's fields. */
export function draftFromForm(form: PollForm): PollDraftInput {
  const questions = form.questions.map((q) => {
    const base = withId({ prompt: q.prompt }, q.id);
    if (q.kind === 'rating') return { ...base, kind: 'rating' as const, min: q.min, max: q.max, minLabel: q.minLabel, maxLabel: q.maxLabel };
    const options = q.options.map((o) => withId({ label: o.label }, o.id));
    return q.kind === 'single' ? { ...base, kind: 'single' as const, options } : { ...base, kind: 'multiple' as const, options, minPicks: q.minPicks, maxPicks: q.maxPicks };
  });
  const seconds = form.closeAfterSec.trim();
  return {
    title: form.title,
    questions,
    settings: {
      anonymous: form.anonymous,
      resultsVisibility: form.resultsVisibility,
      allowAnswerChange: form.allowAnswerChange,
      closeAfterSec: seconds === '' ? null : Number(seconds),
    },
  };
}

/** "questions.1.options.0.label" → "Question 2, option 1" so errors point at what the host sees. */
export function describeField(field: string | undefined): string {
  if (!field) return '';
  const parts = field.split('.');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const index = Number(parts[i + 1]);
    if (parts[i] === 'questions' && Number.isInteger(index)) names.push(`Question ${index + 1}`);
    else if (parts[i] === 'options' && Number.isInteger(index)) names.push(`option ${index + 1}`);
    else if (parts[i] === 'title') names.push('Title');
    else if (parts[i] === 'closeAfterSec') names.push('Close after');
  }
  return names.join(', ');
}

/** Checks the form with the shared schema and domain rules; returns a readable problem or null. */
export function formProblem(form: PollForm): string | null {
  const parsed = parseInput(pollDraftSchema, draftFromForm(form));
  const result = parsed.ok ? normalizeDraft(parsed.data, newKey) : parsed;
  if (result.ok) return null;
  const where = describeField(result.error.field);
  // Zod messages lead with the path; drop it when we name the place ourselves.
  const message = result.error.message.replace(/^[\w.]+: /, '');
  return where ? `${where}: ${message}` : message;
}
