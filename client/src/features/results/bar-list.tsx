import type { IntlShape } from 'react-intl';
import { useT } from '../../i18n';

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

/** "3 votes · 60%" in the intl's language: a count and its share of the whole. */
export const votesWithShare = (intl: IntlShape, count: number, whole: number): string =>
  intl.formatMessage({ id: 'results.votesShare' }, { count, share: whole > 0 ? count / whole : 0 });

/** How the top rows stand out: quietly while votes come in, as the winner once the poll is over. */
export type BarHighlight = 'leader' | 'winner';

/** The ids of the rows with the highest count (several on a tie); none while every count is 0. */
export function leadingIds(rows: readonly BarRow[]): Set<string> {
  const top = Math.max(0, ...rows.map((r) => r.count));
  return new Set(top > 0 ? rows.filter((r) => r.count === top).map((r) => r.id) : []);
}

/**
 * The one bar chart every bar-like result uses (choices, ratings, Borda scores, histograms): a list,
 * so screen readers read each label with its value; the bars themselves are decoration.
 */
export function BarList({
  rows,
  label,
  highlight,
  ordered = false,
}: {
  rows: readonly BarRow[];
  label?: string;
  highlight?: BarHighlight | undefined;
  ordered?: boolean;
}) {
  const t = useT();
  // Ranked rows (Borda scores, best first) are an ordered list: "1 of 3" is part of the result.
  const List = ordered ? 'ol' : 'ul';
  const top = highlight ? leadingIds(rows) : new Set<string>();
  const mark = top.size > 1 ? t('results.tie') : t('results.winner');
  return (
    <List className="bars" aria-label={label}>
      {rows.map((row) => {
        const lead = top.has(row.id) ? highlight : undefined;
        return (
          <li
            key={row.id}
            className={['bar-row', row.correct && 'correct', lead].filter(Boolean).join(' ')}
            data-testid="result-bar"
            data-option-id={row.id}
            data-count={row.count}
            data-correct={row.correct ? 'true' : undefined}
            data-highlight={lead}
          >
            <span className="bar-label">
              {row.label}
              {row.correct && <span className="correct-mark"> ✓ {t('editor.correct')}</span>}
            </span>
            {/* Beside the value, not in the label: the label stays the option's own words. */}
            <span className="bar-value">
              {lead === 'winner' && <span className="winner-mark">{mark}</span>}
              {row.value}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${row.percent}%` }} />
            </span>
          </li>
        );
      })}
    </List>
  );
}
