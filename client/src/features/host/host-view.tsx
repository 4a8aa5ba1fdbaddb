import { useState } from 'react';
import { isHostRole, type PollDraftInput } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { Unavailable } from '../../components/unavailable';
import { sortedPolls } from '../../realtime/meeting-state';
import { LibraryImport } from '../library/library-import';
import { DeliveriesPanel, ZoomAccountBar } from '../zoom-account/zoom-account-bar';
import { HostPollCard, useSaveDraft } from './host-poll-card';
import { InvitePanel } from './invite-panel';
import { PollComposer } from './poll-composer';
import { useParticipants } from './use-participants';

/** What hosts and co-hosts see: compose, the meeting's polls with live results, library and invitations. */
export function HostView() {
  const state = useMeetingState();
  const { participants, supported } = useParticipants();
  const saveDraft = useSaveDraft();
  const [composing, setComposing] = useState(false);
  const polls = sortedPolls(state);
  // Hosts and co-hosts get no ballot, so "N of M voted" counts only the people who can vote.
  const voters = participants?.filter((p) => !isHostRole(p.role)).length;

  const create = async (draft: PollDraftInput) => {
    const failure = await saveDraft(draft);
    if (failure === null) setComposing(false);
    return failure;
  };

  return (
    <>
      <ZoomAccountBar />
      {composing ? (
        <PollComposer heading="New poll" onSave={create} onCancel={() => setComposing(false)} />
      ) : (
        <button type="button" className="primary wide" data-testid="compose-poll" onClick={() => setComposing(true)}>
          New poll
        </button>
      )}
      {!supported && <Unavailable feature="The participant count" reason="this Zoom client does not list participants to apps" />}
      {polls.length === 0 && <p className="empty">No polls yet. Create one, or add one from your library.</p>}
      <div className="poll-list">
        {polls.map((poll) => (
          <HostPollCard key={poll.id} poll={poll} participants={voters} />
        ))}
      </div>
      <LibraryImport />
      <InvitePanel participants={participants} />
      <DeliveriesPanel />
    </>
  );
}
