import { useCallback, useEffect, useState } from 'react';
import { useSupports, useZoom } from '../../app-context';
import type { DraftLibrary } from './draft-library';
import { fromMessage, toMessage } from './draft-library';

/**
 * Keeps one user's library in step between the main client and the meeting over connect/postMessage.
 * The meeting side opens the channel; each side sends its drafts and answers once, so nothing echoes.
 */
export function useLibrarySync(
  library: DraftLibrary,
  side: 'main' | 'meeting',
): { available: boolean; synced: boolean; connect: () => void } {
  const { zoom } = useZoom();
  const canConnect = useSupports('connect');
  const canPost = useSupports('postMessage');
  const canReceive = useSupports('onMessage');
  const available = canPost && canReceive && (side === 'main' || canConnect);
  const [synced, setSynced] = useState(false);
  // Only the meeting side may open the channel, and it fails (10039) while the main window is closed,
  // so it is retried whenever the host looks at the library.
  const connect = useCallback(() => {
    if (available && side === 'meeting') zoom.connect().catch(() => {});
  }, [zoom, available, side]);

  useEffect(() => {
    // The same origin's other windows (e.g. the simulator) share storage: pick up their writes too.
    const onStorage = () => library.reload();
    window.addEventListener('storage', onStorage);
    if (!available) return () => window.removeEventListener('storage', onStorage);

    // Until the meeting side connects, postMessage fails (10041); the connect event triggers a resend.
    const post = (reply: boolean) => zoom.postMessage(toMessage(library.getSnapshot(), reply)).catch(() => {});
    const offMessage = zoom.onMessage((payload) => {
      const message = fromMessage(payload);
      if (!message) return;
      library.merge(message.drafts);
      setSynced(true);
      if (!message.reply) void post(true);
    });
    const offConnect = zoom.onConnect((event) => {
      if (event.action === 'success') void post(false);
    });
    const offLibrary = side === 'main' ? library.subscribe(() => void post(false)) : () => {};
    connect();
    return () => {
      window.removeEventListener('storage', onStorage);
      offMessage();
      offConnect();
      offLibrary();
    };
  }, [zoom, library, side, available, connect]);

  return { available, synced, connect };
}
