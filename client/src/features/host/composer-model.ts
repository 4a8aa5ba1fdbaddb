import {
  normalizeDraft,
  parseInput,
  pollDraftSchema,
  type PollDraftInput,
  type ResultsVisibility,
} from '@quorum/shared';
import { translator, type MessageId } from '../../i18n';
import { isQuiz } from './kind-settings';
import { blankQuestion, newKey, questionFromDraft, questionToDraft, type QuestionForm } from './question-form';

export { blankOption, blankQuestion, newKey, type OptionForm, type QuestionForm } from './question-form';

export interface PollForm {
  title: string;
  questions: QuestionForm[];
  anonymous: boolean;
  resultsVisibility: ResultsVisibility;
  allowAnswerChange: boolean;
  /** Seconds as typed; empty means the host closes the poll. */
  closeAfterSec: string;
  profanityFilter: boolean;
  /** The host's own blocked words, separated by spaces or commas. */
  blockedWords: string;
  /** A quiz scores choice questions that have correct answers marked. */
  quiz: boolean;
  quizPoints: string;
  quizSpeedBonus: string;
  /** Seconds as typed; empty means the poll's time limit (or 30 s). */
  quizSpeedWindowSec: string;
}

export const blankForm = (): PollForm => ({
  title: '',
  questions: [blankQuestion()],
  anonymous: false,
  resultsVisibility: 'live',
  allowAnswerChange: true,
  closeAfterSec: '',
  profanityFilter: true,
  blockedWords: '',
  quiz: false,
  quizPoints: '500',
  quizSpeedBonus: '500',
  quizSpeedWindowSec: '',
});

const optionalSeconds = (value: number | null | undefined): string => (value == null ? '' : String(value));
const secondsOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** Loads a stored draft (or a poll's content) into the form, keeping ids so edits update in place. */
export function formFromDraft(draft: PollDraftInput): PollForm {
  const s = draft.settings ?? {};
  const blank = blankForm();
  return {
    title: draft.title,
    questions: draft.questions.map(questionFromDraft),
    anonymous: s.anonymous ?? false,
    resultsVisibility: s.resultsVisibility ?? 'live',
    allowAnswerChange: s.allowAnswerChange ?? true,
    closeAfterSec: optionalSeconds(s.closeAfterSec),
    profanityFilter: s.profanityFilter !== false,
    blockedWords: (s.blockedWords ?? []).join(', '),
    quiz: s.quiz !== undefined,
    quizPoints: s.quiz?.points === undefined ? blank.quizPoints : String(s.quiz.points),
    quizSpeedBonus: s.quiz?.speedBonus === undefined ? blank.quizSpeedBonus : String(s.quiz.speedBonus),
    quizSpeedWindowSec: optionalSeconds(s.quiz?.speedWindowSec),
  };
}

/** The settings as the protocol's draft: the filter and quiz only where they differ from "absent" (quiz also when hidden). */
function settingsFromForm(form: PollForm): NonNullable<PollDraftInput['settings']> {
  const words = form.blockedWords.split(/[\s,;]+/).filter(Boolean);
  const count = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  return {
    anonymous: form.anonymous,
    resultsVisibility: form.resultsVisibility,
    allowAnswerChange: form.allowAnswerChange,
    closeAfterSec: secondsOrNull(form.closeAfterSec),
    ...(form.profanityFilter ? {} : { profanityFilter: false }),
    ...(words.length > 0 ? { blockedWords: words } : {}),
    ...(isQuiz(form)
      ? {
          quiz: {
            points: count(form.quizPoints),
            speedBonus: count(form.quizSpeedBonus),
            speedWindowSec: secondsOrNull(form.quizSpeedWindowSec),
          },
        }
      : {}),
  };
}

/** The form as the protocol's draft: only each question's current kind's fields. */
export function draftFromForm(form: PollForm): PollDraftInput {
  return {
    title: form.title,
    questions: form.questions.map((q) => questionToDraft(q, isQuiz(form))),
    settings: settingsFromForm(form),
  };
}

/** The words a field path is shown as; numbered parts ("questions.1") come out as "Question 2". */
const FIELD_NAMES = new Map(
  Object.entries<MessageId>({
    title: 'field.title',
    closeAfterSec: 'field.closeAfterSec',
    correctOptionIds: 'field.correctOptionIds',
    minPicks: 'field.minPicks',
    maxPicks: 'field.maxPicks',
    min: 'field.min',
    max: 'field.max',
    step: 'field.step',
    unit: 'field.unit',
    prompt: 'field.prompt',
    blockedWords: 'field.blockedWords',
    quiz: 'field.quiz',
    points: 'field.points',
    speedBonus: 'field.speedBonus',
    speedWindowSec: 'field.speedWindowSec',
  }),
);

/** "questions.1.options.0.label" → "Question 2, option 1" so errors point at what the host sees. */
export function describeField(field: string | undefined): string {
  if (!field) return '';
  const t = translator();
  const parts = field.split('.');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const index = Number(parts[i + 1]);
    if (part === 'questions' && Number.isInteger(index)) names.push(t('field.question', { n: index + 1 }));
    else if (part === 'options' && Number.isInteger(index)) names.push(t('field.option', { n: index + 1 }));
    else if (part === 'options') names.push(t('field.options'));
    else if (FIELD_NAMES.has(part)) names.push(t(FIELD_NAMES.get(part)!));
  }
  return names.join(t('field.separator'));
}

/** A problem in the form: the words for the host, and the field path at fault where the rules name one. */
export interface FormFault {
  message: string;
  field?: string | undefined;
}

/** Checks the form with the shared schema and domain rules; returns the first problem, or null. */
export function formFault(form: PollForm): FormFault | null {
  const parsed = parseInput(pollDraftSchema, draftFromForm(form));
  const result = parsed.ok ? normalizeDraft(parsed.data, newKey) : parsed;
  if (result.ok) return null;
  const { field } = result.error;
  const where = describeField(field);
  // Zod messages lead with the path; drop it when we name the place ourselves.
  const detail = result.error.message.replace(/^[\w.]+: /, '');
  const t = translator();
  // The commonest slip, an empty field, in the host's language; rarer rules keep the schema's own words.
  if (where && /expected string to have >=1 characters/.test(detail))
    return { field, message: t('composer.emptyField', { where }) };
  return { field, message: where ? t('common.titledDetail', { title: where, detail }) : detail };
}

/** The first problem in the form as readable words, or null. */
export const formProblem = (form: PollForm): string | null => formFault(form)?.message ?? null;
