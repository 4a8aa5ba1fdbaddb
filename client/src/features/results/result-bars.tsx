import type { Question, QuestionTally } from '@quorum/shared';
import { useIntl, type IntlShape } from 'react-intl';
import { BarList, percentOf, votesWithShare, type BarHighlight, type BarRow } from './bar-list';

type BarQuestion = Extract<Question, { kind: 'single' | 'multiple' | 'rating' }>;

/** The rows to draw: choice options in poll order (correct ones marked when revealed), or every value of a rating scale. */
function rowsFor(
  intl: IntlShape,
  question: BarQuestion,
  tally: QuestionTally | undefined,
  revealCorrect: boolean,
): BarRow[] {
  const voters = tally?.voters ?? 0;
  // Percent of this question's voters, so multiple-choice rows can add up past 100.
  const row = (id: string, label: string, correct = false): BarRow => {
    const count = tally?.counts[id] ?? 0;
    return { id, label, count, percent: percentOf(count, voters), value: votesWithShare(intl, count, voters), correct };
  };
  if (question.kind !== 'rating') {
    const correct = new Set(revealCorrect ? (question.correctOptionIds ?? []) : []);
    return question.options.map((o) => row(o.id, o.label, correct.has(o.id)));
  }
  const rows: BarRow[] = [];
  for (let v = question.min; v <= question.max; v++) {
    const end = v === question.min ? question.minLabel : v === question.max ? question.maxLabel : '';
    rows.push(
      row(
        String(v),
        end ? intl.formatMessage({ id: 'results.scaleEnd' }, { value: v, label: end }) : intl.formatNumber(v),
      ),
    );
  }
  return rows;
}

/** Choices get a leader, then a winner; a rating scale's values and a quiz (which marks correct answers instead) do not. */
const highlightFor = (question: BarQuestion, over: boolean): BarHighlight | undefined =>
  question.kind === 'rating' || (question.correctOptionIds?.length ?? 0) > 0 ? undefined : over ? 'winner' : 'leader';

/** Result bars for a choice or rating question; widths animate via CSS as new tallies arrive. */
export function ResultBars({
  question,
  tally,
  revealCorrect = false,
}: {
  question: BarQuestion;
  tally: QuestionTally | undefined;
  revealCorrect?: boolean;
}) {
  const intl = useIntl();
  const voters = tally?.voters ?? 0;
  const mean = tally?.kind === 'rating' && voters > 0 ? tally.sum / voters : null;
  return (
    <>
      <BarList rows={rowsFor(intl, question, tally, revealCorrect)} highlight={highlightFor(question, revealCorrect)} />
      {mean !== null && <p className="note">{intl.formatMessage({ id: 'results.average' }, { mean })}</p>}
    </>
  );
}
