import { useState, useSyncExternalStore, type FormEvent } from 'react';
import type { Poll } from '@quorum/shared';
import { useMeeting, useMeetingState } from '../../app-context';
import { currentReceipts } from '../../realtime/meeting-state';
import { answerProblem, answersFromReceipts, blankAnswers, completeAnswers, type AnswerDraft } from './answer-model';
import { QuestionInput } from './question-input';
import { VoteReceipt } from './vote-receipt';

/** Why the ballot cannot be sent yet, naming the question when there are several. */
function firstProblem(poll: Poll, draft: AnswerDraft): string | null {
  for (const [i, q] of poll.questions.entries()) {
    const problem = answerProblem(q, draft[q.id]);
    if (problem) return poll.questions.length > 1 ? `Question ${i + 1}: ${problem}` : problem;
  }
  return null;
}

/**
 * A participant's ballot for the poll's current run: fill in and submit, "Sending…" until the ack,
 * then the receipt with the ballot locked, or a way to change it where the poll allows.
 */
export function PollBallot({ poll }: { poll: Poll }) {
  const { controller } = useMeeting();
  const state = useMeetingState();
  const pending = useSyncExternalStore(controller.outbox.subscribe, controller.outbox.getSnapshot, controller.outbox.getSnapshot);
  const [draft, setDraft] = useState<AnswerDraft>(() => blankAnswers(poll));
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const receipts = currentReceipts(state, poll);
  const voted = Object.keys(receipts).length > 0;
  const sending = pending.some((c) => c.pollId === poll.id);
  const open = poll.status === 'open';
  if (!open && !voted) return null;

  const locked = voted && !editing;
  const shown = locked ? answersFromReceipts(poll, receipts) : draft;
  const error = sending ? null : (problem ?? state.ballotErrors[poll.id] ?? null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answers = completeAnswers(poll, draft);
    setProblem(answers ? null : firstProblem(poll, draft));
    if (!answers) return;
    controller.vote(poll, answers);
    setEditing(false);
  };
  const startChange = () => {
    setDraft(answersFromReceipts(poll, receipts));
    setEditing(true);
  };

  return (
    <form className="ballot" onSubmit={submit} noValidate>
      {locked && <VoteReceipt receipts={receipts} />}
      <fieldset className="ballot-questions" disabled={locked || sending || !open}>
        <legend className="visually-hidden">Your vote</legend>
        {poll.questions.map((q) => (
          <QuestionInput key={q.id} question={q} answer={shown[q.id]} onChange={(a) => setDraft((d) => ({ ...d, [q.id]: a }))} />
        ))}
      </fieldset>
      {error && <p className="error">{error}</p>}
      {sending && <p className="sending">Sending…</p>}
      {!sending && open && !locked && (
        <div className="actions">
          <button type="submit" className="primary">
            {voted ? 'Update vote' : 'Submit vote'}
          </button>
          {editing && (
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          )}
        </div>
      )}
      {!sending && open && locked && poll.settings.allowAnswerChange && (
        <button type="button" onClick={startChange}>
          Change answer
        </button>
      )}
      {locked && open && !poll.settings.allowAnswerChange && <p className="note">Answers cannot be changed in this poll.</p>}
    </form>
  );
}
