import { useEffect, useState } from 'react';
import { useMeeting } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useNotify } from '../../components/toasts';
import { Unavailable } from '../../components/unavailable';
import { useT } from '../../i18n';
import { useSaveDraft } from '../host/host-poll-card';
import { useLaunchDraft } from '../host/host-requests';
import { useLibrary } from './library-context';
import { LibraryStatus } from './library-status';
import { useLibrarySync } from './use-library-sync';
import { useTemplateSync } from './use-template-sync';

/**
 * In the meeting: the host's prepared polls, each copied into the meeting as a draft with one click
 * (`poll:create`), or launched there at once; `onLaunched` then shows the live poll (the Polls tab).
 */
export function LibraryImport({ onLaunched }: { onLaunched?: (pollId: string) => void }) {
  const { session } = useMeeting();
  const { library, drafts } = useLibrary();
  const { available, connect } = useLibrarySync(library, 'meeting');
  const { sync, status } = useTemplateSync(session);
  const saveDraft = useSaveDraft({ confirm: false });
  const launchDraft = useLaunchDraft();
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

  const launch = async (id: string, title: string) => {
    const entry = shown.find((d) => d.id === id);
    if (!entry) return;
    setBusy(id);
    const { pollId, error } = await launchDraft(entry.draft);
    setBusy(null);
    if (error !== null) announce(t('library.addFailed', { title, reason: error }));
    else if (pollId) onLaunched?.(pollId);
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
              <button
                type="button"
                className="primary"
                data-testid="library-launch"
                disabled={busy !== null}
                onClick={() => void launch(d.id, d.draft.title)}
                aria-label={t('library.launchNamed', { title: d.draft.title })}
              >
                {t('host.launch')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
