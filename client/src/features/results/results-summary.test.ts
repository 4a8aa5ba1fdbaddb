import { describe, expect, it } from 'vitest';
import type { Question } from '@quorum/shared';
import { intlFor } from '../../i18n';
import { makePoll, makeTally } from '../../test/fixtures';
import { summarizeResults } from './results-summary';

const en = intlFor('en');
const choice = (counts: Record<string, number>, voters: number) =>
  makeTally({ turnout: voters, questions: { q1: { kind: 'choice', voters, counts } } });

describe('what the live region says about results', () => {
  it('says who leads while open and who won once closed, with votes and percent', () => {
    const tally = choice({ a: 12, b: 18 }, 30);
    expect(summarizeResults(en, makePoll(), tally)).toEqual({
      live: '“Lunch?”: 30 voted. Leading: Sushi with 18 votes (60%).',
      closed: 'Poll closed: “Lunch?”. Winner: Sushi with 18 votes (60%).',
    });
  });

  it('names every option in a tie, says nothing before the first vote and only turnout without visible results', () => {
    expect(summarizeResults(en, makePoll(), choice({ a: 2, b: 2 }, 4)).closed).toBe(
      'Poll closed: “Lunch?”. Tied: Pizza and Sushi with 2 votes each (50%).',
    );
    expect(summarizeResults(en, makePoll(), choice({}, 0))).toEqual({
      live: null,
      closed: 'Poll closed: “Lunch?”. 0 voted.',
    });
    // A participant's tally while results are hidden: turnout only.
    const hidden = makeTally({ turnout: 3 });
    delete hidden.questions;
    expect(summarizeResults(en, makePoll(), hidden)).toEqual({
      live: '“Lunch?”: 3 voted.',
      closed: 'Poll closed: “Lunch?”. 3 voted.',
    });
    expect(summarizeResults(en, makePoll(), undefined).live).toBeNull();
  });

  it('uses Borda points for a ranking, the median for numbers and the quiz winner from the leaderboard', () => {
    const rank: Question = {
      id: 'q1',
      kind: 'rank',
      prompt: 'Order',
      options: [
        { id: 'a', label: 'Alpha' },
        { id: 'b', label: 'Beta' },
      ],
    };
    const rankTally = makeTally({
      turnout: 2,
      questions: { q1: { kind: 'rank', voters: 2, counts: { a: 1, b: 2 }, positions: {} } },
    });
    expect(summarizeResults(en, makePoll({ questions: [rank] }), rankTally).live).toBe(
      '“Lunch?”: 2 voted. Leading: Beta with 2 points.',
    );

    const number: Question = { id: 'q1', kind: 'number', prompt: 'km?', min: 0, max: 9, step: 1, unit: 'km' };
    const numberTally = makeTally({
      turnout: 2,
      questions: { q1: { kind: 'number', voters: 2, counts: {}, buckets: [], sum: 9, mean: 4.5, median: 4.5 } },
    });
    expect(summarizeResults(en, makePoll({ questions: [number] }), numberTally).live).toBe(
      '“Lunch?”: 2 voted. Median 4.5 km.',
    );

    const leaderboard = {
      players: 2,
      top: [
        { rank: 1, nickname: 'Ines', points: 950, correct: 1 },
        { rank: 2, nickname: 'Omar', points: 0, correct: 0 },
      ],
    };
    expect(summarizeResults(en, makePoll(), { ...choice({ a: 1, b: 1 }, 2), leaderboard }).closed).toBe(
      'Poll closed: “Lunch?”. Winner: Ines with 950 points.',
    );
  });

  it('speaks the app language', () => {
    expect(summarizeResults(intlFor('de'), makePoll(), choice({ a: 1, b: 3 }, 4)).closed).toBe(
      'Umfrage geschlossen: „Lunch?“. Gewonnen: Sushi mit 3 Stimmen (75\u00a0%).',
    );
  });
});
