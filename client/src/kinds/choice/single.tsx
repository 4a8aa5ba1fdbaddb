import { ResultBars } from '../../features/results/result-bars';
import { defineKindView } from '../kind-view';
import { Choice } from './choice';
import { blankChoiceForm, choiceDraftFields, choiceFormFrom } from './choice-form';
import { optionScores } from './choice-messages';
import { OptionsEditor } from './options-editor';

/** Single choice: one option, as radio buttons; results as bars with a leader. */
export const singleView = defineKindView({
  kind: 'single',
  label: 'kind.single',
  form: {
    slot: 'choice',
    blank: blankChoiceForm,
    fromDraft: choiceFormFrom,
    toDraft: (form, quiz) => choiceDraftFields(form, quiz),
  },
  Editor: (props) => <OptionsEditor {...props} variant="single" />,
  Input: ({ question, answer, onChange, name }) =>
    question.options.map((o) => (
      <Choice
        key={o.id}
        type="radio"
        name={name}
        label={o.label}
        checked={answer?.kind === 'single' && answer.optionId === o.id}
        onChange={() => onChange({ kind: 'single', optionId: o.id })}
      />
    )),
  Results: ({ question, tally, revealCorrect }) => (
    <ResultBars question={question} tally={tally} revealCorrect={revealCorrect} />
  ),
  blankMessage: (_q, t) => t('ballot.blank.choice'),
  invalidMessage: (_q, t) => t('ballot.blank.choice'),
  scored: optionScores,
});
