import { useRef, useState } from 'react';
import { canSeeResults, type Poll } from '@quorum/shared';
import { useFocusLanding } from '../../components/use-focus-landing';
import { useT } from '../../i18n';

/** The host requests a poll's action buttons send. */
export type PollAction = 'poll:open' | 'poll:close' | 'poll:share' | 'poll:unshare' | 'poll:delete';

interface ActionsProps {
  poll: Poll;
  run: (action: PollAction, done: string) => void;
  edit: () => void;
  duplicate: () => void;
}

/** The buttons a poll's status allows: launch and edit a draft, close an open poll, share, relaunch, delete. */
export function PollActions({ poll, run, edit, duplicate }: ActionsProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Delete turns into Confirm delete: focus follows, so Enter twice deletes and Tab moves on.
  const confirm = useRef<HTMLButtonElement>(null);
  useFocusLanding(confirm, confirmDelete ? 'confirm' : null);
  const t = useT();
  const title = poll.title;
  // Sharing only matters while participants cannot already see results.
  const canShare = poll.status !== 'draft' && !canSeeResults(poll, 'participant');
  return (
    <div className="actions">
      {poll.status === 'draft' && (
        <>
          <button
            type="button"
            className="primary"
            data-testid="launch-poll"
            onClick={() => run('poll:open', t('host.launched', { title }))}
          >
            {t('host.launch')}
          </button>
          <button type="button" onClick={edit}>
            {t('host.edit')}
          </button>
        </>
      )}
      {poll.status === 'open' && (
        <button
          type="button"
          className="primary"
          data-testid="close-poll"
          onClick={() => run('poll:close', t('host.closed', { title }))}
        >
          {t('host.close')}
        </button>
      )}
      {canShare && (
        <button
          type="button"
          data-testid="share-results"
          onClick={() => run('poll:share', t('host.shared', { title }))}
        >
          {t('host.share')}
        </button>
      )}
      {poll.status !== 'draft' && poll.resultsShared && (
        <button
          type="button"
          data-testid="unshare-results"
          onClick={() => run('poll:unshare', t('host.unshared', { title }))}
        >
          {t('host.unshare')}
        </button>
      )}
      {poll.status === 'closed' && (
        <button type="button" onClick={() => run('poll:open', t('host.relaunched', { title }))}>
          {t('host.relaunch')}
        </button>
      )}
      <button type="button" data-testid="duplicate-poll" onClick={duplicate}>
        {t('host.duplicate')}
      </button>
      {poll.status !== 'open' &&
        (confirmDelete ? (
          <button
            type="button"
            className="danger"
            ref={confirm}
            onClick={() => run('poll:delete', t('host.deleted', { title }))}
          >
            {t('host.confirmDelete')}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            {t('host.delete')}
          </button>
        ))}
    </div>
  );
}
