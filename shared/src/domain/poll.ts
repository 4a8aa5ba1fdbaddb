import { fail, ok, type Result } from '../protocol/errors';
import { LIMITS } from '../schemas/common';
import type { Poll, PollDraft, Question } from '../schemas/poll';
import { checkQuiz, normalizeQuestion } from './draft-rules';

/** What the domain needs from the outside world: the time and fresh ids, passed in so rules stay pure. */
export interface DomainContext {
  now: number;
  newId: () => string;
}

/** Checks the rules a schema cannot express and gives every question and option an id. */
export function normalizeDraft(
  draft: PollDraft,
  newId: () => string,
): Result<Pick<Poll, 'title' | 'questions' | 'settings'>> {
  const questionIds = new Set<string>();
  const questions: Question[] = [];
  for (const [qi, q] of draft.questions.entries()) {
    const id = q.id ?? newId();
    if (questionIds.has(id)) return fail('INVALID', `question ids must be unique (${id})`, `questions.${qi}.id`);
    questionIds.add(id);
    const question = normalizeQuestion(q, qi, id, newId);
    if (!question.ok) return question;
    questions.push(question.data);
  }
  const quiz = checkQuiz(draft, questions);
  if (!quiz.ok) return quiz;
  return ok({ title: draft.title || titleFromPrompt(questions[0]!.prompt), questions, settings: draft.settings });
}

/**
 * The title of a poll the host left untitled: its first question, cut at a word to fit LIMITS.titleMax.
 * Slido and Mentimeter ask for the question only; a required title was a step before every launch.
 */
export function titleFromPrompt(prompt: string): string {
  if (prompt.length <= LIMITS.titleMax) return prompt;
  const cut = prompt.slice(0, LIMITS.titleMax - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > LIMITS.titleMax / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** A new draft poll in a meeting. */
export function createPoll(draft: PollDraft, meetingId: string, ctx: DomainContext): Result<Poll> {
  const body = normalizeDraft(draft, ctx.newId);
  if (!body.ok) return body;
  return ok({
    id: ctx.newId(),
    meetingId,
    ...body.data,
    status: 'draft',
    run: 0,
    resultsShared: false,
    createdAt: ctx.now,
    openedAt: null,
    closedAt: null,
    closesAt: null,
  });
}

/** Replaces a draft's content. Launched polls keep their questions so earlier runs stay meaningful. */
export function editPoll(poll: Poll, draft: PollDraft, ctx: DomainContext): Result<Poll> {
  if (poll.status !== 'draft') return fail('INVALID', 'only a draft can be edited; duplicate the poll to change it');
  const body = normalizeDraft(draft, ctx.newId);
  if (!body.ok) return body;
  return ok({ ...poll, ...body.data });
}

/** Launches a draft, or relaunches a closed poll as a new run (earlier runs keep their ballots). */
export function openPoll(poll: Poll, now: number): Result<Poll> {
  if (poll.status === 'open') return fail('INVALID', 'the poll is already open');
  const closeAfter = poll.settings.closeAfterSec;
  return ok({
    ...poll,
    status: 'open',
    run: poll.run + 1,
    resultsShared: false,
    openedAt: now,
    closedAt: null,
    closesAt: closeAfter === null ? null : now + closeAfter * 1000,
  });
}

/** Ends the current run; its tally is frozen from here on. */
export function closePoll(poll: Poll, now: number): Result<Poll> {
  if (poll.status !== 'open')
    return fail('INVALID', poll.status === 'draft' ? 'a draft cannot be closed' : 'the poll is already closed');
  return ok({ ...poll, status: 'closed', closedAt: now, closesAt: null });
}

/** Reveals results to participants (for `host_only` and `after_close` polls). Needs a launched poll. */
export function shareResults(poll: Poll): Result<Poll> {
  if (poll.status === 'draft') return fail('INVALID', 'a draft has no results to share');
  return ok({ ...poll, resultsShared: true });
}

/** Takes a share back: participants see what the poll's own visibility allows again (turnout only until then). */
export function unshareResults(poll: Poll): Result<Poll> {
  if (!poll.resultsShared) return fail('INVALID', 'the results are not shared');
  return ok({ ...poll, resultsShared: false });
}

/** A deadline timer may fire a hair early on another clock; this much early still counts as due. */
const DEADLINE_SLACK_MS = 50;

/**
 * The deadline timer's close: only when the deadline, as it stands now, is due. A host may have
 * extended or stopped the timer after the timer was set.
 */
export function closeAtDeadline(poll: Poll, now: number): Result<Poll> {
  if (poll.status !== 'open' || poll.closesAt === null || now < poll.closesAt - DEADLINE_SLACK_MS)
    return fail('INVALID', 'the deadline is not due');
  return closePoll(poll, now);
}

/** True when the server should close the run now because its deadline passed. */
export const isPastDeadline = (poll: Poll, now: number): boolean =>
  poll.status === 'open' && poll.closesAt !== null && now >= poll.closesAt;

/** Longest a deadline may be from now: the limit a poll's own time limit has. */
const MAX_DEADLINE_MS = LIMITS.closeAfterSecMax * 1000;

/**
 * `poll:extend`: moves an open poll's deadline `seconds` later, or starts a countdown of `seconds`
 * from now when it has none (or the deadline already passed but the close has not landed yet).
 */
export function extendDeadline(poll: Poll, seconds: number, now: number): Result<Poll> {
  if (poll.status !== 'open') return fail('INVALID', 'only an open poll has a timer', 'pollId');
  const from = poll.closesAt === null ? now : Math.max(poll.closesAt, now);
  const closesAt = from + seconds * 1000;
  if (closesAt - now > MAX_DEADLINE_MS)
    return fail('INVALID', `a poll can run at most ${LIMITS.closeAfterSecMax / 3600} hours from now`, 'seconds');
  return ok({ ...poll, closesAt });
}

/** `poll:stop-timer`: removes an open poll's deadline; the host closes it by hand. */
export function stopTimer(poll: Poll): Result<Poll> {
  if (poll.status !== 'open') return fail('INVALID', 'only an open poll has a timer', 'pollId');
  if (poll.closesAt === null) return fail('INVALID', 'this poll has no timer running', 'pollId');
  return ok({ ...poll, closesAt: null });
}
