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
