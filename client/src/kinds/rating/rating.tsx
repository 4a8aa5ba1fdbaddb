import { ResultBars } from '../../features/results/result-bars';
import { useT } from '../../i18n';
import { Choice } from '../choice/choice';
import { defineKindView, type KindInputProps } from '../kind-view';
import { RatingEditor, type RatingForm } from './rating-editor';

function RatingScale({ question, answer, onChange, name }: KindInputProps<'rating'>) {
  const values = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  // End labels go into the accessible names of the end points, so the scale reads "1, Poor … 5, Great".
  const endLabel = (v: number) =>
    v === question.min ? question.minLabel : v === question.max ? question.maxLabel : '';
  const t = useT();
  return (
    <>
      <div className="scale">
        {values.map((v) => (
          <Choice
            key={v}
            type="radio"
            name={name}
            label={String(v)}
            ariaLabel={endLabel(v) ? t('ballot.scaleEnd', { value: v, label: endLabel(v) }) : undefined}
            checked={answer?.kind === 'rating' && answer.value === v}
            onChange={() => onChange({ kind: 'rating', value: v })}
          />
        ))}
      </div>
      {(question.minLabel || question.maxLabel) && (
        <div className="scale-ends" aria-hidden="true">
          <span>{question.minLabel}</span>
          <span>{question.maxLabel}</span>
        </div>
      )}
    </>
  );
}

/** Rating scale: one whole number from 0 or 1 up to the scale's top, with labelled ends; results as bars and a mean. */
export const ratingView = defineKindView({
  kind: 'rating',
  label: 'kind.rating',
  form: {
    slot: 'rating',
    blank: (): RatingForm => ({ min: 1, max: 5, minLabel: '', maxLabel: '' }),
    fromDraft: (q): RatingForm => ({
      min: q.min === 0 ? 0 : 1,
      max: q.max,
      minLabel: q.minLabel ?? '',
      maxLabel: q.maxLabel ?? '',
    }),
    toDraft: (form) => ({ ...form }),
  },
  Editor: RatingEditor,
  Input: RatingScale,
  Results: ({ question, tally }) => <ResultBars question={question} tally={tally} />,
  blankMessage: (_q, t) => t('ballot.blank.choice'),
  invalidMessage: (_q, t) => t('ballot.blank.choice'),
  scored: (question, tally) =>
    Array.from({ length: question.max - question.min + 1 }, (_, i) => String(question.min + i)).map((v) => ({
      label: v,
      count: tally.counts[v] ?? 0,
    })),
});
