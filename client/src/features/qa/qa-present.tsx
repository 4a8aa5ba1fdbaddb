import { useEffect, useRef, type ReactNode } from 'react';
import { useMeetingState } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { useT } from '../../i18n';
import { StageIcon } from '../present/present-button';
import { usePresent } from '../present/present-context';
import { useExitKeys } from '../present/present-view';

/** What present mode is given instead of a poll id to show the highlighted question (`?present=qa`). */
export const QA_PRESENT_ID = 'qa';

/** "Present the highlighted question", for hosts, once one is highlighted. */
export function QaPresentButton({ enabled }: { enabled: boolean }) {
  const t = useT();
  const present = usePresent();
  if (!present || !enabled) return null;
  return (
    <button
      type="button"
      className="small present-button"
      data-testid="present-qa"
      data-poll-id={QA_PRESENT_ID}
      onClick={() => present.open(QA_PRESENT_ID)}
    >
      <StageIcon />
      {t('qa.present')}
    </button>
  );
}

/**
 * The highlighted question, large, with its votes, for a shared screen; it follows the host's highlight
 * live. The Exit button stays out of the picture until a pointer or the keyboard reaches it.
 */
export function QaPresentView({ onExit, banner }: { onExit: () => void; banner?: ReactNode }) {
  const t = useT();
  const question = useMeetingState().qa.list?.questions.find((q) => q.pinned);
  const heading = useRef<HTMLHeadingElement>(null);
  useExitKeys(onExit);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="present qa-present" data-testid="qa-present-view" data-question-id={question?.id ?? ''}>
      <header className="present-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('qa.present.heading')}
        </h1>
        <button type="button" className="present-exit" data-testid="present-exit" onClick={onExit}>
          {t('present.exit')}
        </button>
      </header>
      {banner}
      {question ? (
        <figure className="qa-present-question">
          <blockquote className="qa-present-text" data-testid="qa-present-text">
            {question.text}
          </blockquote>
          {question.upvotes !== undefined && (
            <figcaption className="qa-present-votes" data-testid="qa-present-votes" data-count={question.upvotes}>
              {t('qa.upvotes', { count: question.upvotes })}
            </figcaption>
          )}
        </figure>
      ) : (
        <EmptyState title={t('qa.present.none')}>{null}</EmptyState>
      )}
      <p className="present-hint" aria-hidden="true">
        {t('present.hint')}
      </p>
    </main>
  );
}
