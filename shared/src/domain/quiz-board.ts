import type { Ballot } from '../schemas/ballot';
import { LIMITS } from '../schemas/common';
import type { Question } from '../schemas/poll';
import type { Leaderboard, LeaderboardEntry, QuizScore } from '../schemas/quiz';
import { nickname } from './nickname';
import { scoreBallot, type QuizRules } from './quiz';

interface Player {
  points: number;
  correct: number;
  /** Scored questions answered; the player leaves the board at zero. */
  answered: number;
}

type Ranked = LeaderboardEntry & { voterId: string };

/**
 * A quiz run's standings, kept up to date ballot by ballot like the tally (a replaced ballot's points
 * are taken back first). Ranks are competition ranks (1, 2, 2, 4); ties are listed by nickname.
 */
export class QuizBoard {
  private readonly players = new Map<string, Player>();
  private readonly questions: Map<string, Question>;
  /** Sorted standings, rebuilt lazily after a change: many `quiz:score` requests share one sort. */
  private ranked: { list: Ranked[]; byVoter: Map<string, Ranked> } | undefined;

  constructor(
    readonly pollId: string,
    questions: readonly Question[],
    readonly rules: QuizRules,
  ) {
    this.questions = new Map(questions.map((q) => [q.id, q]));
  }

  /** Scores a new ballot, or swaps a replaced one for its successor. */
  apply(ballot: Ballot, previous?: Ballot): void {
    if (previous) this.add(previous, -1);
    this.add(ballot, 1);
  }

  private add(ballot: Ballot, sign: 1 | -1): void {
    const question = this.questions.get(ballot.questionId);
    const score = question && scoreBallot(this.rules, question, ballot);
    if (!score) return;
    const player = this.players.get(ballot.voterId) ?? { points: 0, correct: 0, answered: 0 };
    player.points += sign * score.points;
    player.correct += sign * (score.correct ? 1 : 0);
    player.answered += sign;
    if (player.answered === 0) this.players.delete(ballot.voterId);
    else this.players.set(ballot.voterId, player);
    this.ranked = undefined;
  }

  private standings(): { list: Ranked[]; byVoter: Map<string, Ranked> } {
    if (this.ranked) return this.ranked;
    const list = [...this.players].map(([voterId, p]) => ({
      voterId,
      nickname: nickname(voterId, this.pollId),
      points: p.points,
      correct: p.correct,
      rank: 0,
    }));
    list.sort((a, b) => b.points - a.points || cmp(a.nickname, b.nickname) || cmp(a.voterId, b.voterId));
    list.forEach((entry, i) => {
      const before = list[i - 1];
      entry.rank = before && before.points === entry.points ? before.rank : i + 1;
    });
    this.ranked = { list, byVoter: new Map(list.map((e) => [e.voterId, e])) };
    return this.ranked;
  }

  /** The top of the standings (nicknames only), and how many play. */
  leaderboard(size: number = LIMITS.leaderboardSize): Leaderboard {
    const { list } = this.standings();
    return { players: list.length, top: list.slice(0, size).map(({ voterId: _v, ...entry }) => entry) };
  }

  /** One player's standing; null when they have not answered a scored question. */
  scoreOf(voterId: string): QuizScore | null {
    const { list, byVoter } = this.standings();
    const entry = byVoter.get(voterId);
    if (!entry) return null;
    const { voterId: _v, ...score } = entry;
    return { ...score, players: list.length };
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The podium: the first three places of a final leaderboard. */
export const podium = (board: Leaderboard): LeaderboardEntry[] => board.top.filter((e) => e.rank <= 3).slice(0, 3);
