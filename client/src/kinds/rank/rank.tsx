import { blankChoiceForm, choiceFormFrom, withId } from '../choice/choice-form';
import { optionScores } from '../choice/choice-messages';
import { OptionsEditor } from '../choice/options-editor';
import { defineKindView } from '../kind-view';
import { RankInput } from './rank-input';
import { RankResults } from './rank-results';

/** Rank order: every item in the voter's order (move up / move down); results by Borda score and per place. */
export const rankView = defineKindView({
  kind: 'rank',
  label: 'kind.rank',
  form: {
    slot: 'choice',
    blank: blankChoiceForm,
    fromDraft: choiceFormFrom,
    toDraft: (form) => ({ options: form.options.map((o) => withId({ label: o.label }, o.id)) }),
  },
  Editor: (props) => <OptionsEditor {...props} variant="rank" />,
  Input: ({ question, answer, onChange }) => <RankInput question={question} answer={answer} onChange={onChange} />,
  Results: ({ question, tally, revealCorrect }) => (
    <RankResults question={question} tally={tally} final={revealCorrect} />
  ),
  hint: (_q, t) => t('ballot.rankHint'),
  blankMessage: (_q, t) => t('ballot.blank.rank'),
  invalidMessage: (_q, t) => t('ballot.blank.rank'),
  scored: optionScores,
  scoresArePoints: true,
});
