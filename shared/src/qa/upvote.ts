import { fail, ok, type Result } from '../protocol/errors';
import { qaWritable, type QaBoard, type QaQuestion } from './question';
import { visibleToParticipant } from './projection';

/**
 * May this voter (not) upvote this question? Another meeting's question, or one they cannot see, is
 * NOT_FOUND, as if it did not exist; a question no longer live (waiting, answered, dismissed, archived)
 * is QUESTION_LOCKED. One vote per voter is the store's constraint, not this rule's.
 */
export function upvoteAllowed(
  board: Pick<QaBoard, 'meetingId' | 'settings'>,
  question: QaQuestion | undefined,
  voterId: string,
): Result<QaQuestion> {
  if (!question || question.meetingId !== board.meetingId || !visibleToParticipant(question, voterId))
    return fail('NOT_FOUND', 'no such question in this meeting', 'questionId');
  const writable = qaWritable(board.settings);
  if (!writable.ok) return writable;
  if (question.status !== 'live')
    return fail('QUESTION_LOCKED', `this question is ${question.status} and takes no upvotes`, 'questionId');
  return ok(question);
}

/** The upvote set after a voter's wanted state: the same state again is the same set. */
export function applyUpvote(voters: ReadonlySet<string>, voterId: string, up: boolean): ReadonlySet<string> {
  if (voters.has(voterId) === up) return voters;
  const next = new Set(voters);
  if (up) next.add(voterId);
  else next.delete(voterId);
  return next;
}
