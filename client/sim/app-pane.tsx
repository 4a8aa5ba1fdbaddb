import { useCallback, useState } from 'react';
import { frameSrc } from './app-context-client';
import { InvitationCard } from './invitation-card';
import { paneKey, roomOfPerson } from './meeting-state';
import { personLabel } from './person-label';
import type { PaneCtx, PaneState, Person, PopoutSize } from './sim-types';
import { ToastStack } from './toast-stack';
import { useSim, useSimState } from './use-sim';

const CTX_LABELS: Record<PaneCtx, string> = { inMeeting: 'in meeting', inMainClient: 'main client' };

// The URL is frozen when the frame mounts: Zoom does not reload the app when a role or name changes,
// it sends onMyUserContextChange; a reload (new key) picks up the current person.
function StableFrame(props: {
  src: string;
  name: string;
  title: string;
  register(el: HTMLIFrameElement | null): void;
}) {
  const [src] = useState(props.src);
  return (
    <iframe
      ref={props.register}
      className="pane-frame"
      data-testid="pane-frame"
      name={props.name}
      title={props.title}
      src={src}
    />
  );
}

function PaneFrame({ person, pane }: { person: Person; pane: PaneState }) {
  const { frames } = useSim();
  const { meeting } = useSimState();
  // The registry must forget the frame on unmount, or a reloaded pane would match the old window.
  const register = useCallback((el: HTMLIFrameElement | null) => frames.set(pane.key, el), [frames, pane.key]);
  return (
    <StableFrame
      key={`${meeting.uuid}:${pane.generation}`}
      register={register}
      name={`app-${person.id}-${pane.ctx}`}
      title={`Quorum for ${personLabel(person)}, ${CTX_LABELS[pane.ctx]}`}
      src={frameSrc(meeting, person, pane)}
    />
  );
}

function PaneHeader({ person, pane }: { person: Person; pane: PaneState }) {
  const { meeting } = useSim();
  const room = roomOfPerson(useSimState(), person);
  return (
    <header className="pane-header">
      <span>
        {personLabel(person)} · {CTX_LABELS[pane.ctx]}
        {room ? ` · ${room.name}` : ''}
        {pane.connected ? ' · connected' : ''}
      </span>
      <button
        type="button"
        data-testid="pane-popout"
        aria-pressed={pane.poppedOut}
        onClick={() => meeting.togglePopout(pane.key)}
      >
        {pane.poppedOut ? 'Dock' : 'Pop out'}
      </button>
      <button type="button" data-testid="pane-reload" onClick={() => meeting.reloadPane(pane.key)}>
        Reload
      </button>
      <button type="button" data-testid="pane-close" onClick={() => meeting.closeApp(pane.key)}>
        Close app
      </button>
    </header>
  );
}

// Zoom's popout window opens at the size the app asked for in config; without one, at this size.
const DEFAULT_POPOUT: PopoutSize = { width: 800, height: 600 };

/** One running app instance: header, the framed Home URL, its toasts, and any invitation card. */
function OpenPane({ person, pane }: { person: Person; pane: PaneState }) {
  const { invitations, meeting } = useSimState();
  const ended = meeting.ended && pane.ctx === 'inMeeting';
  const popout = pane.poppedOut ? (pane.popoutSize ?? DEFAULT_POPOUT) : null;
  return (
    <article
      className={`pane${pane.expanded ? ' pane-expanded' : ''}${pane.poppedOut ? ' pane-popout' : ''}`}
      data-testid="pane"
      data-person-id={person.id}
      data-ctx={pane.ctx}
      data-state={ended ? 'ended' : 'open'}
      data-connected={pane.connected}
      data-room={person.roomId ?? ''}
      data-popout={pane.poppedOut}
    >
      <PaneHeader person={person} pane={pane} />
      {pane.ctx === 'inMeeting' &&
        (invitations[person.id] ?? []).map((inv) => (
          <InvitationCard key={inv.invitationUUID} person={person} invitation={inv} appOpen />
        ))}
      <div className="pane-body" style={popout ? { width: popout.width, height: popout.height } : undefined}>
        <PaneFrame person={person} pane={pane} />
        <ToastStack pane={pane} />
        {ended && (
          <div className="pane-ended" data-testid="pane-ended">
            The meeting has ended
          </div>
        )}
      </div>
    </article>
  );
}

/** A person in the meeting who has not opened the app: their invitations and an Open button. */
function NotOpenedPane({ person }: { person: Person }) {
  const { meeting } = useSim();
  const invitations = useSimState().invitations[person.id] ?? [];
  // Zoom only lets guests open an app they were invited to.
  const guestWithoutInvite = person.status === 'unauthenticated' && invitations.length === 0;
  return (
    <article
      className="pane pane-not-opened"
      data-testid="pane"
      data-person-id={person.id}
      data-ctx="inMeeting"
      data-state="not-opened"
    >
      <header className="pane-header">
        <span>{personLabel(person)} · app not opened</span>
      </header>
      {invitations.map((inv) => (
        <InvitationCard key={inv.invitationUUID} person={person} invitation={inv} appOpen={false} />
      ))}
      <button
        type="button"
        data-testid="open-app"
        disabled={guestWithoutInvite}
        onClick={() => meeting.openApp(person.id, 'inMeeting')}
      >
        Open Quorum
      </button>
      {guestWithoutInvite && <p className="hint">Guests can only open an app they were invited to.</p>}
    </article>
  );
}

/** Everyone's instances: the meeting pane (or placeholder) and, when open, the main-client pane. */
export function PaneGrid() {
  const { persons, panes } = useSimState();
  return (
    <section className="panes" aria-label="App instances">
      {persons.map((person) => {
        const inMeeting = panes[paneKey(person.id, 'inMeeting')];
        const mainClient = panes[paneKey(person.id, 'inMainClient')];
        return [
          inMeeting ? (
            <OpenPane key={inMeeting.key} person={person} pane={inMeeting} />
          ) : (
            <NotOpenedPane key={`${person.id}:none`} person={person} />
          ),
          mainClient && <OpenPane key={mainClient.key} person={person} pane={mainClient} />,
        ];
      })}
    </section>
  );
}
