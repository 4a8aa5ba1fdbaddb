import { useState } from 'react';
import { canSeeResults, type Poll, type PollDraftInput } from '@quorum/shared';
import { useMeeting, useMeetingState } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { PollCard } from '../../components/poll-card';
import { currentTally } from '../../realtime/meeting-state';
import { PollResults } from '../results/poll-results';
import { ExportLinks } from './export-links';
import { PollComposer } from './poll-composer';

type PollAction = 'poll:open' | 'poll:close' | 'poll:share' | 'poll:delete';

/** Sends a host action and reports the outcome; returns an error message or null. */
export function usePollRequest() {
  const { controller } = useMeeting();
  const announce = useAnnounce();
  return async (action: PollAction, pollId: string, done: string): Promise<string | null> => {
    const result = await controller.request(action, { pollId });
    const message = result.ok ? done : `Could not do that: ${result.error.message}`;
    announce(message);
    return result.ok ? null : message;
  };
}

/** Saves a draft's new content; resolves with an error message or null. */
export function useSaveDraft() {
  const { controller } = useMeeting();
  return async (draft: PollDraftInput, pollId?: string): Promise<string | null> => {
    const result = pollId ? await controller.request('poll:update', { pollId, draft }) : await controller.request('poll:create', draft);
    return result.ok ? null : result.error.message;
  };
}

/** One poll for a host: results, turnout, and the actions its status allows. */
export function HostPollCard({ poll, participants }: { poll: Poll; participants?: number | undefined }) {
  const state = useMeetingState();
  const send = usePollRequest();
  const saveDraft = useSaveDraft();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (action: PollAction, done: string) => void send(action, poll.id, done).then(setError);
  // Sharing only matters while participants cannot already see results.
  const canShare = poll.status !== 'draft' && !canSeeResults(poll, 'participant');

  if (editing) {
    const onSave = async (draft: PollDraftInput) => {
      const failure = await saveDraft(draft, poll.id);
      if (failure === null) setEditing(false);
      return failure;
    };
    return <PollComposer heading={`Edit “${poll.title}”`} initial={poll} onSave={onSave} onCancel={() => setEditing(false)} />;
  }
  return (
    <PollCard poll={poll} clockOffsetMs={state.clockOffsetMs}>
      {poll.status !== 'draft' && <PollResults poll={poll} tally={currentTally(state, poll)} role="host" participants={participants} />}
      {poll.status === 'draft' && <p className="note">{poll.questions.length} question(s), not launched yet.</p>}
      {error && <p className="error">{error}</p>}
      <div className="actions">
        {poll.status === 'draft' && (
          <>
            <button type="button" className="primary" data-testid="launch-poll" onClick={() => run('poll:open', `Launched “${poll.title}”.`)}>
              Launch
            </button>
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          </>
        )}
        {poll.status === 'open' && (
          <button type="button" className="primary" data-testid="close-poll" onClick={() => run('poll:close', `Closed “${poll.title}”.`)}>
            Close poll
          </button>
        )}
        {canShare && (
          <button type="button" data-testid="share-results" onClick={() => run('poll:share', `Results of “${poll.title}” shared.`)}>
            Share results
          </button>
        )}
        {poll.status === 'closed' && (
          <button type="button" onClick={() => run('poll:open', `Relaunched “${poll.title}”.`)}>
            Relaunch
          </button>
        )}
        {poll.status !== 'open' &&
          (confirmDelete ? (
            <button type="button" className="danger" onClick={() => run('poll:delete', `Deleted “${poll.title}”.`)}>
              Confirm delete
            </button>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          ))}
      </div>
      {poll.status !== 'draft' && <ExportLinks poll={poll} />}
    </PollCard>
  );
}
