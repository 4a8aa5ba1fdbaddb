import { useEffect, useState } from 'react';
import type { Poll } from '@quorum/shared';
import { useMeeting, useSupports, useZoom } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useNotify } from '../../components/toasts';
import { Unavailable } from '../../components/unavailable';
import { useT, type Translate } from '../../i18n';
import type { ZoomParticipant } from '../../zoom/zoom-port';

const describe = (error: unknown, t: Translate) =>
  error instanceof Error && error.message ? error.message : t('invite.refused');

/** Runs an invitation call and reports the outcome in the live region. */
function useInvite() {
  const announce = useAnnounce();
  const notify = useNotify();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const invite = async (send: () => Promise<void>, success: string) => {
    setBusy(true);
    try {
      await send();
      notify(success);
    } catch (error) {
      announce(t('invite.failed', { reason: describe(error, t) }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, invite };
}

/**
 * The participant UUIDs that voted in the open poll, refreshed as its turnout moves; `null` when the
 * server will not say (no open poll, anonymous poll, or no answer).
 */
function useVoted(openPoll: Poll | null, turnout: number): ReadonlySet<string> | null {
  const { controller } = useMeeting();
  const [voted, setVoted] = useState<ReadonlySet<string> | null>(null);
  const pollId = openPoll?.id ?? null;
  useEffect(() => {
    if (pollId === null) return setVoted(null);
    let current = true;
    controller
      .request('poll:voters', { pollId })
      .then((r) => current && setVoted(r.ok && !r.data.anonymous ? new Set(r.data.participantUUIDs) : null))
      .catch(() => current && setVoted(null));
    return () => {
      current = false;
    };
  }, [controller, pollId, turnout]);
  return voted;
}

interface PickerProps {
  participants: ZoomParticipant[];
  me: string | null;
  voted: ReadonlySet<string> | null;
  /** The invitation's own line (naming the open poll), or undefined for Zoom's default text. */
  messageText: string | undefined;
}

function ParticipantPicker({ participants, me, voted, messageText }: PickerProps) {
  const { zoom } = useZoom();
  const { busy, invite } = useInvite();
  const t = useT();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // With an open, named poll, only those who have not voted yet; otherwise everyone but me.
  const others = participants.filter((p) => p.participantUUID !== me && !voted?.has(p.participantUUID));
  const selected = others.filter((p) => picked.has(p.participantUUID)).map((p) => p.participantUUID);
  const toggle = (uuid: string, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  if (others.length === 0) return <p className="note">{t(voted ? 'invite.allVoted' : 'invite.nobodyElse')}</p>;
  const send = () =>
    invite(
      () => zoom.sendAppInvitation({ participantUUIDs: selected, ...(messageText ? { messageText } : {}) }),
      t('invite.invited', { count: selected.length }),
    ).then(() => setPicked(new Set()));
  return (
    <fieldset>
      <legend>{t(voted ? 'invite.notVoted' : 'invite.chosen')}</legend>
      <ul className="plain">
        {others.map((p) => (
          <li key={p.participantUUID}>
            <label className="choice">
              <input
                type="checkbox"
                checked={picked.has(p.participantUUID)}
                onChange={(e) => toggle(p.participantUUID, e.currentTarget.checked)}
              />{' '}
              {p.screenName}
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-testid="invite-select-all"
        disabled={selected.length === others.length}
        onClick={() => setPicked(new Set(others.map((p) => p.participantUUID)))}
      >
        {t(voted ? 'invite.selectNonVoters' : 'invite.selectAll')}
      </button>{' '}
      <button type="button" disabled={busy || selected.length === 0} onClick={() => void send()}>
        {t('invite.selected', { count: selected.length })}
      </button>
    </fieldset>
  );
}

/** Invitations: everyone at once, or chosen participants (sent in batches of ten by the port). */
export function InvitePanel({
  participants,
  openPoll,
  turnout,
}: {
  participants: ZoomParticipant[] | null;
  openPoll: Poll | null;
  turnout: number;
}) {
  const { zoom } = useZoom();
  const canInviteAll = useSupports('sendAppInvitationToAllParticipants');
  const canInvite = useSupports('sendAppInvitation');
  const canList = useSupports('getMeetingParticipants');
  const canInviteSome = canInvite && canList;
  const { busy, invite } = useInvite();
  const t = useT();
  const [me, setMe] = useState<string | null>(null);
  const voted = useVoted(openPoll, turnout);
  // Only sendAppInvitation carries text; sendAppInvitationToAllParticipants takes no options at all.
  const messageText = openPoll ? t('invite.message', { title: openPoll.title }) : undefined;
  useEffect(() => {
    zoom.getUserContext().then(
      (u) => setMe(u.participantUUID),
      () => setMe(null),
    );
  }, [zoom]);

  return (
    <details className="panel">
      <summary>{t('invite.title')}</summary>
      {canInviteAll ? (
        <button
          type="button"
          data-testid="invite-all"
          disabled={busy}
          onClick={() => void invite(() => zoom.sendAppInvitationToAllParticipants(), t('invite.sentAll'))}
        >
          {t('invite.all')}
        </button>
      ) : (
        <Unavailable feature="invite.all.feature" />
      )}
      {!canInviteSome && <Unavailable feature="invite.some.feature" />}
      {canInviteSome && participants && (
        <ParticipantPicker participants={participants} me={me} voted={voted} messageText={messageText} />
      )}
    </details>
  );
}
