import { useEffect, useState, type ReactNode } from 'react';
import { isHostRole } from '@quorum/shared';
import { FormattedMessage } from 'react-intl';
import { MeetingContext, ZoomContext } from './app-context';
import type { Announcer } from './components/announcer';
import { ErrorState } from './components/error-state';
import { LoadingState } from './components/loading-state';
import { NoticePage, NotInZoomPage, UnsupportedContextPage, ZoomUnavailablePage } from './components/notice-page';
import { Feedback } from './components/feedback';
import type { DraftLibrary } from './features/library/draft-library';
import { LibraryContext } from './features/library/library-context';
import { LibraryView } from './features/library/library-view';
import { createReportApi, type ReportApi } from './features/report/report-api';
import { ReportView } from './features/report/report-view';
import { DeliveriesList } from './features/zoom-account/deliveries-list';
import { createZoomCloudApi, type ZoomCloudApi } from './features/zoom-account/zoom-cloud-api';
import { StageView } from './features/present/stage-view';
import { MeetingApp } from './meeting-app';
import { useT, type MessageId, type MessageValues } from './i18n';
import { createMeetingController, type MeetingController } from './realtime/meeting-controller';
import { outboxKey, persistentOutboxStore } from './realtime/outbox-store';
import type { RealtimeLink } from './realtime/realtime-link';
import type { SessionClient } from './session/session-client';
import { onRoomChangeSettled } from './zoom/room-change';
import { surfaceFor } from './zoom/running-context';
import {
  NotInZoomError,
  supportsApi,
  ZoomUnavailableError,
  type ZoomConfig,
  type ZoomNotification,
  type ZoomPort,
} from './zoom/zoom-port';

/** What the composition root hands in; tests pass fakes. */
export interface BootDeps {
  zoom: ZoomPort;
  library: DraftLibrary;
  announcer: Announcer;
  createSession: (zoom: ZoomPort) => SessionClient;
  openLink: (session: SessionClient) => RealtimeLink;
  /** Storage for the ballot outbox; the page's localStorage unless told (tests pass their own or a throwing one). */
  storage?: () => Storage | null;
}

export type Phase =
  | { kind: 'loading'; message: MessageId | null; values?: MessageValues }
  | { kind: 'not-in-zoom' }
  /** A Zoom client hosts the page but never answered config: what to check, and *Try again*. */
  | { kind: 'zoom-unavailable'; message: string; attempts: number }
  /** A running context Quorum has no place in (chat, phone, mail…). */
  | { kind: 'unsupported-context'; context: string }
  /** `message` is the error's own text (technical, untranslated); the title says what failed. */
  | { kind: 'failed'; title: MessageId; message: string; retry: boolean }
  /** The main client: `session` starts there to reach the user's server library (guests keep it locally). */
  | { kind: 'library'; config: ZoomConfig; session: SessionClient }
  /** After the meeting: hosts also see its report and where it was sent (the session still answers). */
  | { kind: 'ended'; deliveries: ZoomCloudApi | null; report?: ReportApi | null }
  | {
      kind: 'meeting';
      config: ZoomConfig;
      controller: MeetingController;
      session: SessionClient;
      surface: 'meeting' | 'stage';
    };

const surfaceOf = (config: ZoomConfig) => surfaceFor(config.runningContext);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Where a failed first config leaves the app: never a dead end. */
function configFailurePhase(error: unknown): Phase {
  if (error instanceof NotInZoomError) return { kind: 'not-in-zoom' };
  if (error instanceof ZoomUnavailableError)
    return { kind: 'zoom-unavailable', message: error.message, attempts: error.attempts };
  return { kind: 'failed', title: 'boot.startFailed', message: messageOf(error), retry: true };
}

interface StartHooks {
  show: (phase: Phase) => void;
  alive: () => boolean;
  restart: () => void;
}

