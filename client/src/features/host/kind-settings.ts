import { KINDS, type QuestionKind } from '@quorum/shared';
import type { PollForm } from './composer-model';

/** Whether questions of `kind` can be scored in a quiz (its shared rules say how). */
export const kindScores = (kind: QuestionKind): boolean => 'quiz' in KINDS[kind];

/** The profanity filter masks open-text answers: it matters only when the poll asks for one. */
export const hasOpenText = (form: Pick<PollForm, 'questions'>): boolean =>
  form.questions.some((q) => q.kind === 'text');

/** Quiz mode is offered only when some question could be scored (a single or multiple choice). */
export const mayBeQuiz = (form: Pick<PollForm, 'questions'>): boolean => form.questions.some((q) => kindScores(q.kind));

/** Whether the poll is a quiz: switched on, and still with a question that could score (else the switch is hidden). */
export const isQuiz = (form: Pick<PollForm, 'questions' | 'quiz'>): boolean => form.quiz && mayBeQuiz(form);

/**
 * The settings that change with the quiz switch. Switched on, results wait for the close and answers are
 * final, so the bars do not give the answer away and nobody copies it (Kahoot and Slido's quizzes do the
 * same); the host may still change either afterwards.
 */
export const quizSwitch = (quiz: boolean): Partial<PollForm> =>
  quiz ? { quiz, resultsVisibility: 'after_close', allowAnswerChange: false } : { quiz };
