import { useRef, useState } from 'react';
import { isHostRole, type PollDraftInput } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { EmptyState } from '../../components/empty-state';
import { BarsIcon } from '../../components/icons';
import { Unavailable } from '../../components/unavailable';
import { useT } from '../../i18n';
import { mayRun, sortedPolls, tallyKey } from '../../realtime/meeting-state';
import { HostPollCard, useSaveDraft } from './host-poll-card';
import { useLaunchDraft } from './host-requests';
import { InvitePanel } from './invite-panel';
import { PollComposer } from './poll-composer';
import { useComposeFocus } from './use-compose-focus';
import { useParticipants } from './use-participants';
import { usePollFolds } from '../results/use-poll-folds';

/** The host's Polls tab: compose, the meeting's polls with live results, and invitations. */
export function PollsTab() {
  const state = useMeetingState();
  const { participants, supported } = useParticipants();
  const saveDraft = useSaveDraft();
  const launchDraft = useLaunchDraft();
  const [composing, setComposing] = useState(false);
  // A launch that saved the draft but could not open it leaves the composer up: the next try updates that draft.
  const savedId = useRef<string | undefined>(undefined);
  const focus = useComposeFocus(composing);
  const t = useT();
  const polls = sortedPolls(state);
  const canRun = mayRun(state);
  const foldOf = usePollFolds(state, polls);
  // Hosts and co-hosts get no ballot, so "N of M voted" counts only the people who can vote.
  const voters = participants?.filter((p) => !isHostRole(p.role)).length;
  // The newest open poll decides who "has not voted" in the invitation picker.
  const openPoll = polls.find((p) => p.status === 'open') ?? null;
  const openTurnout = openPoll ? (state.tallies[tallyKey(openPoll.id, openPoll.run)]?.turnout ?? 0) : 0;

  const compose = () => {
    savedId.current = undefined;
    setComposing(true);
  };
  const finish = (pollId?: string) => {
    focus.saved(pollId);
    setComposing(false);
  };
  const create = async (draft: PollDraftInput) => {
    const failure = await saveDraft(draft, savedId.current);
    if (failure === null) finish();
    return failure;
  };
  const launch = async (draft: PollDraftInput) => {
    const { pollId, error } = await launchDraft(draft, savedId.current);
    savedId.current = pollId;
    if (error === null) finish(pollId);
    return error;
  };

  return (
    <>
      {!canRun && (
        <p className="note" data-testid="host-only-note">
          {t('host.hostOnly')}
        </p>
      )}
      {canRun &&
        (composing ? (
          <PollComposer
            heading={t('poll.new')}
            onSave={create}
            onLaunch={launch}
            onCancel={() => setComposing(false)}
          />
        ) : (
          <button
            type="button"
            className="primary wide"
            data-testid="compose-poll"
            ref={focus.newPoll}
            onClick={compose}
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
          action={canRun ? { label: t('empty.host.action'), onClick: compose } : undefined}
        >
          <p>{t('empty.host.body')}</p>
        </EmptyState>
      )}
      <div className="poll-list" ref={focus.list}>
        {polls.map((poll) => (
          <HostPollCard key={poll.id} poll={poll} participants={voters} canRun={canRun} fold={foldOf(poll)} />
        ))}
      </div>
      <InvitePanel participants={participants} openPoll={openPoll} turnout={openTurnout} />
    </>
  );
}
