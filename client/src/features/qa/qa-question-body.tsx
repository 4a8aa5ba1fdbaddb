import type { ReactNode } from 'react';
import type { QaQuestionView } from '@quorum/shared';
import { useT } from '../../i18n';

/** Status words, for the asker's own questions and the host's list. */
export const STATUS_WORDS = {
  waiting: 'qa.status.waiting',
  live: 'qa.status.live',
  answered: 'qa.status.answered',
  dismissed: 'qa.status.dismissed',
  archived: 'qa.status.archived',
} as const;

/** What every view shows of a question: its text, tags (status, highlight, anonymous), the host's reply. */
export function QaQuestionBody({
  question,
  tags,
  children,
}: {
  question: QaQuestionView;
  /** Extra tags before the shared ones (the asker's "Your question · Waiting for review"). */
  tags?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <p className="qa-text">
        {question.text}
        {question.editedAt !== null && <span className="qa-edited"> ({t('qa.edited')})</span>}
      </p>
      <p className="qa-tags">
        {tags}
        {question.pinned && <span className="badge badge-open">{t('qa.highlighted')}</span>}
        {question.status === 'answered' && !tags && <span className="badge">{t('qa.status.answered')}</span>}
        {question.anonymous && <span className="badge">{t('qa.anonymous')}</span>}
        {question.roomId !== undefined && <span className="badge">{t('qa.fromRoom')}</span>}
        {/* Hosts only, named questions only: the name Zoom gave the server, never one a client claimed. */}
        {question.askerName !== undefined && (
          <span className="badge" data-testid="qa-asker">
            {t('qa.askedBy', { name: question.askerName })}
          </span>
        )}
      </p>
      {question.reply !== null && (
        <p className="qa-reply" data-testid="qa-reply">
          <strong>{t('qa.reply')}</strong> {question.reply}
        </p>
      )}
      {children}
    </>
  );
}
