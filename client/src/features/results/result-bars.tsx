import type { Question, QuestionTally } from '@quorum/shared';
import { BarList, percentOf, votes, type BarRow } from './bar-list';

type BarQuestion = Extract<Question, { kind: 'single' | 'multiple' | 'rating' }>;

/** The rows to draw: choice options in poll order (correct ones marked when revealed), or every value of a rating scale. */
function rowsFor(question: BarQuestion, tally: QuestionTally | undefined, revealCorrect: boolean): BarRow[] {
  const voters = tally?.voters ?? 0;
  // Percent of this question's voters, so multiple-choice rows can add up past 100.
  const row = (id: string, label: string, correct = false): BarRow => {
    const count = tally?.counts[id] ?? 0;
    return { id, label, count, percent: percentOf(count, voters), value: `${votes(count)} · ${percentOf(count, voters)}%`, correct };
  };
  if (question.kind !== 'rating') {
    const correct = new Set(revealCorrect ? (question.correctOptionIds ?? []) : []);
    return question.options.map((o) => row(o.id, o.label, correct.has(o.id)));
  }
  const rows: BarRow[] = [];
  for (let v = question.min; v <= question.max; v++) {
    const end = v === question.min ? question.minLabel : v === question.max ? question.maxLabel : '';
    rows.push(row(String(v), end ? `${v} (${end})` : String(v)));
  }
  return rows;
}

/** Result bars for a choice or rating question; widths animate via CSS as new tallies arrive. */
export function ResultBars({ question, tally, revealCorrect = false }: { question: BarQuestion; tally: QuestionTally | undefined; revealCorrect?: boolean }) {
  const voters = tally?.voters ?? 0;
  const mean = tally?.kind === 'rating' && voters > 0 ? (tally.sum / voters).toFixed(1) : null;
  return (
    <>
      <BarList rows={rowsFor(question, tally, revealCorrect)} />
      {mean !== null && <p className="note">Average {mean}</p>}
    </>
  );
}
