import { fail, ok, type Result } from '../protocol/errors';
import type { Answer, Ballot, CastBallot, Receipt } from '../schemas/ballot';
import type { Poll, Question } from '../schemas/poll';
import type { AnswerRules } from '../kinds/kind-def';
import { kindRules } from '../kinds/registry';
import { answerRules } from './answer-rules';
import { isPastDeadline, type DomainContext } from './poll';

/**
 * Checks that an answer fits its question (same kind, then the kind's own rules: known options, pick
 * counts, scale range, full ranking, text length, numeric grid). Returns the canonical answer (picks
 * in option order, trimmed text with profanity masked when `rules` ask for it).
 */
export function validateAnswer(question: Question, answer: Answer, rules: AnswerRules = {}): Result<Answer> {
  if (answer.kind !== question.kind)
    return fail('INVALID', `this question takes a ${question.kind} answer`, 'answer.kind');
  return kindRules(question.kind).validateAnswer(question, answer, rules);
}

/** A ballot for the poll's current run, once its answer passed `validateAnswer`. */
export function makeBallot(
  poll: Poll,
  voterId: string,
  questionId: string,
  answer: Answer,
  clientBallotId: string,
  ctx: DomainContext,
): Ballot {
  return {
    ballotId: ctx.newId(),
    pollId: poll.id,
    run: poll.run,
    questionId,
    clientBallotId,
    answer,
    castAt: ctx.now,
    voterId,
  };
}

/** POLL_CLOSED unless the poll takes ballots right now. */
export const checkOpen = (poll: Poll, now: number): Result<Poll> =>
  poll.status !== 'open' || isPastDeadline(poll, now)
    ? fail('POLL_CLOSED', 'this poll is not open for voting')
    : ok(poll);

/**
 * Turns a cast request into a ballot for the poll's current run, or says why it cannot count.
 * Whether the voter already voted is decided by the store atomically (see `resolveRecast`).
 */
export function castBallot(poll: Poll, voterId: string, input: CastBallot, ctx: DomainContext): Result<Ballot> {
  const open = checkOpen(poll, ctx.now);
  if (!open.ok) return open;
  const question = poll.questions.find((q) => q.id === input.questionId);
  if (!question) return fail('NOT_FOUND', 'no such question in this poll', 'questionId');
  const answer = validateAnswer(question, input.answer, answerRules(poll.settings));
  if (!answer.ok) return answer;
  return ok(makeBallot(poll, voterId, question.id, answer.data, input.clientBallotId, ctx));
}

/** What a cast does given the voter's existing ballot for the same question and run. */
export type RecastOutcome =
  | { kind: 'inserted'; ballot: Ballot }
  | { kind: 'replaced'; ballot: Ballot; previous: Ballot }
  | { kind: 'duplicate'; ballot: Ballot }
  | { kind: 'rejected'; existing: Ballot };

/**
 * The one-ballot rule: the same `clientBallotId` again is a no-op returning the stored ballot;
 * a different answer replaces the old one only where the poll allows changes.
 */
export function resolveRecast(
  existing: Ballot | undefined,
  incoming: Ballot,
  allowAnswerChange: boolean,
): RecastOutcome {
  if (!existing) return { kind: 'inserted', ballot: incoming };
  if (existing.clientBallotId === incoming.clientBallotId) return { kind: 'duplicate', ballot: existing };
  if (!allowAnswerChange) return { kind: 'rejected', existing };
  // Keep the ballot's identity stable so a replaced vote is still one row per voter; a host's hide
  // sticks to the row, so rewording an answer does not bring it back.
  const ballot = { ...incoming, ballotId: existing.ballotId, ...(existing.hidden ? { hidden: true } : {}) };
  return { kind: 'replaced', ballot, previous: existing };
}

/** The receipt a voter sees: the ballot without the voter id and the server's bookkeeping. */
export function toReceipt(ballot: Ballot): Receipt {
  const { voterId: _voterId, hidden: _hidden, elapsedMs: _elapsed, roomId: _room, ...receipt } = ballot;
  return receipt;
}
