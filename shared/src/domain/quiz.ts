import type { Answer, Ballot } from '../schemas/ballot';
import { kindRules } from '../kinds/registry';
import type { PollSettings, Question } from '../schemas/poll';

/** Without a time limit or an explicit window, the speed bonus runs out after this long. */
export const DEFAULT_SPEED_WINDOW_SEC = 30;

/** How a quiz scores: points for a correct answer, plus a bonus that decays over `windowMs`. */
export interface QuizRules {
  points: number;
  speedBonus: number;
  windowMs: number;
}

/** The scoring rules of a quiz poll; undefined when the poll is not a quiz. */
export function quizRules(settings: Pick<PollSettings, 'quiz' | 'closeAfterSec'>): QuizRules | undefined {
  const quiz = settings.quiz;
  if (!quiz) return undefined;
  const windowSec = quiz.speedWindowSec ?? settings.closeAfterSec ?? DEFAULT_SPEED_WINDOW_SEC;
  return { points: quiz.points, speedBonus: quiz.speedBonus, windowMs: windowSec * 1000 };
}

/** True when the question scores in a quiz (a kind with quiz rules, and its correct answers set). */
export const isScored = (q: Question): boolean => kindRules(q.kind).scores(q);

/** Whether an answer is correct by its question's kind (single choice: any correct option; multiple: exactly the set). */
export const isCorrect = (q: Question, answer: Answer): boolean => kindRules(q.kind).isCorrect(q, answer);

/**
 * The speed bonus after `elapsedMs`: full at 0, falling linearly to 0 at the end of the window.
 * A ballot without a measured time gets none.
 */
export function speedBonus(rules: QuizRules, elapsedMs: number | undefined): number {
  if (elapsedMs === undefined) return 0;
  const left = Math.min(1, Math.max(0, 1 - elapsedMs / rules.windowMs));
  return Math.round(rules.speedBonus * left);
}

/** What one ballot scores; undefined when its question does not score. */
export function scoreBallot(
  rules: QuizRules,
  q: Question,
  ballot: Ballot,
): { points: number; correct: boolean } | undefined {
  if (!isScored(q)) return undefined;
  const correct = isCorrect(q, ballot.answer);
  return { correct, points: correct ? rules.points + speedBonus(rules, ballot.elapsedMs) : 0 };
}

/**
 * How long the voter took: from when the question reached them (server send time plus half the
 * measured round trip) to when the server received the ballot. Never negative.
 */
export const elapsedSince = (reachedAt: number, receivedAt: number): number =>
  Math.max(0, Math.round(receivedAt - reachedAt));
