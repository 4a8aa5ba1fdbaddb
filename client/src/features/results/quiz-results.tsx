import { useIntl } from 'react-intl';
import { podium, type Leaderboard } from '@quorum/shared';
import { useT } from '../../i18n';

/** A drawn medal: emoji medals depend on the viewer's fonts (headless Chromium and some Linux desktops show boxes). */
function Medal() {
  return (
    <svg className="medal" viewBox="0 0 24 32" width="24" height="32" aria-hidden="true" focusable="false">
      <path d="M6 0h5l3 10h-5zM18 0h-5l-3 10h5z" className="medal-ribbon" />
      <circle cx="12" cy="20" r="10" className="medal-disc" />
      <circle cx="12" cy="20" r="6" className="medal-inner" />
    </svg>
  );
}

/** The final podium: the first three places (ties share a place). */
function Podium({ board }: { board: Leaderboard }) {
  const top = podium(board);
  const t = useT();
  if (top.length === 0) return null;
  return (
    <ol className="podium" aria-label={t('quiz.podium')} data-testid="podium">
      {top.map((e) => (
        <li key={e.nickname} className={`place-${e.rank}`} data-rank={e.rank}>
          <Medal />
          <strong>{t('quiz.place', { rank: e.rank })}</strong> <span className="podium-name">{e.nickname}</span>
          <span className="podium-sep"> · </span>
          <span className="podium-points">{t('quiz.points', { count: e.points })}</span>
        </li>
      ))}
    </ol>
  );
}

/** A quiz's standings: live for hosts, final (with the podium) once the poll closed. Nicknames only. */
export function QuizResults({ board, final }: { board: Leaderboard; final: boolean }) {
  const intl = useIntl();
  const t = useT();
  return (
    <div role="group" className="quiz" aria-label={t(final ? 'quiz.final' : 'quiz.leaderboard')}>
      <h3>{t(final ? 'quiz.final' : 'quiz.leaderboard')}</h3>
      {final && <Podium board={board} />}
      {board.top.length === 0 ? (
        <p className="note">{t('results.noAnswers')}</p>
      ) : (
        <table className="grid-table leaderboard" data-testid="leaderboard">
          <thead>
            <tr>
              <th scope="col">{t('quiz.col.rank')}</th>
              <th scope="col">{t('quiz.col.player')}</th>
              <th scope="col">{t('settings.points')}</th>
              <th scope="col">{t('editor.correct')}</th>
            </tr>
          </thead>
          <tbody>
            {board.top.map((e) => (
              <tr key={e.nickname}>
                <td>{intl.formatNumber(e.rank)}</td>
                <th scope="row">{e.nickname}</th>
                <td>{intl.formatNumber(e.points)}</td>
                <td>{intl.formatNumber(e.correct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="note">{t('quiz.players', { count: board.players })}</p>
    </div>
  );
}
