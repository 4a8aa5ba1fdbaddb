import { isHostRole } from '@quorum/shared';
import { useMeetingState } from './app-context';
import { NoticePage } from './components/notice-page';
import { HostView } from './features/host/host-view';
import { ParticipantView } from './features/vote/participant-view';
import type { MeetingState } from './realtime/meeting-state';

function ConnectionBanner({ connection }: { connection: MeetingState['connection'] }) {
  if (connection.status === 'online') return null;
  const text = connection.status === 'connecting' ? 'Reconnecting… Votes you cast are kept and sent when the connection is back.' : (connection.detail ?? 'Offline.');
  return <p className={`banner banner-${connection.status}`}>{text}</p>;
}

/** The in-meeting app: the host or participant view, chosen by the role the server gave this session. */
export function MeetingApp() {
  const state = useMeetingState();
  if (!state.ready || !state.session) {
    const detail = state.connection.status === 'offline' ? state.connection.detail : undefined;
    return (
      <NoticePage title={detail ? 'Cannot reach Quorum' : 'Connecting to the meeting…'}>
        <p>{detail ?? 'Loading the polls of this meeting.'}</p>
      </NoticePage>
    );
  }
  // The SDK's idea of my role only shapes hints elsewhere; the server's session decides the view.
  const host = isHostRole(state.session.role);
  return (
    <main className="app" data-role={host ? 'host' : 'participant'}>
      <header className="app-head">
        <h1>Quorum</h1>
        <span className="badge">{host ? (state.session.role === 'cohost' ? 'Co-host' : 'Host') : 'Participant'}</span>
      </header>
      <ConnectionBanner connection={state.connection} />
      {host ? <HostView /> : <ParticipantView />}
    </main>
  );
}
