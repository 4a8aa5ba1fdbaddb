import { useEffect, useState } from 'react';
import { canSeeStandings, type Poll, type QuizScore, type Role } from '@quorum/shared';
import { useMeeting } from '../../app-context';
import { useT } from '../../i18n';

type Shown = { score: QuizScore | null } | null;

/** A closed quiz's result for me (`quiz:score`): points, place and correct answers, under my nickname. */
export function MyQuizScore({ poll, role }: { poll: Poll; role: Role }) {
  const { controller } = useMeeting();
  const [shown, setShown] = useState<Shown>(null);
  const t = useT();
  const ask = poll.settings.quiz !== undefined && canSeeStandings(poll, role);
  useEffect(() => {
    if (!ask) return;
    let live = true;
    void controller
      .request('quiz:score', { pollId: poll.id, run: poll.run })
      .then((result) => live && result.ok && setShown({ score: result.data.score }));
    return () => {
      live = false;
    };
  }, [ask, controller, poll.id, poll.run]);
  if (!ask || shown === null) return null;
  const { score } = shown;
  return (
    <p className="my-score" data-testid="my-score">
      {score
        ? t('quiz.myScore', {
            nickname: score.nickname,
            points: score.points,
            rank: score.rank,
            players: score.players,
            correct: score.correct,
          })
        : t('quiz.noAnswer')}
    </p>
  );
}
