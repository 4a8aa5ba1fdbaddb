import { useRef, useState, type FormEvent } from 'react';
import { LIMITS, type PollDraftInput } from '@quorum/shared';
import { useAnnounce } from '../../components/announcer';
import { useFocusLanding, useFocusOnGrowth } from '../../components/use-focus-landing';
import { useT } from '../../i18n';
import { blankForm, blankQuestion, draftFromForm, formFromDraft, formProblem, type PollForm } from './composer-model';
import { QuestionEditor } from './question-editor';
import { SettingsFields } from './settings-fields';

interface PollComposerProps {
  heading: string;
  initial?: PollDraftInput | undefined;
  /** Stores the draft; resolves with an error message, or null when saved. */
  onSave: (draft: PollDraftInput) => Promise<string | null>;
  onCancel: () => void;
}

/** Writes or edits a poll: title, questions of any kind, settings; validated by the shared rules before saving. */
export function PollComposer({ heading, initial, onSave, onCancel }: PollComposerProps) {
  const announce = useAnnounce();
  const t = useT();
  const [form, setForm] = useState<PollForm>(() => (initial ? formFromDraft(initial) : blankForm()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
  const set = (patch: Partial<PollForm>) => setForm((f) => ({ ...f, ...patch }));
  const setQuestions = (update: (qs: PollForm['questions']) => PollForm['questions']) =>
    setForm((f) => ({ ...f, questions: update(f.questions) }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problem = formProblem(form) ?? (busy ? t('composer.saving') : null);
    if (problem === null) {
      setBusy(true);
      const failure = await onSave(draftFromForm(form));
      setBusy(false);
      setError(failure);
      announce(failure ?? t('composer.saved'));
      return;
    }
    setError(problem);
    announce(problem);
  };

  return (
    <form className="composer" ref={formEl} onSubmit={save} noValidate aria-label={heading}>
      <h2>{heading}</h2>
      <label className="stack">
        {t('composer.title')}{' '}
        <input
          ref={title}
          value={form.title}
          maxLength={LIMITS.titleMax}
          placeholder={t('composer.titlePlaceholder')}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
      </label>
      {form.questions.map((q, i) => (
        <QuestionEditor
          key={q.key}
          index={i}
          question={q}
          quiz={form.quiz}
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
      {error && <p className="error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" data-testid="save-draft" disabled={busy}>
          {busy ? t('composer.saving') : t('composer.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
