import { useEffect, useState } from 'react';
import { useMeeting } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useNotify } from '../../components/toasts';
import { Unavailable } from '../../components/unavailable';
import { useT } from '../../i18n';
import { useSaveDraft } from '../host/host-poll-card';
import { useLibrary } from './library-context';
import { LibraryStatus } from './library-status';
import { useLibrarySync } from './use-library-sync';
import { useTemplateSync } from './use-template-sync';

/** In the meeting: the host's prepared polls, each copied into the meeting as a draft with one click (`poll:create`). */
export function LibraryImport() {
  const { session } = useMeeting();
  const { library, drafts } = useLibrary();
  const { available, connect } = useLibrarySync(library, 'meeting');
  const { sync, status } = useTemplateSync(session);
  const saveDraft = useSaveDraft({ confirm: false });
  const announce = useAnnounce();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const t = useT();
  const shown = sync.visible(drafts);

  const add = async (id: string, title: string) => {
    const entry = shown.find((d) => d.id === id);
    if (!entry) return;
    setBusy(id);
    const failure = await saveDraft(entry.draft);
    setBusy(null);
    if (failure) announce(t('library.addFailed', { title, reason: failure }));
    else notify(t('library.added', { title }));
  };

  // Opening the tab looks for changes made elsewhere: the main window's channel, and the account library.
  useEffect(() => {
    connect();
    void sync.refresh();
  }, [connect, sync]);

  return (
    <section className="panel-body" data-testid="library-import" aria-labelledby="library-import-heading">
      <h2 id="library-import-heading">{t('library.titleN', { count: shown.length })}</h2>
      {!available && status.mode === 'local' && <Unavailable feature="library.syncFeature" />}
      <LibraryStatus status={status} />
      {shown.length === 0 ? (
        <p className="note">{t('library.prepareHint')}</p>
      ) : (
        <ul className="plain">
          {shown.map((d) => (
            <li key={d.id} className="row" data-testid="library-item">
              <span className="grow">{d.draft.title}</span>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => void add(d.id, d.draft.title)}
                aria-label={t('library.addNamed', { title: d.draft.title })}
              >
                {t('library.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
