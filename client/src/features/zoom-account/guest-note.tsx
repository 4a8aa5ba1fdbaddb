import { useState } from 'react';
import { useMeetingState, useSupports, useZoom } from '../../app-context';
import { useT } from '../../i18n';

/**
 * Tells a participant in Zoom's guest mode (no Zoom user id in the app context: they have not added
 * Quorum, and webinar attendees always) what they can do: vote, counted once under the identity the
 * meeting gives them. `promptAuthorize` lets them add the app; Zoom then changes the user context and
 * the session is renewed with their Zoom user id.
 */
export function GuestNote() {
  const { zoom } = useZoom();
  const session = useMeetingState().session;
  const canPrompt = useSupports('promptAuthorize');
  const [failed, setFailed] = useState<string | null>(null);
  const t = useT();
  if (!session || session.authorized) return null;
  const prompt = () => {
    setFailed(null);
    zoom.promptAuthorize().catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
  };
  return (
    <section className="zoom-account" aria-label={t('guest.label')} data-testid="guest-note">
      <p className="note">{t('guest.note')}</p>
      {canPrompt && (
        <button type="button" data-testid="guest-add-app" onClick={prompt}>
          {t('guest.addApp')}
        </button>
      )}
      {failed && <p className="note">{t('account.signInFailed', { reason: failed })}</p>}
    </section>
  );
}
