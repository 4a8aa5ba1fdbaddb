import { useEffect, useRef, type ReactNode } from 'react';
import { useMeetingState } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { useT } from '../../i18n';
import { currentTally } from '../../realtime/meeting-state';
import { PollResults } from '../results/poll-results';

/** Leaves on Esc, and when the browser leaves fullscreen by itself (it keeps Esc to itself while fullscreen). */
export function useExitKeys(onExit: (() => void) | undefined) {
  useEffect(() => {
    if (!onExit) return;
    let wasFullscreen = document.fullscreenElement !== null;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onExit();
    };
    const onFullscreen = () => {
      const now = document.fullscreenElement !== null;
      if (wasFullscreen && !now) onExit();
      wasFullscreen = now;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [onExit]);
}

/**
 * One poll's question and live results, large, for sharing the screen: nothing else of the panel.
 * Tallies keep arriving through the same meeting state, so the bars move as people vote.
 */
export function PresentView({
  pollId,
  onExit,
  banner,
}: {
  pollId: string;
  onExit?: (() => void) | undefined;
  banner?: ReactNode;
}) {
  const t = useT();
  const state = useMeetingState();
  const heading = useRef<HTMLHeadingElement>(null);
  useExitKeys(onExit);
  // Focus moves to the presentation, so keyboard and screen reader users start where the content is.
  useEffect(() => heading.current?.focus(), []);

  const poll = state.polls[pollId];
  const role = state.session?.role ?? 'participant';
  // Without onExit this is a stage Zoom renders for everyone (stage-view.tsx): nothing to leave.
  const exit = onExit && (
    <button type="button" className="present-exit" data-testid="present-exit" onClick={onExit}>
      {t('present.exit')}
    </button>
  );
  if (!poll || poll.status === 'draft') {
    return (
      <main className="present" data-testid="present-view">
        <EmptyState title={t('present.gone')}>{exit}</EmptyState>
      </main>
    );
  }
  return (
    <main className="present" data-testid="present-view" data-poll-id={poll.id} data-status={poll.status}>
      <header className="present-head">
        <h1 ref={heading} tabIndex={-1}>
          {poll.title}
        </h1>
        <span className={`badge badge-${poll.status}`}>
          {t(poll.status === 'open' ? 'poll.status.open' : 'poll.status.closed')}
        </span>
        {exit}
      </header>
      {banner}
      <PollResults poll={poll} tally={currentTally(state, poll)} role={role} />
      {onExit && (
        <p className="present-hint" aria-hidden="true">
          {t('present.hint')}
        </p>
      )}
    </main>
  );
}
