/** Letters and digits in a row: what counts as a word for the filter and the word cloud. */
export const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/**
 * Case-folds and strips accents so "Élan", "elan" and "ELAN" compare equal: NFD splits "é" into
 * "e" plus a combining mark, which is then dropped; "ß" folds to "ss" as Unicode case folding does.
 */
export const foldWord = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss');

/** The words of a text in order (duplicates kept). */
export const wordsOf = (text: string): string[] => text.match(WORD_PATTERN) ?? [];
