import type { Answer } from '@quorum/shared';
import { ResultBars } from '../../features/results/result-bars';
import { defineKindView } from '../kind-view';
import { Choice } from './choice';
import { blankChoiceForm, choiceDraftFields, choiceFormFrom } from './choice-form';
import { optionScores, picksHint } from './choice-messages';
import { OptionsEditor } from './options-editor';

/** Adds or removes one option of a multiple-choice answer. */
export function togglePick(answer: Answer | undefined, optionId: string, picked: boolean): Answer {
  const current = answer?.kind === 'multiple' ? answer.optionIds : [];
  const optionIds = picked ? [...new Set([...current, optionId])] : current.filter((id) => id !== optionId);
  return { kind: 'multiple', optionIds };
}

/** Multiple choice: between minPicks and maxPicks options, as checkboxes. */
export const multipleView = defineKindView({
  kind: 'multiple',
  label: 'kind.multiple',
  form: {
    slot: 'choice',
    blank: blankChoiceForm,
    fromDraft: choiceFormFrom,
    toDraft: (form, quiz) => ({ ...choiceDraftFields(form, quiz), minPicks: form.minPicks, maxPicks: form.maxPicks }),
  },
  Editor: (props) => <OptionsEditor {...props} variant="multiple" />,
  Input: ({ question, answer, onChange, name }) => {
    const picked = answer?.kind === 'multiple' ? answer.optionIds : [];
    // At the limit the rest cannot be ticked: the rule shows before submitting, not as an error after.
    const full = picked.length >= question.maxPicks;
    return question.options.map((o) => (
      <Choice
        key={o.id}
        type="checkbox"
        name={name}
        label={o.label}
        checked={picked.includes(o.id)}
        disabled={full && !picked.includes(o.id)}
        onChange={(on) => onChange(togglePick(answer, o.id, on))}
      />
    ));
  },
  Results: ({ question, tally, revealCorrect }) => (
    <ResultBars question={question} tally={tally} revealCorrect={revealCorrect} />
  ),
  blankAnswer: () => ({ kind: 'multiple', optionIds: [] }),
  isBlank: (answer) => answer.kind === 'multiple' && answer.optionIds.length === 0,
  hint: (question, t) => picksHint(question, t),
  blankMessage: (question, t) => picksHint(question, t),
  invalidMessage: (question, t) => picksHint(question, t),
  scored: optionScores,
});
