import { useId, useRef, useState, type FormEvent } from 'react';
import { LIMITS, type PollDraftInput } from '@quorum/shared';
import { useAnnounce } from '../../components/announcer';
import { useFocusLanding, useFocusOnGrowth } from '../../components/use-focus-landing';
import { useT } from '../../i18n';
import { blankForm, blankQuestion, draftFromForm, formFault, formFromDraft, type PollForm } from './composer-model';
import { FieldFaultProvider, useFaultFocus, useFieldFault, type FieldFaultValue } from '../../components/field-fault';
import { isQuiz } from './kind-settings';
import { QuestionEditor } from './question-editor';
import { SettingsFields } from './settings-fields';

interface PollComposerProps {
  heading: string;
  initial?: PollDraftInput | undefined;
  /** Stores the draft; resolves with an error message, or null when saved. */
  onSave: (draft: PollDraftInput) => Promise<string | null>;
  /** Saves and opens the draft in one step (a meeting's composer); then Save turns secondary, "Save for later". */
  onLaunch?: ((draft: PollDraftInput) => Promise<string | null>) | undefined;
  onCancel: () => void;
}

/** Writes or edits a poll: title, questions of any kind, settings; validated by the shared rules before saving. */
export function PollComposer({ heading, initial, onSave, onLaunch, onCancel }: PollComposerProps) {
  const announce = useAnnounce();
  const t = useT();
  const [form, setForm] = useState<PollForm>(() => (initial ? formFromDraft(initial) : blankForm()));
  const [fault, setFault] = useState<FieldFaultValue | null>(null);
  const faultId = useId();
  const fail = (message: string | null, field?: string) =>
    setFault(message === null ? null : { message, field, id: faultId });
  const [busy, setBusy] = useState<'save' | 'launch' | null>(null);
  // The New poll or Edit button that opened the composer is gone: start at the title.
  const title = useRef<HTMLInputElement>(null);
  useFocusLanding(title, 'opened', true);
  // "Add question": on to the new question's prompt.
  const formEl = useRef<HTMLFormElement>(null);
  useFocusOnGrowth(form.questions.length, () =>
    [...(formEl.current?.querySelectorAll<HTMLElement>('[data-testid=question-editor]') ?? [])]
      .at(-1)
      ?.querySelector('input'),
  );
  // The problem shows beside its field, which takes focus; else beside the buttons.
  const placed = useFaultFocus(formEl, fault);
  const titleFault = useFieldFault('title');
  const set = (patch: Partial<PollForm>) => setForm((f) => ({ ...f, ...patch }));
  const setQuestions = (update: (qs: PollForm['questions']) => PollForm['questions']) =>
    setForm((f) => ({ ...f, questions: update(f.questions) }));

  // Validated here first so the host sees the problem at once; the server checks again.
  const submit = async (action: 'save' | 'launch', send: (draft: PollDraftInput) => Promise<string | null>) => {
    const problem = formFault(form) ?? (busy ? { message: t('composer.saving') } : null);
    if (problem === null) {
      fail(null);
      setBusy(action);
      const failure = await send(draftFromForm(form));
      setBusy(null);
      fail(failure);
      // A launch confirms itself ("Launched …" toast); a save says so here too.
      if (failure !== null || action === 'save') announce(failure ?? t('composer.saved'));
      return;
    }
    fail(problem.message, problem.field);
    announce(problem.message);
  };
  // Enter in a field submits the form: that saves (Save for later), it never launches a poll by accident.
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit('save', onSave);
  };

  return (
    <FieldFaultProvider value={fault}>
      <form className="composer" ref={formEl} onSubmit={save} noValidate aria-label={heading}>
        <h2>{heading}</h2>
        <label className="stack">
          {t('composer.title')}{' '}
          <input
            ref={title}
            {...titleFault.props}
            value={form.title}
            maxLength={LIMITS.titleMax}
            placeholder={t('composer.titlePlaceholder')}
            onChange={(e) => set({ title: e.currentTarget.value })}
          />
        </label>
        {titleFault.message}
        {form.questions.map((q, i) => (
          <QuestionEditor
            key={q.key}
            index={i}
            question={q}
            quiz={isQuiz(form)}
            onChange={(next) => setQuestions((qs) => qs.map((x) => (x.key === q.key ? next : x)))}
            onRemove={
              form.questions.length > 1 ? () => setQuestions((qs) => qs.filter((x) => x.key !== q.key)) : undefined
            }
          />
        ))}
        <button
          type="button"
          disabled={form.questions.length >= LIMITS.questionsMax}
          onClick={() => setQuestions((qs) => [...qs, blankQuestion()])}
        >
          {t('composer.addQuestion')}
        </button>
        <SettingsFields form={form} set={set} />
        {fault && !placed && <p className="error">{fault.message}</p>}
        <div className="actions">
          {onLaunch && (
            <button
              type="button"
              className="primary"
              data-testid="launch-draft"
              aria-disabled={busy !== null}
              onClick={() => void submit('launch', onLaunch)}
            >
              {busy === 'launch' ? t('composer.launching') : t('host.launch')}
            </button>
          )}
          <button
            type="submit"
            className={onLaunch ? undefined : 'primary'}
            data-testid="save-draft"
            aria-disabled={busy !== null}
          >
            {busy === 'save' ? t('composer.saving') : t(onLaunch ? 'composer.saveForLater' : 'composer.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FieldFaultProvider>
  );
}
