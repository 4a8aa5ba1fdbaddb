import { useMeetingState } from '../../app-context';
import { PollCard } from '../../components/poll-card';
import { currentTally, sortedPolls } from '../../realtime/meeting-state';
import { PollResults } from '../results/poll-results';
import { MyQuizScore } from './my-quiz-score';
import { PollBallot } from './poll-ballot';

/** What a participant sees: launched polls with a ballot while open, and results as the poll allows. */
export function ParticipantView() {
  const state = useMeetingState();
  const role = state.session?.role ?? 'participant';
  const polls = sortedPolls(state).filter((p) => p.status !== 'draft');
  if (polls.length === 0) {
    return <p className="empty">No polls yet. When the host launches one, it appears here.</p>;
  }
  return (
    <div className="poll-list">
      {polls.map((poll) => (
        <PollCard key={poll.id} poll={poll} clockOffsetMs={state.clockOffsetMs}>
          {/* A relaunch is a fresh ballot: the key resets what was being filled in. */}
          <PollBallot key={`${poll.id}:${poll.run}`} poll={poll} />
          <PollResults poll={poll} tally={currentTally(state, poll)} role={role} />
          <MyQuizScore key={`score:${poll.id}:${poll.run}:${poll.status}`} poll={poll} role={role} />
        </PollCard>
      ))}
    </div>
  );
}
