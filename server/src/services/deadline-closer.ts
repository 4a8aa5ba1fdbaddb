import type { Poll } from '@quorum/shared';
import type { Lease } from '../cluster/lease';
import type { PollDeadlines } from './poll-deadlines';
import type { PollService } from './poll-service';
import type { PollState } from './poll-state';

export interface DeadlineCloserDeps {
  polls: Pick<PollService, 'refreshPoll' | 'closeAtDeadline'>;
  state: PollState;
  /** The deadlines this closer serves, to re-arm a poll whose deadline moved meanwhile. */
  deadlines: () => PollDeadlines;
  lease: Lease;
}

/** How long the process that closes a poll at its deadline holds the right to (others stand by). */
const CLOSE_LEASE_MS = 30_000;
/** How soon a process that lost the lease (or could not ask) looks again whether the poll closed. */
const RECHECK_MS = 2_000;

/**
 * The deadline timer's action. Every process that knows an open poll times its deadline; the lease
 * on (poll, run, deadline) lets exactly one of them close it. The others look again a little later,
 * so a winner that died before closing is replaced once its lease runs out. The close itself stays
 * idempotent (a closed poll cannot close twice), so a lease lost to a long pause cannot double it.
 */
export function deadlineCloser({ polls, state, deadlines, lease }: DeadlineCloserDeps) {
  const recheck = (poll: Poll) => {
    const timer = setTimeout(() => {
      polls
        .refreshPoll(poll.id)
        .then((current) => current && deadlines().watch(current))
        .catch(() => recheck(poll)); // the database is down: keep looking
    }, RECHECK_MS);
    timer.unref();
  };
  return async (poll: Poll): Promise<void> => {
    const release = await lease.take(`close:${poll.id}:${poll.run}:${poll.closesAt}`, CLOSE_LEASE_MS);
    if (!release) return recheck(poll);
    const closed = await polls.closeAtDeadline(poll.id, poll.meetingId).catch(async () => {
      await release(); // failed (database down): let whoever looks next try
      recheck(poll);
      return undefined;
    });
    if (!closed) return;
    // Not due after all (moved or stopped meanwhile): wait for the deadline as it stands now.
    const current = state.cached(poll.id);
    if (!closed.ok && current) deadlines().watch(current);
  };
}
