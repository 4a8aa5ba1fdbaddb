import { useEffect, useState } from 'react';
import { useSupports, useZoom } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { Unavailable } from '../../components/unavailable';
import type { ZoomParticipant } from '../../zoom/zoom-port';

const describe = (error: unknown) => (error instanceof Error && error.message ? error.message : 'Zoom refused the invitation.');

/** Runs an invitation call and reports the outcome in the live region. */
function useInvite() {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const invite = async (send: () => Promise<void>, success: string) => {
    setBusy(true);
    try {
      await send();
      announce(success);
    } catch (error) {
      announce(`Could not send the invitation: ${describe(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return { busy, invite };
}

function ParticipantPicker({ participants, me }: { participants: ZoomParticipant[]; me: string | null }) {
  const { zoom } = useZoom();
  const { busy, invite } = useInvite();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const others = participants.filter((p) => p.participantUUID !== me);
  const selected = others.filter((p) => picked.has(p.participantUUID)).map((p) => p.participantUUID);
  const toggle = (uuid: string, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  if (others.length === 0) return <p className="note">Nobody else is in the meeting yet.</p>;
  const send = () => invite(() => zoom.sendAppInvitation({ participantUUIDs: selected }), `Invited ${selected.length} ${selected.length === 1 ? 'person' : 'people'}.`).then(() => setPicked(new Set()));
  return (
    <fieldset>
      <legend>Invite people who have not opened Quorum</legend>
      <ul className="plain">
        {others.map((p) => (
          <li key={p.participantUUID}>
            <label className="choice">
              <input type="checkbox" checked={picked.has(p.participantUUID)} onChange={(e) => toggle(p.participantUUID, e.currentTarget.checked)} /> {p.screenName}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" disabled={busy || selected.length === 0} onClick={() => void send()}>
        Invite selected ({selected.length})
      </button>
    </fieldset>
  );
}

/** Invitations: everyone at once, or chosen participants (sent in batches of ten by the port). */
export function InvitePanel({ participants }: { participants: ZoomParticipant[] | null }) {
  const { zoom } = useZoom();
  const canInviteAll = useSupports('sendAppInvitationToAllParticipants');
  const canInvite = useSupports('sendAppInvitation');
  const canList = useSupports('getMeetingParticipants');
  const canInviteSome = canInvite && canList;
  const { busy, invite } = useInvite();
  const [me, setMe] = useState<string | null>(null);
  useEffect(() => {
    zoom.getUserContext().then((u) => setMe(u.participantUUID), () => setMe(null));
  }, [zoom]);

  return (
    <details className="panel">
      <summary>Invite participants</summary>
      {canInviteAll ? (
        <button type="button" data-testid="invite-all" disabled={busy} onClick={() => void invite(() => zoom.sendAppInvitationToAllParticipants(), 'Invitation sent to everyone.')}>
          Invite everyone to Quorum
        </button>
      ) : (
        <Unavailable feature="Inviting everyone" />
      )}
      {!canInviteSome && <Unavailable feature="Inviting chosen people" />}
      {canInviteSome && participants && <ParticipantPicker participants={participants} me={me} />}
    </details>
  );
}
