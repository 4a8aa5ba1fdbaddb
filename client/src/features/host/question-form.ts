import type { PollDraftInput, QuestionKind } from '@quorum/shared';
import { newKey, withId } from '../../kinds/choice/choice-form';
import { viewFor } from '../../kinds/registry';

export { blankOption, newKey, type OptionForm } from '../../kinds/choice/choice-form';

type DraftQuestion = PollDraftInput['questions'][number];

/**
 * One question being edited: what every kind has, and each kind's own form kept in a stash by its slot
 * (single, multiple and rank share the options), so switching kind and back loses nothing.
 */
export interface QuestionForm {
  key: string;
  id?: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  stash: Partial<Record<string, unknown>>;
}

/** The form of the question's current kind, taken from the stash or made fresh. */
export function kindForm(question: QuestionForm): unknown {
  const form = viewFor(question.kind).form;
  return question.stash[form.slot] ?? form.blank();
}

/** The question with its current kind's form replaced. */
export const withKindForm = (question: QuestionForm, form: unknown): QuestionForm => ({
  ...question,
  stash: { ...question.stash, [viewFor(question.kind).form.slot]: form },
});

/** The question as another kind, with that kind's form taken from the stash or made fresh. */
export const switchKind = (question: QuestionForm, kind: QuestionKind): QuestionForm => {
  const switched = { ...question, kind };
  return withKindForm(switched, kindForm(switched));
};

export const blankQuestion = (): QuestionForm =>
  switchKind({ key: newKey(), kind: 'single', prompt: '', required: true, stash: {} }, 'single');

/** A stored question (or a poll's) as the form edits it, ids kept so edits update in place. */
export function questionFromDraft(draft: DraftQuestion): QuestionForm {
  const base = withId(
    { key: newKey(), kind: draft.kind, prompt: draft.prompt, required: draft.required !== false, stash: {} },
    draft.id,
  );
  return withKindForm(base, viewFor(draft.kind).form.fromDraft(draft));
}

/** The question as the protocol's draft: only the current kind's fields. */
export function questionToDraft(question: QuestionForm, quiz: boolean): DraftQuestion {
  const base = withId({ prompt: question.prompt, ...(question.required ? {} : { required: false }) }, question.id);
  return {
    ...base,
    kind: question.kind,
    ...viewFor(question.kind).form.toDraft(kindForm(question), quiz),
  } as DraftQuestion;
}
