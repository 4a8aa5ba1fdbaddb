import {
  canSeeResults,
  canSeeStandings,
  isSuppressedRoom,
  type Poll,
  type PollTally,
  type Role,
  type RoomTally,
} from '@quorum/shared';
import { useT, type MessageId } from '../../i18n';
import { QuestionResults } from './question-results';
import { QuizResults } from './quiz-results';
import { AllRoomsHeading, OwnRoomResults, RoomBreakdown, useRoomNames } from './room-results';
import type { Moderate } from '../../kinds/text/text-results';
import { Turnout } from './turnout';

/** Why a participant sees only turnout, in the poll's own terms. */
export function hiddenResultsMessage(poll: Poll): MessageId {
  if (poll.settings.resultsVisibility === 'after_close' && poll.status === 'open') return 'results.hidden.afterClose';
  return 'results.hidden.untilShared';
}

interface PollResultsProps {
  poll: Poll;
  tally: PollTally | undefined;
  role: Role;
  /** Meeting size for "N of M voted", when known. */
  participants?: number | undefined;
  /** Hosts who may moderate: hide an open-text answer of this tally's run. */
  moderate?: ((run: number) => Moderate) | undefined;
  /** Which run the tally is (defaults to the poll's current run); earlier runs are over. */
  run?: number | undefined;
}

/** The main room's own share with no ballot in it (shown rooms only: a withheld share says why it is withheld). */
const emptyMainRoom = (room: RoomTally): boolean =>
  room.roomId === null && !isSuppressedRoom(room) && room.turnout === 0;

/** Turnout plus every question's results (numbered in surveys) and a quiz's standings, or why they are hidden. */
export function PollResults({ poll, tally, role, participants, moderate, run = poll.run }: PollResultsProps) {
  const over = poll.status === 'closed' || run < poll.run;
  const asOfRun: Poll = over && poll.status !== 'closed' ? { ...poll, status: 'closed' } : poll;
  // No tally yet means no votes yet: draw empty results. A tally without questions means turnout only.
  const visible = canSeeResults(asOfRun, role) && (tally === undefined || tally.questions !== undefined);
  const survey = poll.questions.length > 1;
  const board = tally?.leaderboard;
  const t = useT();
  const names = useRoomNames(tally);
  // Room views are read-only: a host moderates open-text answers in the combined results.
  const questionList = (questions: PollTally['questions'], withModeration: boolean) =>
    poll.questions.map((q, i) => (
      <QuestionResults
        key={q.id}
        question={q}
        tally={questions?.[q.id]}
        number={survey ? i + 1 : undefined}
        revealCorrect={over}
        moderate={withModeration ? moderate?.(run) : undefined}
      />
    ));
  // Back in the main room after the rooms closed, "Your room: Main room · 0 voted" says nothing: left out.
  const own = tally?.room && !emptyMainRoom(tally.room) ? tally.room : undefined;
  const ownLabel = own && (own.roomId === null ? t('rooms.main') : (names[own.roomId] ?? t('rooms.breakout')));
  return (
    <div role="group" className="poll-results" aria-label={t('results.of', { title: poll.title })}>
      {own && ownLabel !== undefined && (
        <OwnRoomResults room={own} label={ownLabel}>
          {visible && questionList(own.questions, false)}
        </OwnRoomResults>
      )}
      {(own || tally?.rooms) && <AllRoomsHeading />}
      {/* Zoom lists only the host's own room's people, so while rooms are in use there is no total to show. */}
      <Turnout voted={tally?.turnout ?? 0} total={tally?.rooms ? undefined : participants} />
      {visible ? questionList(tally?.questions, true) : <p className="note">{t(hiddenResultsMessage(poll))}</p>}
      {board && canSeeStandings(asOfRun, role) && <QuizResults board={board} final={over} />}
      {tally?.rooms && (
        <RoomBreakdown
          rooms={tally.rooms}
          names={names}
          render={(room) => visible && questionList(room.questions, false)}
        />
      )}
    </div>
  );
}
