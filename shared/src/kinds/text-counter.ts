import { LIMITS } from '../schemas/common';
import { cloudWords, topWords } from '../domain/text/word-cloud';
import { z } from 'zod';
import type { CountedBallot, KindCounter } from './kind-def';

/**
 * Open text: `counts` are word frequencies for a word cloud (case-folded, stop words out, the
 * top 100 words, each counted once per answer); `answers` the newest visible answers (at most 200
 * and 40,000 characters; exports have them all). Hidden answers are in neither, nor in `voters`;
 * `hidden` counts them.
 */
export const textTallySchema = z.strictObject({
  kind: z.literal('text'),
  voters: z.number().int(),
  hidden: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  answers: z.array(z.strictObject({ ballotId: z.string(), text: z.string() })),
});
export type TextTally = z.infer<typeof textTallySchema>;

interface VisibleAnswer {
  text: string;
  castAt: number;
}

/** Newest first; the ballot id breaks ties so every recount lists answers in the same order. */
const newestFirst = ([a, x]: [string, VisibleAnswer], [b, y]: [string, VisibleAnswer]) =>
  y.castAt - x.castAt || (a < b ? 1 : a > b ? -1 : 0);

/**
 * Open text: every visible answer and the frequency of every word (the view keeps the top 100).
 * A hidden ballot only moves the `hidden` count, so hiding is "take back the visible ballot, add the
 * hidden one" and leaves the word cloud and the list exactly as a recount without it would.
 */
export class TextCounter implements KindCounter<{ kind: 'text'; text: string }, TextTally> {
  private readonly answers = new Map<string, VisibleAnswer>();
  private readonly words = new Map<string, number>();
  private hidden = 0;

  add(ballot: CountedBallot<{ kind: 'text'; text: string }>, sign: 1 | -1): void {
    if (ballot.hidden) {
      this.hidden += sign;
      return;
    }
    if (sign === 1) this.answers.set(ballot.ballotId, { text: ballot.answer.text, castAt: ballot.castAt });
    else this.answers.delete(ballot.ballotId);
    for (const word of cloudWords(ballot.answer.text)) {
      const count = (this.words.get(word) ?? 0) + sign;
      if (count === 0) this.words.delete(word);
      else this.words.set(word, count);
    }
  }

  /** The newest answers within the tally's count and character budgets (exports carry them all). */
  private newest(): [string, VisibleAnswer][] {
    const sorted = [...this.answers].sort(newestFirst).slice(0, LIMITS.textAnswersShown);
    let chars = 0;
    const end = sorted.findIndex(([, a]) => (chars += a.text.length) > LIMITS.textAnswersCharsMax);
    return end === -1 ? sorted : sorted.slice(0, end);
  }

  view(): TextTally {
    const newest = this.newest();
    return {
      kind: 'text',
      voters: this.answers.size,
      hidden: this.hidden,
      counts: topWords(this.words),
      answers: newest.map(([ballotId, a]) => ({ ballotId, text: a.text })),
    };
  }
}
