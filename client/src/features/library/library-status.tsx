import type { SyncStatus } from './template-sync';

const ACCOUNT_TEXT: Record<Extract<SyncStatus, { mode: 'account' }>['state'], string> = {
  syncing: 'Saving to your Zoom account’s library…',
  synced: 'Saved in your Zoom account’s library: open Quorum in any meeting to use these polls.',
  offline: 'Offline: changes are kept on this computer and saved to your Zoom account when Quorum is reachable again.',
  error: 'Not everything could be saved to your Zoom account’s library.',
};

/** Where the library is kept and whether the last save reached the server. */
export function LibraryStatus({ status }: { status: SyncStatus }) {
  if (status.mode === 'local') return <p className="note" data-testid="library-status" data-mode="local">{status.note}</p>;
  return (
    <p className={status.state === 'error' ? 'error' : 'note'} data-testid="library-status" data-mode="account" data-state={status.state}>
      {ACCOUNT_TEXT[status.state]}
      {status.state === 'error' && status.message ? ` ${status.message}` : ''}
    </p>
  );
}
