import { useState } from 'react';
import { isHostRole, type PollDraftInput } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { BarsIcon } from '../../components/icons';
import { Unavailable } from '../../components/unavailable';
import { useT } from '../../i18n';
import { mayRun, sortedPolls, tallyKey } from '../../realtime/meeting-state';
import { LibraryImport } from '../library/library-import';
import { ReportPanel } from '../report/report-panel';
import { DeliveriesPanel, ZoomAccountBar } from '../zoom-account/zoom-account-bar';
import { CoHostToggle } from './co-host-toggle';
import { HostPollCard, useSaveDraft } from './host-poll-card';
import { InvitePanel } from './invite-panel';
import { PollComposer } from './poll-composer';
import { HostPanels } from '../qa/qa-panels';
import { useComposeFocus } from './use-compose-focus';
import { useParticipants } from './use-participants';

/** What hosts and co-hosts see: Polls | Q&A (no HOST_TABS on this branch yet: the Q&A entry goes there). */
export function HostView() {
  return <HostPanels polls={<HostPolls />} />;
}

/** The Polls panel: compose, the meeting's polls with live results, library and invitations. */
function HostPolls() {
  const state = useMeetingState();
  const { participants, supported } = useParticipants();
  const saveDraft = useSaveDraft();
  const [composing, setComposing] = useState(false);
  const focus = useComposeFocus(composing);
  const t = useT();
  const polls = sortedPolls(state);
  const canRun = mayRun(state);
  // Hosts and co-hosts get no ballot, so "N of M voted" counts only the people who can vote.
  const voters = participants?.filter((p) => !isHostRole(p.role)).length;
  // The newest open poll decides who "has not voted" in the invitation picker.
  const openPoll = polls.find((p) => p.status === 'open') ?? null;
  const openTurnout = openPoll ? (state.tallies[tallyKey(openPoll.id, openPoll.run)]?.turnout ?? 0) : 0;

  const create = async (draft: PollDraftInput) => {
    const failure = await saveDraft(draft);
    if (failure === null) {
      focus.saved();
      setComposing(false);
    }
    return failure;
  };

  return (
    <>
      <ZoomAccountBar />
      {state.session?.role === 'host' && <CoHostToggle />}
      {!canRun && (
        <p className="note" data-testid="host-only-note">
          {t('host.hostOnly')}
        </p>
      )}
      {canRun &&
        (composing ? (
          <PollComposer heading={t('poll.new')} onSave={create} onCancel={() => setComposing(false)} />
        ) : (
          <button
            type="button"
            className="primary wide"
            data-testid="compose-poll"
            ref={focus.newPoll}
            onClick={() => setComposing(true)}
          >
            {t('poll.new')}
          </button>
        ))}
      {!supported && <Unavailable feature="host.participantCount" reason="host.participantCount.why" />}
      {polls.length === 0 && !composing && (
        <EmptyState
          icon={<BarsIcon />}
          title={t('empty.host.title')}
          testId="empty-polls"
          action={canRun ? { label: t('empty.host.action'), onClick: () => setComposing(true) } : undefined}
        >
          <p>{t('empty.host.body')}</p>
        </EmptyState>
      )}
      <div className="poll-list" ref={focus.list}>
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
