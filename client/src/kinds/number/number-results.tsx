import type { NumberTally, QuestionOf } from '@quorum/shared';
import { useIntl, type IntlShape } from 'react-intl';
import { BarList, percentOf, votesWithShare, type BarRow } from '../../features/results/bar-list';

const show = (intl: IntlShape, n: number): string => intl.formatNumber(n, { maximumFractionDigits: 2 });

/** A bucket's label: one value, or an inclusive range ("10–19"), in the reader's number format. */
const bucketLabel = (intl: IntlShape, b: { from: number; to: number }, unit: string): string =>
  `${b.from === b.to ? show(intl, b.from) : `${show(intl, b.from)}–${show(intl, b.to)}`}${unit ? ` ${unit}` : ''}`;

/**
 * The histogram's bars, one per bucket the server made, from the first bucket with an answer to the
 * last: three answers on a 0–100 scale are two or three bars, not twenty with a wall of "0 votes · 0 %".
 * Empty buckets between answers stay, so the gaps still show.
 */
export function histogramRows(
  intl: IntlShape,
  question: QuestionOf<'number'>,
  tally: NumberTally | undefined,
): BarRow[] {
  const voters = tally?.voters ?? 0;
  const rows = (tally?.buckets ?? []).map((b, i) => {
    const count = tally?.counts[String(i)] ?? 0;
    return {
      id: String(i),
      label: bucketLabel(intl, b, question.unit),
      count,
      percent: percentOf(count, voters),
      value: votesWithShare(intl, count, voters),
    };
  });
  const first = rows.findIndex((r) => r.count > 0);
  const last = rows.findLastIndex((r) => r.count > 0);
  return first === -1 ? [] : rows.slice(first, last + 1);
}

/** Numeric estimate results: a histogram with the median and the mean. */
export function NumberResults({ question, tally }: { question: QuestionOf<'number'>; tally: NumberTally | undefined }) {
  const intl = useIntl();
  const unit = question.unit ? ` ${question.unit}` : '';
  const rows = histogramRows(intl, question, tally);
  return (
    <>
      {rows.length > 0 && <BarList rows={rows} label={intl.formatMessage({ id: 'results.byRange' })} />}
      <p className="note stats" data-testid="number-stats">
        {tally && tally.median !== null && tally.mean !== null
          ? intl.formatMessage(
              { id: 'results.numberStats' },
              {
                median: `${show(intl, tally.median)}${unit}`,
                mean: `${show(intl, tally.mean)}${unit}`,
                count: tally.voters,
              },
            )
          : intl.formatMessage({ id: 'results.noAnswers' })}
      </p>
    </>
  );
}
