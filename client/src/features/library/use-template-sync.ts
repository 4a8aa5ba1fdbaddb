import { useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { translator } from '../../i18n';
import type { SessionClient } from '../../session/session-client';
import { LibraryContext } from './library-context';
import { createTemplateApi } from './template-api';
import { TemplateSync, type Account, type SyncStatus } from './template-sync';

/** Why the library stays on this computer, in the user's terms. */
const GUEST_NOTE = translator()('library.note.guest');
const offlineNote = (why: string) => translator()('library.note.offline', { reason: why });

/** The account behind a session, once it has started: none for guests. */
function useAccount(
  session: SessionClient | null,
  createApi: typeof createTemplateApi,
): { account: Account | null; note: string } {
  const [state, setState] = useState<{ account: Account | null; note: string }>({ account: null, note: GUEST_NOTE });
  useEffect(() => {
    if (!session) return;
    let alive = true;
    const view = session.view();
    // The main client has no meeting session yet: start one, which also says who the user is.
    (view ? Promise.resolve(view) : session.start()).then(
      (v) =>
        alive &&
        setState({ account: v.authorized ? { owner: v.voterId, api: createApi(session) } : null, note: GUEST_NOTE }),
      (error: unknown) =>
        alive && setState({ account: null, note: offlineNote(error instanceof Error ? error.message : String(error)) }),
    );
    return () => {
      alive = false;
    };
  }, [session, createApi]);
  return state;
}

/**
 * The poll library for this view: the signed-in user's server library when the session has a Zoom
 * user id, else this computer's. Refreshes when it appears and whenever the browser is back online.
 */
export function useTemplateSync(
  session: SessionClient | null,
  createApi: typeof createTemplateApi = createTemplateApi,
): { sync: TemplateSync; status: SyncStatus } {
  const library = useContext(LibraryContext);
  const { account, note } = useAccount(session, createApi);
  const sync = useMemo(() => new TemplateSync(library, account, note), [library, account, note]);
  useEffect(() => {
    const refresh = () => void sync.refresh();
    refresh();
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [sync]);
  const status = useSyncExternalStore(sync.subscribe, sync.getStatus, sync.getStatus);
  return { sync, status };
}
