import { useT, type MessageId } from '../../i18n';
import type { SyncStatus } from './template-sync';

const ACCOUNT_TEXT: Record<Extract<SyncStatus, { mode: 'account' }>['state'], MessageId> = {
  syncing: 'library.status.syncing',
  synced: 'library.status.synced',
  offline: 'library.status.offline',
  error: 'library.status.error',
};

/** Where the library is kept and whether the last save reached the server. */
export function LibraryStatus({ status }: { status: SyncStatus }) {
  const t = useT();
  if (status.mode === 'local')
    return (
      <p className="note" data-testid="library-status" data-mode="local">
        {status.note}
      </p>
    );
  return (
    <p
      className={status.state === 'error' ? 'error' : 'note'}
      data-testid="library-status"
      data-mode="account"
      data-state={status.state}
    >
      {t(ACCOUNT_TEXT[status.state])}
      {status.state === 'error' && status.message ? ` ${status.message}` : ''}
    </p>
  );
}
