import type { NumberTally, QuestionOf } from '@quorum/shared';
import { BarList, percentOf, votes, type BarRow } from './bar-list';

const show = (n: number): string => n.toLocaleString('en', { maximumFractionDigits: 2 });

/** A bucket's label: one value, or an inclusive range ("10–19"). */
const bucketLabel = (b: { from: number; to: number }, unit: string): string => `${b.from === b.to ? show(b.from) : `${show(b.from)}–${show(b.to)}`}${unit ? ` ${unit}` : ''}`;

/** The histogram's bars, one per bucket the server made. */
export function histogramRows(question: QuestionOf<'number'>, tally: NumberTally | undefined): BarRow[] {
  const voters = tally?.voters ?? 0;
  return (tally?.buckets ?? []).map((b, i) => {
    const count = tally?.counts[String(i)] ?? 0;
    return { id: String(i), label: bucketLabel(b, question.unit), count, percent: percentOf(count, voters), value: `${votes(count)} · ${percentOf(count, voters)}%` };
  });
}

/** Numeric estimate results: a histogram with the median and the mean. */
export function NumberResults({ question, tally }: { question: QuestionOf<'number'>; tally: NumberTally | undefined }) {
  const unit = question.unit ? ` ${question.unit}` : '';
  const rows = histogramRows(question, tally);
  return (
    <>
      {rows.length > 0 && <BarList rows={rows} label="Answers by range" />}
      <p className="note stats" data-testid="number-stats">
        {tally && tally.median !== null && tally.mean !== null ? `Median ${show(tally.median)}${unit} · Mean ${show(tally.mean)}${unit} · ${votes(tally.voters)}` : 'No answers yet.'}
      </p>
    </>
  );
}
