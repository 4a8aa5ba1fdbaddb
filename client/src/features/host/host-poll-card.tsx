import { useState } from 'react';
import { LIMITS, type Poll, type PollDraftInput } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { PollCard, type Fold } from '../../components/poll-card';
import { useT } from '../../i18n';
import { currentTally } from '../../realtime/meeting-state';
import { PresentButton } from '../present/present-button';
import { PollResults } from '../results/poll-results';
import { draftFromForm, formFromDraft } from './composer-model';
import { ExportLinks } from './export-links';
import { useHostRequest, useModerate, useSaveDraft } from './host-requests';
import { PollComposer } from './poll-composer';
import { RunHistory } from './run-history';
import { PollActions, type PollAction } from './poll-actions';
import { TimerControls } from './timer-controls';

export { useSaveDraft } from './host-requests';

/** The same questions and settings as a new draft titled "… (copy)"; resolves with an error message or null. */
function useDuplicate() {
  const send = useHostRequest({ toast: true });
  const t = useT();
  return async (poll: Poll): Promise<string | null> => {
    const title = t('host.copyTitle', { title: poll.title }).slice(0, LIMITS.titleMax);
    const outcome = await send(
      'poll:create',
      { ...draftFromForm(formFromDraft(poll)), title },
      t('host.duplicated', { title: poll.title }),
    );
    return 'error' in outcome ? outcome.error : null;
  };
}

/** Sends a host action on one poll and reports the outcome; returns an error message or null. */
export function usePollRequest() {
  const send = useHostRequest({ toast: true });
  return async (action: PollAction, pollId: string, done: string): Promise<string | null> => {
    const outcome = await send(action, { pollId }, done);
    return 'error' in outcome ? outcome.error : null;
  };
}

interface HostPollCardProps {
  poll: Poll;
  participants?: number | undefined;
  /** False for a co-host while the host keeps running polls to themselves: results and exports only. */
  canRun?: boolean;
  fold?: Fold | undefined;
}

/** One poll for a host: results, turnout, timer, the actions its status allows, run history and exports. */
export function HostPollCard({ poll, participants, canRun = true, fold }: HostPollCardProps) {
  const state = useMeetingState();
  const send = usePollRequest();
  const saveDraft = useSaveDraft();
  const hide = useModerate(poll.id);
  const moderate = canRun ? hide : undefined;
  const [editing, setEditing] = useState(false);
  // Back from the composer, the card takes focus (its Save or Cancel button is gone).
  const [edited, setEdited] = useState(false);
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = (action: PollAction, done: string) => void send(action, poll.id, done).then(setError);
  const duplicate = useDuplicate();

  if (editing && canRun) {
    const onSave = async (draft: PollDraftInput) => {
      const failure = await saveDraft(draft, poll.id);
      if (failure === null) setEditing(false);
      return failure;
    };
    return (
      <PollComposer
        heading={t('host.editHeading', { title: poll.title })}
        initial={poll}
        onSave={onSave}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <PollCard poll={poll} clockOffsetMs={state.clockOffsetMs} arrived={edited} fold={fold}>
      {poll.status !== 'draft' && (
        <PollResults
          poll={poll}
          tally={currentTally(state, poll)}
          role="host"
          participants={participants}
          moderate={moderate}
        />
      )}
      {poll.status === 'draft' && <p className="note">{t('host.draftNote', { count: poll.questions.length })}</p>}
      {error && <p className="error">{error}</p>}
      {canRun && poll.status === 'open' && <TimerControls poll={poll} onError={setError} />}
      {canRun &&
        poll.status === 'open' &&
        participants !== undefined &&
        participants > 0 &&
        (currentTally(state, poll)?.turnout ?? 0) >= participants && (
          // Slido and Zoom's own polls offer this: nobody is left to wait for.
          <p className="note all-voted" role="status" data-testid="all-voted">
            {t('host.allVoted', { count: participants })}{' '}
            <button type="button" onClick={() => run('poll:close', t('host.closed', { title: poll.title }))}>
              {t('host.closeNow')}
            </button>
          </p>
        )}
      {canRun && (
        <PollActions
          poll={poll}
          run={run}
          edit={() => {
            setEdited(true);
            setEditing(true);
          }}
          duplicate={() => void duplicate(poll).then(setError)}
        />
      )}
      {poll.status !== 'draft' && <ExportLinks poll={poll} run={poll.run} />}
      <PresentButton poll={poll} />
      {poll.run > 1 && <RunHistory poll={poll} moderate={moderate} />}
    </PollCard>
  );
}
