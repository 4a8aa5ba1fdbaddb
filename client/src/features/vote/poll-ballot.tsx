import { useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { isRequired, type Answer, type Poll } from '@quorum/shared';
import { useMeeting, useMeetingState } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useFocusLanding } from '../../components/use-focus-landing';
import { translator, useT } from '../../i18n';
import { currentReceipts } from '../../realtime/meeting-state';
import {
  answersFromReceipts,
  blankAnswers,
  checkBallot,
  isSubmittable,
  type AnswerDraft,
  type BallotCheck,
} from './answer-model';
import { QuestionInput } from './question-input';
import { VoteReceipt } from './vote-receipt';

/** What a failed check says at the top of the form (per-question problems sit under each question). */
function summary(poll: Poll, check: BallotCheck): string | null {
  if (check.overall) return check.overall;
  const count = Object.keys(check.problems).length;
  if (count === 0) return null;
  return poll.questions.length === 1 ? null : translator()('ballot.needAttention', { count });
}

/** The answers being filled in and the last check; changing an answer clears that question's problem. */
function useDraft(poll: Poll) {
  const [draft, setDraft] = useState<AnswerDraft>(() => blankAnswers(poll));
  const [check, setCheck] = useState<BallotCheck | null>(null);
  const change = (questionId: string, answer: Answer | undefined) => {
    setDraft((d) => ({ ...d, [questionId]: answer }));
    setCheck(
      (c) =>
        c && {
          ...c,
          overall: null,
          problems: Object.fromEntries(Object.entries(c.problems).filter(([id]) => id !== questionId)),
        },
    );
  };
  const reset = (next: AnswerDraft) => {
    setDraft(next);
    setCheck(null);
  };
  return { draft, check, setCheck, change, reset };
}

/** The first question's field to start a change at: the picked option of a choice, else its first control. */
function firstField(form: HTMLFormElement | null): HTMLElement | null | undefined {
  const first = form?.querySelector('fieldset.question');
  return (
    first?.querySelector<HTMLElement>('input:checked') ??
    first?.querySelector<HTMLElement>(':is(input, textarea, button):not(:disabled)')
  );
}

/** Moves focus to the first question with a problem, so a keyboard user lands where the fix is. */
function focusFirstProblem(form: HTMLFormElement | null, poll: Poll, check: BallotCheck): void {
  const first = poll.questions.find((q) => check.problems[q.id]);
  if (first)
    form
      ?.querySelector<HTMLElement>(`[data-question-id="${first.id}"] :is(input, textarea, button:not(:disabled))`)
      ?.focus();
}

/**
 * A participant's ballot for the poll's current run: every question in one form and ONE submit
 * (`ballot:submit` through the outbox), "Sending…" until the ack, then the receipt with the ballot
 * locked, or a way to change it where the poll allows.
 */
export function PollBallot({ poll }: { poll: Poll }) {
  const { controller } = useMeeting();
  const state = useMeetingState();
  const announce = useAnnounce();
  const form = useRef<HTMLFormElement>(null);
  const receipt = useRef<HTMLParagraphElement>(null);
  const pending = useSyncExternalStore(
    controller.outbox.subscribe,
    controller.outbox.getSnapshot,
    controller.outbox.getSnapshot,
  );
  const { draft, check, setCheck, change, reset } = useDraft(poll);
  const [editing, setEditing] = useState(false);
  const t = useT();

  const receipts = currentReceipts(state, poll);
  const voted = Object.keys(receipts).length > 0;
  const sending = pending.some((c) => c.pollId === poll.id);
  // Submit turns into "Sending…" and then the receipt: focus lands on the receipt rather than the page top.
  useFocusLanding(receipt, voted && !editing ? 'locked' : null);
  // "Change answer" gives way to the unlocked form: focus goes to its first field.
  useFocusLanding(() => firstField(form.current), editing ? 'editing' : null);
  if (poll.status !== 'open' && !voted) return null;

  const locked = voted && !editing;
  const shown = locked ? answersFromReceipts(poll, receipts) : draft;
  const refused = sending ? undefined : state.ballotErrors[poll.id];
  const errorOf = (questionId: string) =>
    sending || locked
      ? undefined
      : (check?.problems[questionId] ?? (refused?.questionId === questionId ? refused.message : undefined));
  const topError = sending
    ? null
    : ((check && summary(poll, check)) ?? (refused && !refused.questionId ? refused.message : null));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = checkBallot(poll, draft);
    setCheck(result);
    if (isSubmittable(result)) {
      controller.vote(poll, result.answers);
      setEditing(false);
      return;
    }
    announce(summary(poll, result) ?? Object.values(result.problems)[0] ?? t('ballot.check'));
    focusFirstProblem(form.current, poll, result);
  };
  const startChange = () => {
    reset(answersFromReceipts(poll, receipts));
    setEditing(true);
  };

  return (
    <form className="ballot" ref={form} onSubmit={submit} noValidate>
      {locked && <VoteReceipt receipts={receipts} ref={receipt} />}
      <fieldset className="ballot-questions" disabled={locked || sending || poll.status !== 'open'}>
        <legend className="visually-hidden">{t('ballot.yourVote')}</legend>
        {poll.questions.map((q) => (
          // Keyed by mode too: fields that keep their own text restart from the answers shown.
          <QuestionInput
            key={`${q.id}:${locked}`}
            question={q}
            answer={shown[q.id]}
            onChange={(a) => change(q.id, a)}
            error={errorOf(q.id)}
            marker={poll.questions.length > 1 ? (isRequired(q) ? 'required' : 'optional') : undefined}
          />
        ))}
      </fieldset>
      {topError && <p className="error">{topError}</p>}
      <BallotActions
        poll={poll}
        sending={sending}
        locked={locked}
        voted={voted}
        editing={editing}
        onCancel={() => setEditing(false)}
        onChange={startChange}
      />
    </form>
  );
}

interface ActionsProps {
  poll: Poll;
  sending: boolean;
  locked: boolean;
  voted: boolean;
  editing: boolean;
  onCancel: () => void;
  onChange: () => void;
}

/** Submit (or update, or cancel a change) while open; "Change answer" once locked, where the poll allows it. */
function BallotActions({ poll, sending, locked, voted, editing, onCancel, onChange }: ActionsProps) {
  const open = poll.status === 'open';
  const t = useT();
  if (sending) return <p className="sending">{t('ballot.sending')}</p>;
  if (!open) return null;
  if (!locked) {
    return (
      <div className="actions">
        <button type="submit" className="primary">
          {t(voted ? 'ballot.update' : 'ballot.submit')}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    );
  }
  return poll.settings.allowAnswerChange ? (
    <button type="button" onClick={onChange}>
      {t('ballot.change')}
    </button>
  ) : (
    <p className="note">{t('ballot.noChange')}</p>
  );
}
