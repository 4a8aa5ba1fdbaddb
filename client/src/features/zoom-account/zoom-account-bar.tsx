import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMeetingState, useSupports, useZoom } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useT, type MessageId, type Translate } from '../../i18n';
import { useStore } from '../../realtime/store';
import { DeliveriesList } from './deliveries-list';
import { useZoomCloudApi } from './use-zoom-cloud-api';
import { createZoomAccount, type ZoomAccount, type ZoomAccountState } from './zoom-account';

const WAITING: Record<Extract<ZoomAccountState, { kind: 'authorizing' }>['step'], MessageId> = {
  starting: 'account.waiting.starting',
  consent: 'account.waiting.consent',
  finishing: 'account.waiting.finishing',
};

const Note = ({ text }: { text: string | undefined }) => (text ? <p className="note">{text}</p> : null);

interface Abilities {
  connect: boolean;
  signIn: boolean;
}

/** What a state shows: the meeting's topic, or the one action that moves things forward. */
function body(t: Translate, state: ZoomAccountState, account: ZoomAccount, can: Abilities): ReactNode {
  switch (state.kind) {
    case 'checking':
    case 'unknown':
      return null;
    case 'guest':
      // Voting never needs this; it only unlocks the host's Zoom-backed extras.
      if (!can.signIn) return null;
      return (
        <>
          <button type="button" data-testid="sign-in-zoom" onClick={() => void account.signIn()}>
            {t('account.signIn')}
          </button>
          <Note text={state.message ?? t('account.signIn.why')} />
        </>
      );
    case 'disconnected':
    case 'authorizing': {
      if (!can.connect) return null;
      const busy = state.kind === 'authorizing' && state.step !== 'consent';
      return (
        <>
          <button
            type="button"
            data-testid="connect-zoom"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void account.connect()}
          >
            {t('account.connect')}
          </button>
          <Note
            text={state.kind === 'authorizing' ? t(WAITING[state.step]) : (state.message ?? t('account.connect.why'))}
          />
        </>
      );
    }
    case 'connected':
      return state.meeting ? (
        <p className="meeting-topic">
          <span className="note">{t('account.meeting')}</span>{' '}
          <strong data-testid="meeting-topic">{state.meeting.topic}</strong>
        </p>
      ) : (
        <Note text={state.message} />
      );
  }
}

/** The top of the host view: the meeting's topic from Zoom, or "Connect Zoom account" / "Sign in to Zoom". */
export function ZoomAccountBar() {
  const { zoom } = useZoom();
  const api = useZoomCloudApi();
  const announce = useAnnounce();
  // The server's session decides: without a Zoom user there is nothing to authorize yet.
  const guest = !(useMeetingState().session?.authorized ?? false);
  const account = useMemo(() => createZoomAccount({ zoom, api, announce }), [zoom, api, announce]);
  useEffect(() => account.listen(), [account]);
  useEffect(() => void account.refresh(guest), [account, guest]);
  const state = useStore(account.store);
  const canAuthorize = useSupports('authorize');
  const hearsAuthorized = useSupports('onAuthorized');
  const can = { connect: canAuthorize && hearsAuthorized, signIn: useSupports('promptAuthorize') };
  const t = useT();
  const shown = body(t, state, account, can);
  if (!shown) return null;
  return (
    <section
      className="zoom-account"
      aria-label={t('account.label')}
      data-testid="zoom-account"
      data-state={state.kind}
    >
      {shown}
    </section>
  );
}

/** On demand: what the meeting report's email and webhooks did. */
export function DeliveriesPanel() {
  const api = useZoomCloudApi();
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <details className="panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('delivery.title')}</summary>
      {open && <DeliveriesList api={api} />}
    </details>
  );
}
