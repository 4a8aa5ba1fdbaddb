import { canSeeResults, type Poll, type PollTally, type Role } from '@quorum/shared';
import { ResultBars } from './result-bars';
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
}

/** Turnout plus either the result bars or the reason they are hidden. */
export function PollResults({ poll, tally, role, participants }: PollResultsProps) {
  // No tally yet means no votes yet: draw empty bars. A tally without questions means turnout only.
  const visible = canSeeResults(poll, role) && (tally === undefined || tally.questions !== undefined);
  return (
    <section className="poll-results" aria-label={`Results of ${poll.title}`}>
      <Turnout voted={tally?.turnout ?? 0} total={participants} />
      {visible
        ? poll.questions.map((q) => <ResultBars key={q.id} question={q} tally={tally?.questions?.[q.id]} />)
        : <p className="note">{hiddenResultsMessage(poll)}</p>}
    </section>
  );
}
