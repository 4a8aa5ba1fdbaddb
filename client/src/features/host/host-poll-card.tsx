import { useRef, useState } from 'react';
import { canSeeResults, LIMITS, type Poll, type PollDraftInput } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { PollCard, type Fold } from '../../components/poll-card';
import { useFocusLanding } from '../../components/use-focus-landing';
import { useT } from '../../i18n';
import { currentTally } from '../../realtime/meeting-state';
import { PresentButton } from '../present/present-button';
import { PollResults } from '../results/poll-results';
import { draftFromForm, formFromDraft } from './composer-model';
import { ExportLinks } from './export-links';
import { useHostRequest, useModerate, useSaveDraft } from './host-requests';
import { PollComposer } from './poll-composer';
import { RunHistory } from './run-history';
import { TimerControls } from './timer-controls';

export { useSaveDraft } from './host-requests';

type PollAction = 'poll:open' | 'poll:close' | 'poll:share' | 'poll:unshare' | 'poll:delete';

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

interface ActionsProps {
  poll: Poll;
  run: (action: PollAction, done: string) => void;
  edit: () => void;
  duplicate: () => void;
}

/** The buttons a poll's status allows: launch and edit a draft, close an open poll, share, relaunch, delete. */
function PollActions({ poll, run, edit, duplicate }: ActionsProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Delete turns into Confirm delete: focus follows, so Enter twice deletes and Tab moves on.
  const confirm = useRef<HTMLButtonElement>(null);
  useFocusLanding(confirm, confirmDelete ? 'confirm' : null);
  const t = useT();
  const title = poll.title;
  // Sharing only matters while participants cannot already see results.
  const canShare = poll.status !== 'draft' && !canSeeResults(poll, 'participant');
  return (
    <div className="actions">
      {poll.status === 'draft' && (
        <>
          <button
            type="button"
            className="primary"
            data-testid="launch-poll"
            onClick={() => run('poll:open', t('host.launched', { title }))}
          >
            {t('host.launch')}
          </button>
          <button type="button" onClick={edit}>
            {t('host.edit')}
          </button>
        </>
      )}
      {poll.status === 'open' && (
        <button
          type="button"
          className="primary"
          data-testid="close-poll"
          onClick={() => run('poll:close', t('host.closed', { title }))}
        >
          {t('host.close')}
        </button>
      )}
      {canShare && (
        <button
          type="button"
          data-testid="share-results"
          onClick={() => run('poll:share', t('host.shared', { title }))}
        >
          {t('host.share')}
        </button>
      )}
      {poll.status !== 'draft' && poll.resultsShared && (
        <button
          type="button"
          data-testid="unshare-results"
          onClick={() => run('poll:unshare', t('host.unshared', { title }))}
        >
          {t('host.unshare')}
        </button>
      )}
      {poll.status === 'closed' && (
        <button type="button" onClick={() => run('poll:open', t('host.relaunched', { title }))}>
          {t('host.relaunch')}
        </button>
      )}
      <button type="button" data-testid="duplicate-poll" onClick={duplicate}>
        {t('host.duplicate')}
      </button>
      {poll.status !== 'open' &&
        (confirmDelete ? (
          <button
            type="button"
            className="danger"
            ref={confirm}
            onClick={() => run('poll:delete', t('host.deleted', { title }))}
          >
            {t('host.confirmDelete')}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            {t('host.delete')}
          </button>
        ))}
    </div>
  );
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
