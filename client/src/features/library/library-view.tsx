import { useState } from 'react';
import { useT } from '../../i18n';
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
  const t = useT();
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
        <PollComposer
          heading={existing ? t('host.editHeading', { title: existing.draft.title }) : t('poll.new')}
          initial={existing?.draft}
          onSave={onSave}
          onCancel={() => setEditing(null)}
        />
      </main>
    );
  }
  return (
    <main className="app" data-testid="library-view">
      <h1>{t('library.title')}</h1>
      <p className="note">
        {t(available ? 'library.intro.sync' : 'library.intro')}
        {synced ? t('library.synced') : ''}
      </p>
      <LibraryStatus status={status} />
      <div className="actions">
        <button type="button" className="primary" data-testid="compose-poll" onClick={() => setEditing('new')}>
          {t('poll.new')}
        </button>
      </div>
      <LibraryTransfer sync={sync} />
      {shown.length === 0 && <p className="empty">{t('library.empty')}</p>}
      <ul className="plain poll-list">
        {shown.map((d) => (
          <li key={d.id} className="card" data-testid="library-item" data-synced={d.synced === true}>
            <h2>{d.draft.title}</h2>
            <p className="note">{t('library.questions', { count: d.draft.questions.length })}</p>
            <div className="actions">
              <button
                type="button"
                onClick={() => setEditing(d)}
                aria-label={t('host.editHeading', { title: d.draft.title })}
              >
                {t('host.edit')}
              </button>
              <button
                type="button"
                onClick={() => sync.remove(d.id)}
                aria-label={t('library.deleteNamed', { title: d.draft.title })}
              >
                {t('host.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
