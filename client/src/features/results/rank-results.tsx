import type { QuestionOf, RankTally } from '@quorum/shared';
import { BarList, percentOf, type BarRow } from './bar-list';

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** Items by Borda score, best first (ties keep the question's order); a bar is full at the top score possible. */
export function bordaRows(question: QuestionOf<'rank'>, tally: RankTally | undefined): BarRow[] {
  const voters = tally?.voters ?? 0;
  const best = voters * (question.options.length - 1);
  const rows = question.options.map((o) => {
    const score = tally?.counts[o.id] ?? 0;
    return { id: o.id, label: o.label, count: score, percent: percentOf(score, best), value: `${score} ${score === 1 ? 'point' : 'points'}` };
  });
  return rows.sort((a, b) => b.count - a.count);
}

/** How many voters put each item in each place, as a table (scrolls sideways in a narrow panel). */
function PlacesTable({ question, tally }: { question: QuestionOf<'rank'>; tally: RankTally | undefined }) {
  const places = question.options.map((_, p) => p);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`Votes per place: ${question.prompt}`}>
      <table className="grid-table" data-testid="rank-places">
        <thead>
          <tr>
            <th scope="col">Item</th>
            {places.map((p) => (
              <th scope="col" key={p}>
                {ordinal(p + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {question.options.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.label}</th>
              {places.map((p) => (
                <td key={p}>{tally?.positions[o.id]?.[p] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rank order results: Borda score bars (n−1 points for a first place … 0 for last) and votes per place. */
export function RankResults({ question, tally }: { question: QuestionOf<'rank'>; tally: RankTally | undefined }) {
  const n = question.options.length;
  return (
    <>
      <BarList rows={bordaRows(question, tally)} label="Borda score" />
      <p className="note">
        Scored {n - 1} points for a first place down to 0 for last, from {tally?.voters ?? 0} {tally?.voters === 1 ? 'ranking' : 'rankings'}.
      </p>
      <details className="more">
        <summary>Votes per place</summary>
        <PlacesTable question={question} tally={tally} />
      </details>
    </>
  );
}
