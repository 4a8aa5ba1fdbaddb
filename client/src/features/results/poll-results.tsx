import { canSeeResults, canSeeStandings, type Poll, type PollTally, type Role } from '@quorum/shared';
import { QuestionResults } from './question-results';
import { QuizResults } from './quiz-results';
import type { Moderate } from './text-results';
import { Turnout } from './turnout';

/** Why a participant sees only turnout, in the poll's own terms. */
export function hiddenResultsMessage(poll: Poll): string {
  if (poll.settings.resultsVisibility === 'after_close' && poll.status === 'open') return 'Results will be shown after the poll closes.';
  return 'Results will be shown when the host shares them.';
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

/** Turnout plus every question's results (numbered in surveys) and a quiz's standings, or why they are hidden. */
export function PollResults({ poll, tally, role, participants, moderate, run = poll.run }: PollResultsProps) {
  const over = poll.status === 'closed' || run < poll.run;
  const asOfRun: Poll = over && poll.status !== 'closed' ? { ...poll, status: 'closed' } : poll;
  // No tally yet means no votes yet: draw empty results. A tally without questions means turnout only.
  const visible = canSeeResults(asOfRun, role) && (tally === undefined || tally.questions !== undefined);
  const survey = poll.questions.length > 1;
  const board = tally?.leaderboard;
  return (
    <section className="poll-results" aria-label={`Results of ${poll.title}`}>
      <Turnout voted={tally?.turnout ?? 0} total={participants} />
      {visible
        ? poll.questions.map((q, i) => (
            <QuestionResults key={q.id} question={q} tally={tally?.questions?.[q.id]} number={survey ? i + 1 : undefined} revealCorrect={over} moderate={moderate?.(run)} />
          ))
        : <p className="note">{hiddenResultsMessage(poll)}</p>}
      {board && canSeeStandings(asOfRun, role) && <QuizResults board={board} final={over} />}
    </section>
  );
}
