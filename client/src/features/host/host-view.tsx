import { useState } from 'react';
import { isHostRole, type PollDraftInput } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { Unavailable } from '../../components/unavailable';
import { mayRun, sortedPolls, tallyKey } from '../../realtime/meeting-state';
import { LibraryImport } from '../library/library-import';
import { ReportPanel } from '../report/report-panel';
import { DeliveriesPanel, ZoomAccountBar } from '../zoom-account/zoom-account-bar';
import { CoHostToggle } from './co-host-toggle';
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
  const canRun = mayRun(state);
  // Hosts and co-hosts get no ballot, so "N of M voted" counts only the people who can vote.
  const voters = participants?.filter((p) => !isHostRole(p.role)).length;
  // The newest open poll decides who "has not voted" in the invitation picker.
  const openPoll = polls.find((p) => p.status === 'open') ?? null;
  const openTurnout = openPoll ? (state.tallies[tallyKey(openPoll.id, openPoll.run)]?.turnout ?? 0) : 0;

  const create = async (draft: PollDraftInput) => {
    const failure = await saveDraft(draft);
    if (failure === null) setComposing(false);
    return failure;
  };

  return (
    <>
      <ZoomAccountBar />
      {state.session?.role === 'host' && <CoHostToggle />}
      {!canRun && (
        <p className="note" data-testid="host-only-note">
          The host runs the polls in this meeting. You can follow the results and export them.
        </p>
      )}
      {canRun &&
        (composing ? (
          <PollComposer heading="New poll" onSave={create} onCancel={() => setComposing(false)} />
        ) : (
          <button type="button" className="primary wide" data-testid="compose-poll" onClick={() => setComposing(true)}>
            New poll
          </button>
        ))}
      {!supported && <Unavailable feature="The participant count" reason="this Zoom client does not list participants to apps" />}
      {polls.length === 0 && <p className="empty">No polls yet. Create one, or add one from your library.</p>}
      <div className="poll-list">
        {polls.map((poll) => (
          <HostPollCard key={poll.id} poll={poll} participants={voters} canRun={canRun} />
        ))}
      </div>
      {canRun && <LibraryImport />}
      <ReportPanel />
      <InvitePanel participants={participants} openPoll={openPoll} turnout={openTurnout} />
      <DeliveriesPanel />
    </>
  );
}
