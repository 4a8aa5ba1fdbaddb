import { useIntl } from 'react-intl';
import { canSeeResults, type Poll, type PollTally } from '@quorum/shared';
import { outcomeLine } from './results-summary';
import { currentTally, type MeetingState } from '../../realtime/meeting-state';
import type { Fold } from '../../components/poll-card';
import { useCollapsedPolls } from '../../components/use-collapsed-polls';

/** Each closed poll's fold (one line: turnout and winner, as this role's tally allows); undefined for the others. */
export function usePollFolds(state: MeetingState, polls: readonly Poll[]): (poll: Poll) => Fold | undefined {
  const intl = useIntl();
  const { isCollapsed, toggle } = useCollapsedPolls(polls);
  const role = state.session?.role ?? 'participant';
  // What this role may see decides the line, whatever a tally happens to carry: turnout alone otherwise.
  const seen = (poll: Poll): PollTally | undefined => {
    const tally = currentTally(state, poll);
    if (!tally || canSeeResults(poll, role)) return tally;
    return { pollId: tally.pollId, run: tally.run, version: tally.version, turnout: tally.turnout };
  };
  return (poll) =>
    poll.status === 'closed'
      ? {
          collapsed: isCollapsed(poll),
          toggle: () => toggle(poll.id),
          line: outcomeLine(intl, poll, seen(poll)),
        }
      : undefined;
}
