/** One bar: a label, the number it stands for, and how full the bar is. */
export interface BarRow {
  id: string;
  label: string;
  count: number;
  /** 0–100: the bar's length. */
  percent: number;
  /** What the bar says in words, e.g. "3 votes · 60%" or "12 points". */
  value: string;
  /** Marked as a correct quiz answer. */
  correct?: boolean;
}

/** Percent of a whole, rounded; 0 when the whole is empty. */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** "3 votes" / "1 vote". */
export const votes = (n: number): string => `${n} ${n === 1 ? 'vote' : 'votes'}`;

/**
 * The one bar chart every bar-like result uses (choices, ratings, Borda scores, histograms): a list,
 * so screen readers read each label with its value; the bars themselves are decoration.
 */
export function BarList({ rows, label }: { rows: readonly BarRow[]; label?: string }) {
  return (
    <ul className="bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.id} className={`bar-row${row.correct ? ' correct' : ''}`} data-testid="result-bar" data-option-id={row.id} data-count={row.count} data-correct={row.correct ? 'true' : undefined}>
          <span className="bar-label">
            {row.label}
            {row.correct && <span className="correct-mark"> ✓ Correct</span>}
          </span>
          <span className="bar-value">{row.value}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${row.percent}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