/** Configures Zoom, starts a session and the socket, and reports each phase; resolves with the teardown. */
async function start(deps: BootDeps, hooks: StartHooks): Promise<() => void> {
  const { alive, restart } = hooks;
  let config: ZoomConfig;
  try {
    config = await deps.zoom.config((progress) =>
      hooks.show({ kind: 'loading', message: 'boot.waitingForZoom', values: { ...progress } }),
    );
  } catch (error) {
    hooks.show(configFailurePhase(error));
    return () => {};
  }
  let shown: Phase = { kind: 'loading', message: null };
  const show = (phase: Phase) => {
    shown = phase;
    hooks.show(phase);
  };
  // Moving to another surface (main client ↔ meeting ↔ stage) needs a different app; otherwise just take the new config.
  const offContext = deps.zoom.onRunningContextChange((next) => {
    if (surfaceOf(next) !== surfaceOf(config)) return restart();
    config = next;
    if (shown.kind === 'library' || shown.kind === 'meeting') show({ ...shown, config });
  });
  if (!alive()) return offContext;
  const surface = surfaceOf(config);
  if (surface === 'unsupported') {
    show({ kind: 'unsupported-context', context: config.runningContext });
    return offContext;
  }
  if (surface === 'library') {
    show({ kind: 'library', config, session: deps.createSession(deps.zoom) });
    return offContext;
  }

  show({ kind: 'loading', message: 'boot.joining' });
  const session = deps.createSession(deps.zoom);
  try {
    await session.start();
  } catch (error) {
    show({ kind: 'failed', title: 'boot.joinFailed', message: messageOf(error), retry: true });
    return offContext;
  }
  if (!alive()) return offContext;

  const link = deps.openLink(session);
  const notify = (n: ZoomNotification) => {
    if (supportsApi(config, 'showNotification')) deps.zoom.showNotification(n).catch(() => {});
  };
  // Votes not yet acknowledged outlive a reload, kept for this meeting and this voter only.
  const me = session.view();
  const outboxStore = me
    ? persistentOutboxStore(outboxKey(me.meetingId, me.voterId), deps.storage ?? (() => window.localStorage))
    : undefined;
  const controller = createMeetingController({
    link,
    notify,
    announce: deps.announcer.announce,
    ...(outboxStore ? { outboxStore } : {}),
  });
  // A new role, or a move between breakout rooms (Zoom does not reload the app), lives in a new app
  // context: renew the session so the server re-derives who and where I am, and the UI follows.
  const renewSession = () => void session.renew().then((ok) => ok && link.reconnect());
  const offUser = deps.zoom.onMyUserContextChange(renewSession);
  const offRooms = onRoomChangeSettled(deps.zoom, renewSession);
  const offMeeting = deps.zoom.onMeeting((event) => {
    if (event.action !== 'ended') return;
    link.close();
    const role = (controller.store.getState().session ?? session.view())?.role;
    const host = role !== undefined && isHostRole(role);
    show({
      kind: 'ended',
      deliveries: host ? createZoomCloudApi(session) : null,
      report: host ? createReportApi(session) : null,
    });
  });
  link.connect();
  show({ kind: 'meeting', config, controller, session, surface });
  return () => {
    [offContext, offUser, offRooms, offMeeting].forEach((off) => off());
    controller.dispose();
    link.close();
  };
}

function PhaseView({ phase, zoom, onRetry }: { phase: Phase; zoom: ZoomPort; onRetry: () => void }): ReactNode {
  const t = useT();
  switch (phase.kind) {
    case 'loading':
      return (
        <NoticePage title={t('app.name')}>
          <LoadingState label={phase.message ? t(phase.message, phase.values) : undefined} />
        </NoticePage>
      );
    case 'not-in-zoom':
      return <NotInZoomPage />;
    case 'zoom-unavailable':
      return <ZoomUnavailablePage detail={phase.message} attempts={phase.attempts} onRetry={onRetry} />;
    case 'unsupported-context':
      return <UnsupportedContextPage context={phase.context} />;
    case 'failed':
      return (
        <NoticePage title={t('app.name')}>
          <ErrorState title={t(phase.title)} detail={phase.message} onRetry={phase.retry ? onRetry : undefined} />
        </NoticePage>
      );
    case 'ended':
      return (
        <NoticePage title={t('ended.title')}>
          <p>
            <FormattedMessage id="ended.body" />
          </p>
          {phase.report && <ReportView api={phase.report} />}
          {phase.deliveries && (
            <section aria-labelledby="report-heading">
              <h2 id="report-heading">
                <FormattedMessage id="ended.deliveries" />
              </h2>
              <DeliveriesList api={phase.deliveries} />
            </section>
          )}
        </NoticePage>
      );
    case 'library':
      return (
        <ZoomContext.Provider value={{ zoom, config: phase.config }}>
          <LibraryView session={phase.session} />
        </ZoomContext.Provider>
      );
    case 'meeting':
      return (
        <ZoomContext.Provider value={{ zoom, config: phase.config }}>
          <MeetingContext.Provider value={{ controller: phase.controller, session: phase.session }}>
            {phase.surface === 'stage' ? <StageView /> : <MeetingApp />}
          </MeetingContext.Provider>
        </ZoomContext.Provider>
      );
  }
}

/** The app's outer shell: runs the start sequence and shows whichever phase it is in. */
export function Boot(deps: BootDeps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading', message: 'boot.starting' });
  const [attempt, setAttempt] = useState(0);
  const { zoom, library, announcer } = deps;

  useEffect(() => {
    let alive = true;
    let teardown = () => {};
    const hooks: StartHooks = {
      show: (p) => alive && setPhase(p),
      alive: () => alive,
      restart: () => alive && setAttempt((a) => a + 1),
    };
    void start(
      {
        zoom,
        library,
        announcer,
        createSession: deps.createSession,
        openLink: deps.openLink,
        ...(deps.storage ? { storage: deps.storage } : {}),
      },
      hooks,
    ).then((stop) => {
      if (alive) teardown = stop;
      else stop();
    });
    return () => {
      alive = false;
      teardown();
    };
    // The factories are fixed for the app's life; restarting is driven by `attempt`.
  }, [zoom, library, announcer, attempt]);

  return (
    <Feedback announcer={announcer}>
      <LibraryContext.Provider value={library}>
        <PhaseView phase={phase} zoom={zoom} onRetry={() => setAttempt((a) => a + 1)} />
      </LibraryContext.Provider>
    </Feedback>
  );
}
