import { useId, useRef, type ReactNode } from 'react';
import type { Poll } from '@quorum/shared';
import { useT, type MessageId } from '../i18n';
import { Countdown } from './countdown';
import { PollRules } from './poll-rules';
import { useFocusLanding } from './use-focus-landing';

const STATUS_LABEL: Record<Poll['status'], MessageId> = {
  draft: 'poll.status.draft',
  open: 'poll.status.open',
  closed: 'poll.status.closed',
};

/** How a closed poll folds: whether it is folded now, how to flip it, and its one line. */
export interface Fold {
  collapsed: boolean;
  toggle: () => void;
  line: string;
}

interface PollCardProps {
  poll: Poll;
  clockOffsetMs: number;
  children: ReactNode;
  /** Launched or created after the view opened: its heading takes focus if focus was lost (see useFocusLanding). */
  arrived?: boolean | undefined;
  /** Hosts tell runs apart ("· run 2"); to a participant a relaunch is simply the poll, open again. */
  showRun?: boolean;
  /** A closed poll folds to one line (`line`: turnout and winner) with Show / Hide. */
  fold?: Fold | undefined;
  /** Hosts see a "Shared" badge while participants see results only because of a share (Unshare takes it back). */
  showShared?: boolean;
}

/** The frame every poll is shown in: title, status, run number, the close countdown and the poll's rules. */
export function PollCard({
  poll,
  clockOffsetMs,
  children,
  arrived = false,
  showRun = true,
  showShared = true,
  fold,
}: PollCardProps) {
  const titleId = useId();
  const collapsed = fold?.collapsed ?? false;
  const heading = useRef<HTMLHeadingElement>(null);
  // After Launch, Close, Share or Save the pressed button is gone: focus lands on this poll instead of the page top.
  useFocusLanding(heading, `${poll.status}:${poll.run}:${poll.resultsShared}`, arrived);
  const t = useT();
  return (
    <article
      className={`card status-${poll.status}`}
      data-testid="poll-card"
      data-poll-id={poll.id}
      data-status={poll.status}
      data-collapsed={collapsed || undefined}
      aria-labelledby={titleId}
    >
      <header className="card-head">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {poll.title}
        </h2>
        {/* Every folded poll is closed: the badge still says so to screen readers, but takes no room on the line. */}
        <span className={`badge badge-${poll.status}${collapsed && fold ? ' visually-hidden' : ''}`}>
          {t(STATUS_LABEL[poll.status])}
          {showRun && poll.run > 1 ? t('poll.runSuffix', { run: poll.run }) : ''}
        </span>
        {showShared && poll.resultsShared && poll.status !== 'draft' && (
          <span className="badge badge-shared" data-testid="shared-badge">
            {t('poll.sharedBadge')}
          </span>
        )}
        {poll.status === 'open' && poll.closesAt !== null && (
          <Countdown closesAt={poll.closesAt} clockOffsetMs={clockOffsetMs} />
        )}
        {fold && (
          <button
            type="button"
            className="small fold"
            data-testid="poll-fold"
            aria-expanded={!collapsed}
            aria-label={t(collapsed ? 'poll.expandNamed' : 'poll.collapseNamed', { title: poll.title })}
            onClick={fold.toggle}
          >
            {t(collapsed ? 'poll.expand' : 'poll.collapse')}
          </button>
        )}
      </header>
      {collapsed && fold ? (
        <p className="poll-line" data-testid="poll-line">
          {fold.line}
        </p>
      ) : (
        <>
          <PollRules poll={poll} />
          {children}
        </>
      )}
    </article>
  );
}
