import { useState } from 'react';
import { useAnnounce } from '../../components/announcer';
import { Unavailable } from '../../components/unavailable';
import { useSaveDraft } from '../host/host-poll-card';
import { visibleDrafts } from './draft-library';
import { useLibrary } from './library-context';
import { useLibrarySync } from './use-library-sync';

/** In the meeting: the host's prepared drafts, each copied into the meeting with one click. */
export function LibraryImport() {
  const { library, drafts } = useLibrary();
  const { available, connect } = useLibrarySync(library, 'meeting');
  const saveDraft = useSaveDraft();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string | null>(null);
  const shown = visibleDrafts(drafts);

  const add = async (id: string, title: string) => {
    const entry = shown.find((d) => d.id === id);
    if (!entry) return;
    setBusy(id);
    const failure = await saveDraft(entry.draft);
    setBusy(null);
    announce(failure ? `Could not add “${title}”: ${failure}` : `Added “${title}” to this meeting as a draft.`);
  };

  return (
    <details className="panel" onToggle={(e) => e.currentTarget.open && connect()}>
      <summary>Poll library ({shown.length})</summary>
      {!available && <Unavailable feature="Syncing drafts from the Zoom main window" />}
      {shown.length === 0 ? (
        <p className="note">Prepare polls before a meeting: open Quorum from the Apps tab of the Zoom client, outside a meeting.</p>
      ) : (
        <ul className="plain">
          {shown.map((d) => (
            <li key={d.id} className="row">
              <span className="grow">{d.draft.title}</span>
              <button type="button" disabled={busy !== null} onClick={() => void add(d.id, d.draft.title)} aria-label={`Add “${d.draft.title}” to this meeting`}>
                Add to meeting
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
