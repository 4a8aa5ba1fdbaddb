import { defineKindView } from '../kind-view';
import { NumberEditor, type NumberForm } from './number-editor';
import { NumberAnswerInput, numberHint } from './number-input';
import { NumberResults } from './number-results';

/** A typed number; blank is NaN so the shared schema names the field. */
const numeric = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** Numeric estimate: a number in a range on a step grid; a histogram with median and mean. */
export const numberView = defineKindView({
  kind: 'number',
  label: 'kind.number',
  form: {
    slot: 'number',
    blank: (): NumberForm => ({ min: '0', max: '100', step: '1', unit: '' }),
    fromDraft: (q) => ({ min: String(q.min), max: String(q.max), step: String(q.step), unit: q.unit ?? '' }),
    toDraft: (form) => ({ min: numeric(form.min), max: numeric(form.max), step: numeric(form.step), unit: form.unit }),
  },
  Editor: NumberEditor,
  Input: NumberAnswerInput,
  Results: ({ question, tally }) => <NumberResults question={question} tally={tally} />,
  hint: (question, t) => numberHint(t, question),
  figure: (question, tally, t, formatNumber) =>
    tally.median === null
      ? null
      : t('a11y.results.median', { value: `${formatNumber(tally.median)}${question.unit ? ` ${question.unit}` : ''}` }),
  blankMessage: (_q, t) => t('ballot.blank.number'),
  invalidMessage: (question, t) =>
    t('ballot.numberOut', { min: question.min, max: question.max, step: question.step, stepped: question.step !== 1 }),
});
