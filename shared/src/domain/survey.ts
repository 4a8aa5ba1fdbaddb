import { fail, ok, type AppError, type Result } from '../protocol/errors';
import type { Ballot, SubmitBallots } from '../schemas/ballot';
import type { Poll, Question } from '../schemas/poll';
import { answerRules } from './answer-rules';
import { checkOpen, makeBallot, validateAnswer } from './ballot';
import type { DomainContext } from './poll';

/** Survey questions are required unless the host marked them optional. */
export const isRequired = (q: Pick<Question, 'required'>): boolean => q.required !== false;

/** Moves an answer's error under `answers.<i>` so the client can point at the question. */
const under = (i: number, error: AppError): { ok: false; error: AppError } =>
  fail(error.code, error.message, `answers.${i}.${error.field ?? 'answer'}`);

/**
 * Turns a survey submission into one ballot per answer, or one error for the whole submission:
 * each answer must be valid, each question answered at most once, every required question answered.
 * The ballots share the submission's `clientBallotId`, so a re-sent submission is a duplicate.
 */
export function submitBallots(poll: Poll, voterId: string, input: SubmitBallots, ctx: DomainContext): Result<Ballot[]> {
  const open = checkOpen(poll, ctx.now);
  if (!open.ok) return open;
  const questions = new Map(poll.questions.map((q) => [q.id, q]));
  const rules = answerRules(poll.settings);
  const ballots: Ballot[] = [];
  for (const [i, { questionId, answer }] of input.answers.entries()) {
    const question = questions.get(questionId);
    if (!question) return fail('INVALID', 'no such question in this poll', `answers.${i}.questionId`);
    if (ballots.some((b) => b.questionId === questionId))
      return fail('INVALID', 'this question was answered twice', `answers.${i}.questionId`);
    const checked = validateAnswer(question, answer, rules);
    if (!checked.ok) return under(i, checked.error);
    ballots.push(makeBallot(poll, voterId, questionId, checked.data, input.clientBallotId, ctx));
  }
  const missing = poll.questions.find((q) => isRequired(q) && !ballots.some((b) => b.questionId === q.id));
  if (missing) return fail('INVALID', `answer the required question "${missing.prompt}"`, 'answers');
  return ok(ballots);
}
