import type { Question, QuestionTally } from '@quorum/shared';

interface Row {
  id: string;
  label: string;
  count: number;
}

/** The rows to draw: choice options in poll order, or every value of a rating scale. */
function rowsFor(question: Question, tally: QuestionTally | undefined): Row[] {
  const count = (key: string) => tally?.counts[key] ?? 0;
  if (question.kind === 'single' || question.kind === 'multiple') return question.options.map((o) => ({ id: o.id, label: o.label, count: count(o.id) }));
  if (question.kind !== 'rating') return [];
  const rows: Row[] = [];
  for (let v = question.min; v <= question.max; v++) {
    const end = v === question.min ? question.minLabel : v === question.max ? question.maxLabel : '';
    rows.push({ id: String(v), label: end ? `${v} (${end})` : String(v), count: count(String(v)) });
  }
  return rows;
}

const BAR_KINDS: ReadonlySet<Question['kind']> = new Set(['single', 'multiple', 'rating']);

/** What an older client shows for a question kind it cannot draw yet. */
export function UnsupportedKind({ prompt }: { prompt: string }) {
  return (
    <figure className="results">
      <figcaption>{prompt}</figcaption>
      <p className="note">This question type needs a newer Quorum.</p>
    </figure>
  );
}

/** Percent of this question's voters, so multiple-choice rows can add up past 100. */
const percent = (count: number, voters: number) => (voters > 0 ? Math.round((count / voters) * 100) : 0);

/** Result bars for one question; widths animate via CSS as new tallies arrive. */
export function ResultBars({ question, tally }: { question: Question; tally: QuestionTally | undefined }) {
  if (!BAR_KINDS.has(question.kind)) return <UnsupportedKind prompt={question.prompt} />;
  const voters = tally?.voters ?? 0;
  const mean = tally?.kind === 'rating' && voters > 0 ? (tally.sum / voters).toFixed(1) : null;
  return (
    <figure className="results">
      <figcaption>{question.prompt}</figcaption>
      <ul className="bars">
        {rowsFor(question, tally).map((row) => {
          const pct = percent(row.count, voters);
          return (
            <li key={row.id} className="bar-row" data-testid="result-bar" data-option-id={row.id} data-count={row.count}>
              <span className="bar-label">{row.label}</span>
              <span className="bar-value">
                {row.count} {row.count === 1 ? 'vote' : 'votes'} · {pct}%
              </span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${pct}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
      {mean !== null && <p className="note">Average {mean}</p>}
    </figure>
  );
}
