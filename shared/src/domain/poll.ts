import { fail, ok, type Result } from '../protocol/errors';
import type { Poll, PollDraft, Question } from '../schemas/poll';

/** What the domain needs from the outside world: the time and fresh ids, passed in so rules stay pure. */
export interface DomainContext {
  now: number;
  newId: () => string;
}

/** Checks the rules a schema cannot express and gives every question and option an id. */
export function normalizeDraft(draft: PollDraft, newId: () => string): Result<Pick<Poll, 'title' | 'questions' | 'settings'>> {
  const questionIds = new Set<string>();
  const questions: Question[] = [];
  for (const [qi, q] of draft.questions.entries()) {
    const id = q.id ?? newId();
    if (questionIds.has(id)) return fail('INVALID', `question ids must be unique (${id})`, `questions.${qi}.id`);
    questionIds.add(id);
    if (q.kind === 'rating') {
      if (q.max <= q.min) return fail('INVALID', 'the scale maximum must exceed its minimum', `questions.${qi}.max`);
      questions.push({ ...q, id });
      continue;
    }
    const optionIds = new Set<string>();
    const options = [];
    for (const [oi, o] of q.options.entries()) {
      const optionId = o.id ?? newId();
      if (optionIds.has(optionId)) return fail('INVALID', `option ids must be unique (${optionId})`, `questions.${qi}.options.${oi}.id`);
      optionIds.add(optionId);
      options.push({ id: optionId, label: o.label });
    }
    if (q.kind === 'single') {
      questions.push({ id, kind: 'single', prompt: q.prompt, options });
      continue;
    }
    if (q.minPicks > q.maxPicks) return fail('INVALID', 'minimum picks cannot exceed maximum picks', `questions.${qi}.minPicks`);
    if (q.maxPicks > options.length) return fail('INVALID', 'maximum picks cannot exceed the number of options', `questions.${qi}.maxPicks`);
    questions.push({ id, kind: 'multiple', prompt: q.prompt, options, minPicks: q.minPicks, maxPicks: q.maxPicks });
  }
  return ok({ title: draft.title, questions, settings: draft.settings });
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
  if (poll.status !== 'open') return fail('INVALID', poll.status === 'draft' ? 'a draft cannot be closed' : 'the poll is already closed');
  return ok({ ...poll, status: 'closed', closedAt: now, closesAt: null });
}

/** Reveals results to participants (for `host_only` and `after_close` polls). Needs a launched poll. */
export function shareResults(poll: Poll): Result<Poll> {
  if (poll.status === 'draft') return fail('INVALID', 'a draft has no results to share');
  return ok({ ...poll, resultsShared: true });
}

/** True when the server should close the run now because its deadline passed. */
export const isPastDeadline = (poll: Poll, now: number): boolean =>
  poll.status === 'open' && poll.closesAt !== null && now >= poll.closesAt;
