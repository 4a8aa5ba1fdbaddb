import { useMeetingState } from '../../app-context';
import { EmptyState, WaitingDots } from '../../components/empty-state';
import { PollCard } from '../../components/poll-card';
import { useArrivals } from '../../components/use-focus-landing';
import { useT } from '../../i18n';
import { currentTally, sortedPolls } from '../../realtime/meeting-state';
import { PresentButton } from '../present/present-button';
import { ParticipantPanels } from '../qa/qa-panels';
import { GuestNote } from '../zoom-account/guest-note';
import { PollResults } from '../results/poll-results';
import { usePollFolds } from '../results/use-poll-folds';
import { MyQuizScore } from './my-quiz-score';
import { PollBallot } from './poll-ballot';

/** What a participant sees: Polls | Q&A once the host turned Q&A on, else the polls alone. */
export function ParticipantView() {
  return <ParticipantPanels polls={<ParticipantPolls />} />;
}

/** Launched polls with a ballot while open, and results as the poll allows. */
function ParticipantPolls() {
  const state = useMeetingState();
  const t = useT();
  const role = state.session?.role ?? 'participant';
  const polls = sortedPolls(state).filter((p) => p.status !== 'draft');
  // A poll launched while I am here takes focus only if focus was lost; otherwise it is announced.
  const arrived = useArrivals(polls.map((p) => p.id));
  const foldOf = usePollFolds(state, polls);
  if (polls.length === 0) {
    return (
      <>
        <GuestNote />
        <EmptyState icon={<WaitingDots />} title={t('empty.participant.title')} testId="empty-polls">
          <p>{t('vote.noPolls')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <div className="poll-list">
      <GuestNote />
      {polls.map((poll) => (
        <PollCard
          key={poll.id}
          poll={poll}
          clockOffsetMs={state.clockOffsetMs}
          arrived={arrived(poll.id)}
          showRun={false}
          showShared={false}
          fold={foldOf(poll)}
        >
          {/* A relaunch is a fresh ballot: the key resets what was being filled in. */}
          <PollBallot key={`${poll.id}:${poll.run}`} poll={poll} />
          <PollResults poll={poll} tally={currentTally(state, poll)} role={role} />
          <PresentButton poll={poll} />
          <MyQuizScore key={`score:${poll.id}:${poll.run}:${poll.status}`} poll={poll} role={role} />
        </PollCard>
      ))}
    </div>
  );
}
