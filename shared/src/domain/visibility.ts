import type { MeetingSettings } from '../schemas/meeting';
import type { Poll, Role } from '../schemas/poll';
import { isHostRole } from './roles';

/** Whether this role may see a poll at all: drafts are the hosts' business. */
export const canSeePoll = (poll: Poll, role: Role): boolean => isHostRole(role) || poll.status !== 'draft';

/**
 * Whether this role may see a poll's results (else turnout only): hosts always; others per the
 * poll's visibility — live, after close, or once the host shares them.
 */
export function canSeeResults(poll: Poll, role: Role): boolean {
  if (isHostRole(role) || poll.resultsShared) return true;
  switch (poll.settings.resultsVisibility) {
    case 'live':
      return true;
    case 'after_close':
      return poll.status === 'closed';
    case 'host_only':
      return false;
  }
}

/** Whether this role may see a quiz's standings: hosts live, others once the results are theirs and the poll closed. */
export const canSeeStandings = (poll: Poll, role: Role): boolean =>
  isHostRole(role) || (poll.status === 'closed' && canSeeResults(poll, role));

/**
 * The poll as this role may see it: quiz answers (`correctOptionIds`) are stripped for participants
 * until the poll closes, so no client can read them from its own memory. Returns the same object
 * when nothing needs stripping.
 */
export function pollForRole(poll: Poll, role: Role): Poll {
  if (isHostRole(role) || poll.status === 'closed') return poll;
  if (!poll.questions.some((q) => 'correctOptionIds' in q)) return poll;
  const questions = poll.questions.map((q) => {
    if (!('correctOptionIds' in q)) return q;
    const { correctOptionIds: _hidden, ...rest } = q;
    return rest;
  });
  return { ...poll, questions };
}

/**
 * Whether this role may create, edit, launch, close and moderate polls: the host always, co-hosts
 * unless the host restricted running polls to the host alone.
 */
export const mayRunPolls = (role: Role, settings: MeetingSettings): boolean =>
  role === 'host' || (role === 'cohost' && settings.coHostsMayRun);
