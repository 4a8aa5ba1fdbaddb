import type { IntlShape } from 'react-intl';
import { tallyKindOf, type Poll, type PollTally, type Question, type QuestionTally } from '@quorum/shared';
import type { MessageId, MessageValues } from '../../i18n';
import { viewFor } from '../../kinds/registry';

/** What the live region says about a poll's results: while it runs (null: nothing to say) and once it closed. */
export interface ResultsSummary {
  live: string | null;
  closed: string;
}

interface Leader {
  labels: string[];
  count: number;
  /** Points (rank order, quiz) rather than votes. */
  points: boolean;
  voters: number;
}

/** A tally of another kind than the question's is no tally of it (never from this server). */
const fits = (question: Question, tally: QuestionTally): boolean => tally.kind === tallyKindOf(question.kind);

/** The option(s) ahead, or null before the first vote (or for kinds without a leader). */
function leaderOf(question: Question, tally: QuestionTally): Leader | null {
  const view = viewFor(question.kind);
  const rows = view.scored?.(question, tally) ?? [];
  const count = Math.max(0, ...rows.map((r) => r.count));
  if (count === 0) return null;
  return {
    labels: rows.filter((r) => r.count === count).map((r) => r.label),
    count,
    points: view.scoresArePoints === true,
    voters: tally.voters,
  };
}

/** Words in the app's language for the summary's pieces. */
class Words {
  constructor(private readonly intl: IntlShape) {}

  t(id: MessageId, values?: MessageValues): string {
    return this.intl.formatMessage({ id }, values);
  }

  /** "Leading: Great with 12 votes (40%)."; ties: "Tied: Great and Fine with 3 votes each (40%)." */
  leader(leader: Leader, final: boolean): string {
    const state = leader.labels.length > 1 ? 'tied' : final ? 'winner' : 'leading';
    const names = this.intl.formatList(leader.labels, { type: 'conjunction' });
    if (leader.points) return this.t('a11y.results.points', { state, names, count: leader.count });
    return this.t('a11y.results.votes', {
      state,
      names,
      count: leader.count,
      share: leader.voters > 0 ? leader.count / leader.voters : 0,
    });
  }

  /** One sentence about a single-question poll's results or the quiz winner; null when there is nothing to say. */
  result(poll: Poll, tally: PollTally, final: boolean): string | null {
    const top = tally.leaderboard?.top[0];
    if (final && top) return this.t('a11y.results.points', { state: 'winner', names: top.nickname, count: top.points });
    const question = poll.questions[0];
    const qTally = question && tally.questions?.[question.id];
    if (poll.questions.length !== 1 || !question || !qTally || !fits(question, qTally)) return null;
    const figure = viewFor(question.kind).figure;
    if (figure)
      return figure(
        question,
        qTally,
        (id, values) => this.t(id, values),
        (n) => this.intl.formatNumber(n, { maximumFractionDigits: 2 }),
      );
    const leader = leaderOf(question, qTally);
    return leader && this.leader(leader, final);
  }
}

/** A closed poll's one line: turnout and, when this role may see it, the winner ("3 voted. Winner: Tacos …"). */
export function outcomeLine(intl: IntlShape, poll: Poll, tally: PollTally | undefined): string {
  const words = new Words(intl);
  const voted = words.t('a11y.results.voted', { count: tally?.turnout ?? 0 });
  const result = tally ? words.result(poll, tally, true) : null;
  return result ? `${voted} ${result}` : voted;
}

/**
 * The polite live region's words for a poll's results: turnout and who leads while it runs, "Poll closed"
 * with the winner once it closed. Only what this role's tally holds: without results, turnout alone.
 */
export function summarizeResults(intl: IntlShape, poll: Poll, tally: PollTally | undefined): ResultsSummary {
  const words = new Words(intl);
  const voted = words.t('a11y.results.voted', { count: tally?.turnout ?? 0 });
  const line = (final: boolean) => (tally ? words.result(poll, tally, final) : null);
  const live = line(false);
  return {
    // Nothing to say before the first vote (a fresh run's empty tally would only repeat "New poll").
    live:
      tally && tally.turnout > 0
        ? words.t('a11y.results.live', { title: poll.title, detail: live ? `${voted} ${live}` : voted })
        : null,
    closed: words.t('a11y.results.closed', { title: poll.title, detail: line(true) ?? voted }),
  };
}
