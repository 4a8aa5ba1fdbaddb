import { LIMITS } from '../../schemas/common';
import { foldWord, wordsOf } from './fold';
import { guessLanguage, STOP_WORDS } from './stop-words';

/**
 * The distinct words of one answer for a word cloud: lower-cased (accents kept for display),
 * without the answer language's stop words, one-letter words or bare numbers. Each word counts once
 * per answer, so repeating a word cannot inflate it.
 */
export function cloudWords(text: string): string[] {
  const words = wordsOf(text);
  const folded = words.map(foldWord);
  const stop = STOP_WORDS[guessLanguage(folded)];
  const kept = new Set<string>();
  words.forEach((word, i) => {
    const key = folded[i]!;
    if (key.length < 2 || /^\p{N}+$/u.test(key) || stop.has(key)) return;
    kept.add(word.toLowerCase());
  });
  return [...kept];
}

/** The `max` most frequent words, most frequent first, ties in alphabetical order (deterministic). */
export function topWords(
  counts: ReadonlyMap<string, number>,
  max: number = LIMITS.wordCloudMax,
): Record<string, number> {
  const sorted = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(sorted.slice(0, max));
}
