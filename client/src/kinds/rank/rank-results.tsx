import type { QuestionOf, RankTally } from '@quorum/shared';
import { useIntl, type IntlShape } from 'react-intl';
import { BarList, percentOf, type BarRow } from '../../features/results/bar-list';

/** Items by Borda score, best first (ties keep the question's order); a bar is full at the top score possible. */
export function bordaRows(intl: IntlShape, question: QuestionOf<'rank'>, tally: RankTally | undefined): BarRow[] {
  const voters = tally?.voters ?? 0;
  const best = voters * (question.options.length - 1);
  const rows = question.options.map((o) => {
    const score = tally?.counts[o.id] ?? 0;
    return {
      id: o.id,
      label: o.label,
      count: score,
      percent: percentOf(score, best),
      value: intl.formatMessage({ id: 'quiz.points' }, { count: score }),
    };
  });
  return rows.sort((a, b) => b.count - a.count);
}

/** How many voters put each item in each place, as a table (scrolls sideways in a narrow panel). */
function PlacesTable({ question, tally }: { question: QuestionOf<'rank'>; tally: RankTally | undefined }) {
  const places = question.options.map((_, p) => p);
  const intl = useIntl();
  const t = intl.formatMessage;
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t({ id: 'rank.perPlaceOf' }, { prompt: question.prompt })}
    >
      <table className="grid-table" data-testid="rank-places">
        <thead>
          <tr>
            <th scope="col">{t({ id: 'rank.item' })}</th>
            {places.map((p) => (
              <th scope="col" key={p}>
                {t({ id: 'quiz.place' }, { rank: p + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {question.options.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.label}</th>
              {places.map((p) => (
                <td key={p}>{intl.formatNumber(tally?.positions[o.id]?.[p] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rank order results: Borda score bars (n−1 points for a first place … 0 for last) and votes per place. */
export function RankResults({
  question,
  tally,
  final = false,
}: {
  question: QuestionOf<'rank'>;
  tally: RankTally | undefined;
  final?: boolean;
}) {
  const n = question.options.length;
  const intl = useIntl();
  const t = intl.formatMessage;
  return (
    <>
      <BarList
        rows={bordaRows(intl, question, tally)}
        label={t({ id: 'rank.borda' })}
        highlight={final ? 'winner' : 'leader'}
        ordered
      />
      <p className="note">{t({ id: 'rank.scoring' }, { top: n - 1, count: tally?.voters ?? 0 })}</p>
      <details className="more">
        <summary>{t({ id: 'rank.perPlace' })}</summary>
        <PlacesTable question={question} tally={tally} />
      </details>
    </>
  );
}
