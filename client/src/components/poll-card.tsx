import { useId, type ReactNode } from 'react';
import type { Poll } from '@quorum/shared';
import { Countdown } from './countdown';

const STATUS_LABEL: Record<Poll['status'], string> = { draft: 'Draft', open: 'Open', closed: 'Closed' };

interface PollCardProps {
  poll: Poll;
  clockOffsetMs: number;
  children: ReactNode;
}

/** The frame every poll is shown in: title, status, run number and the close countdown. */
export function PollCard({ poll, clockOffsetMs, children }: PollCardProps) {
  const titleId = useId();
  return (
    <article className={`card status-${poll.status}`} data-testid="poll-card" data-poll-id={poll.id} data-status={poll.status} aria-labelledby={titleId}>
      <header className="card-head">
        <h2 id={titleId}>{poll.title}</h2>
        <span className={`badge badge-${poll.status}`}>
          {STATUS_LABEL[poll.status]}
          {poll.run > 1 ? ` · run ${poll.run}` : ''}
        </span>
        {poll.status === 'open' && poll.closesAt !== null && <Countdown closesAt={poll.closesAt} clockOffsetMs={clockOffsetMs} />}
      </header>
      {children}
    </article>
  );
}
