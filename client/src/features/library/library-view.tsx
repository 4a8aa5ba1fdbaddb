import { useState } from 'react';
import { PollComposer } from '../host/poll-composer';
import { visibleDrafts, type LibraryDraft } from './draft-library';
import { useLibrary } from './library-context';
import { useLibrarySync } from './use-library-sync';

/** The main-client page: prepare polls before a meeting; they sync to Quorum in the meeting. */
export function LibraryView() {
  const { library, drafts } = useLibrary();
  const { available, synced } = useLibrarySync(library, 'main');
  const [editing, setEditing] = useState<LibraryDraft | 'new' | null>(null);
  const shown = visibleDrafts(drafts);

  if (editing !== null) {
    const existing = editing === 'new' ? undefined : editing;
    const onSave = async (draft: LibraryDraft['draft']) => {
      library.save(draft, existing?.id);
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
    <main className="app">
      <h1>Poll library</h1>
      <p className="note">
        Prepare polls before your meeting. They are kept on this computer{available ? ' and appear in Quorum when you open it in a meeting' : ''}.
        {synced ? ' Synced with your meeting.' : ''}
      </p>
      <button type="button" className="primary" data-testid="compose-poll" onClick={() => setEditing('new')}>
        New poll
      </button>
      {shown.length === 0 && <p className="empty">No drafts yet.</p>}
      <ul className="plain poll-list">
        {shown.map((d) => (
          <li key={d.id} className="card">
            <h2>{d.draft.title}</h2>
            <p className="note">{d.draft.questions.length} question(s)</p>
            <div className="actions">
              <button type="button" onClick={() => setEditing(d)} aria-label={`Edit “${d.draft.title}”`}>
                Edit
              </button>
              <button type="button" onClick={() => library.remove(d.id)} aria-label={`Delete “${d.draft.title}”`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
