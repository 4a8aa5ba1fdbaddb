import type { Ballot } from '../schemas/ballot';
import type { Question, QuestionOf } from '../schemas/poll';
import type { ChoiceTally, QuestionTally, RankTally, RatingTally } from '../schemas/tally';
import { NumberCounter } from './number-tally';
import { TextCounter } from './text-tally';

/**
 * The running count of one question: `add` applies (sign 1) or takes back (sign -1) one ballot in
 * O(answer size); `view` is a fresh, self-contained tally to send.
 */
export interface QuestionCounter {
  add(ballot: Ballot, sign: 1 | -1): void;
  view(): QuestionTally;
}

const bump = (counts: Record<string, number>, key: string, by: number) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Single and multiple choice: votes per option. */
class ChoiceCounter implements QuestionCounter {
  private readonly tally: ChoiceTally;
  constructor(question: QuestionOf<'single' | 'multiple'>) {
    this.tally = { kind: 'choice', voters: 0, counts: Object.fromEntries(question.options.map((o) => [o.id, 0])) };
  }
  add({ answer }: Ballot, sign: 1 | -1): void {
    if (answer.kind !== 'single' && answer.kind !== 'multiple') return;
    this.tally.voters += sign;
    for (const id of answer.kind === 'single' ? [answer.optionId] : answer.optionIds) bump(this.tally.counts, id, sign);
  }
  view = (): ChoiceTally => ({ ...this.tally, counts: { ...this.tally.counts } });
}

/** Rating scale: votes per value and their sum. */
class RatingCounter implements QuestionCounter {
  private readonly tally: RatingTally;
  constructor(question: QuestionOf<'rating'>) {
    const counts: Record<string, number> = {};
    for (let v = question.min; v <= question.max; v++) counts[String(v)] = 0;
    this.tally = { kind: 'rating', voters: 0, counts, sum: 0 };
  }
  add({ answer }: Ballot, sign: 1 | -1): void {
    if (answer.kind !== 'rating') return;
    this.tally.voters += sign;
    bump(this.tally.counts, String(answer.value), sign);
    this.tally.sum += sign * answer.value;
  }
  view = (): RatingTally => ({ ...this.tally, counts: { ...this.tally.counts } });
}

/** Rank order: Borda score and per-place counts per item. */
class RankCounter implements QuestionCounter {
  private readonly tally: RankTally;
  constructor(question: QuestionOf<'rank'>) {
    const ids = question.options.map((o) => o.id);
    this.tally = {
      kind: 'rank',
      voters: 0,
      counts: Object.fromEntries(ids.map((id) => [id, 0])),
      positions: Object.fromEntries(ids.map((id) => [id, ids.map(() => 0)])),
    };
  }
  add({ answer }: Ballot, sign: 1 | -1): void {
    if (answer.kind !== 'rank') return;
    this.tally.voters += sign;
    const n = answer.optionIds.length;
    answer.optionIds.forEach((id, place) => {
      bump(this.tally.counts, id, sign * (n - 1 - place));
      const places = this.tally.positions[id];
      if (places && place < places.length) places[place] = (places[place] ?? 0) + sign;
    });
  }
  view = (): RankTally => ({
    ...this.tally,
    counts: { ...this.tally.counts },
    positions: Object.fromEntries(Object.entries(this.tally.positions).map(([id, places]) => [id, [...places]])),
  });
}

/** The counter for a question's kind. */
export function counterFor(question: Question): QuestionCounter {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return new ChoiceCounter(question);
    case 'rating':
      return new RatingCounter(question);
    case 'rank':
      return new RankCounter(question);
    case 'text':
      return new TextCounter();
    case 'number':
      return new NumberCounter(question);
  }
}
