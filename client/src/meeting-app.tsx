import { isHostRole } from '@quorum/shared';
import { useSyncExternalStore } from 'react';
import { useMeeting, useMeetingState } from './app-context';
import { ConnectionBanner } from './components/connection-banner';
import { ErrorState } from './components/error-state';
import { LoadingState } from './components/loading-state';
import { NoticePage } from './components/notice-page';
import { useT } from './i18n';
import { HostView } from './features/host/host-view';
import { ResultsAnnouncer } from './features/results/use-results-announcements';
import { PresentGate } from './features/present/present-gate';
import { ParticipantView } from './features/vote/participant-view';
import type { MeetingState } from './realtime/meeting-state';

/** The connection banner with the number of my ballots still waiting in the outbox. */
function MeetingConnectionBanner({ connection }: { connection: MeetingState['connection'] }) {
  const { controller } = useMeeting();
  const { outbox } = controller;
  const pending = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot).length;
  return (
    <ConnectionBanner
      status={connection.status}
      detail={connection.detail}
      pending={pending}
      onReconnect={controller.reconnectNow}
    />
  );
}

/** The in-meeting app: the host or participant view, chosen by the role the server gave this session. */
export function MeetingApp() {
  const state = useMeetingState();
  const t = useT();
  if (!state.ready || !state.session) {
    const detail = state.connection.status === 'offline' ? state.connection.detail : undefined;
    return (
      <NoticePage title={detail ? t('connection.unreachable') : t('connection.connecting')}>
        {detail ? <ErrorState title={detail} /> : <LoadingState label={t('connection.loadingPolls')} />}
      </NoticePage>
    );
  }
  // The SDK's idea of my role only shapes hints elsewhere; the server's session decides the view.
  const host = isHostRole(state.session.role);
  const banner = <MeetingConnectionBanner connection={state.connection} />;
  return (
    <PresentGate banner={banner}>
      <main className="app" data-role={host ? 'host' : 'participant'} data-room-id={state.session.roomId ?? ''}>
        <header className="app-head">
          <h1>{t('app.name')}</h1>
          <span className="badge">
            {t(host ? (state.session.role === 'cohost' ? 'role.cohost' : 'role.host') : 'role.participant')}
          </span>
        </header>
        {banner}
        <ResultsAnnouncer />
        {host ? <HostView /> : <ParticipantView />}
      </main>
    </PresentGate>
  );
}
