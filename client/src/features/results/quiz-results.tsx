import { podium, type Leaderboard } from '@quorum/shared';

const PLACE = ['1st', '2nd', '3rd'];
const MEDAL = ['🥇', '🥈', '🥉'];
const points = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'point' : 'points'}`;

/** The final podium: the first three places (ties share a place). */
function Podium({ board }: { board: Leaderboard }) {
  const top = podium(board);
  if (top.length === 0) return null;
  return (
    <ol className="podium" aria-label="Podium" data-testid="podium">
      {top.map((e) => (
        <li key={e.nickname} className={`place-${e.rank}`} data-rank={e.rank}>
          <span aria-hidden="true">{MEDAL[e.rank - 1]} </span>
          <strong>{PLACE[e.rank - 1]}</strong> {e.nickname} · {points(e.points)}
        </li>
      ))}
    </ol>
  );
}

/** A quiz's standings: live for hosts, final (with the podium) once the poll closed. Nicknames only. */
export function QuizResults({ board, final }: { board: Leaderboard; final: boolean }) {
  return (
    <section className="quiz" aria-label={final ? 'Final standings' : 'Leaderboard'}>
      <h3>{final ? 'Final standings' : 'Leaderboard'}</h3>
      {final && <Podium board={board} />}
      {board.top.length === 0 ? (
        <p className="note">No answers yet.</p>
      ) : (
        <table className="grid-table leaderboard" data-testid="leaderboard">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Player</th>
              <th scope="col">Points</th>
              <th scope="col">Correct</th>
            </tr>
          </thead>
          <tbody>
            {board.top.map((e) => (
              <tr key={e.nickname}>
                <td>{e.rank}</td>
                <th scope="row">{e.nickname}</th>
                <td>{e.points.toLocaleString('en')}</td>
                <td>{e.correct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="note">
        {board.players} {board.players === 1 ? 'player' : 'players'}
      </p>
    </section>
  );
}
