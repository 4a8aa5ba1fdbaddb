import { useState } from 'react';
import type { SessionClient } from '../../session/session-client';
import { PollComposer } from '../host/poll-composer';
import type { LibraryDraft } from './draft-library';
import { useLibrary } from './library-context';
import { LibraryStatus } from './library-status';
import { LibraryTransfer } from './library-transfer';
import { useLibrarySync } from './use-library-sync';
import { useTemplateSync } from './use-template-sync';

/**
 * The main-client page: prepare polls before a meeting. They go to the signed-in user's library on
 * the server (this computer's for guests) and sync to Quorum in the meeting.
 */
export function LibraryView({ session = null }: { session?: SessionClient | null }) {
  const { library, drafts } = useLibrary();
  const { available, synced } = useLibrarySync(library, 'main');
  const { sync, status } = useTemplateSync(session);
  const [editing, setEditing] = useState<LibraryDraft | 'new' | null>(null);
  const shown = sync.visible(drafts);

  if (editing !== null) {
    const existing = editing === 'new' ? undefined : editing;
    const onSave = async (draft: LibraryDraft['draft']) => {
      sync.save(draft, existing?.id);
      setEditing(null);
      return null;
    };
    return (
      <main className="app">
        <PollComposer heading={existing ? `Edit “${existing.draft.title}”` : 'New poll'} initial={existing?.draft} onSave={onSave} onCancel={() => setEditing(null)} />
      </main>
    );
  }
  return (
    <main className="app" data-testid="library-view">
      <h1>Poll library</h1>
      <p className="note">
        Prepare polls before your meeting{available ? '; they appear in Quorum when you open it in a meeting' : ''}.{synced ? ' Synced with your meeting.' : ''}
      </p>
      <LibraryStatus status={status} />
      <div className="actions">
        <button type="button" className="primary" data-testid="compose-poll" onClick={() => setEditing('new')}>
          New poll
        </button>
      </div>
      <LibraryTransfer sync={sync} />
      {shown.length === 0 && <p className="empty">No drafts yet.</p>}
      <ul className="plain poll-list">
        {shown.map((d) => (
          <li key={d.id} className="card" data-testid="library-item" data-synced={d.synced === true}>
            <h2>{d.draft.title}</h2>
            <p className="note">{d.draft.questions.length} question(s)</p>
            <div className="actions">
              <button type="button" onClick={() => setEditing(d)} aria-label={`Edit “${d.draft.title}”`}>
                Edit
              </button>
              <button type="button" onClick={() => sync.remove(d.id)} aria-label={`Delete “${d.draft.title}”`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
