import { describe, expect, it } from 'vitest';
import { foldWord } from './fold';
import { maskProfanity, PROFANITY_MASK } from './profanity';
import { PROFANITY } from './profanity-words';
import { guessLanguage, STOP_WORDS } from './stop-words';
import { cloudWords, topWords } from './word-cloud';

describe('foldWord', () => {
  it('folds case, accents and the sharp s', () => {
    expect(['Élan', 'ELAN', 'elan'].map(foldWord)).toEqual(['elan', 'elan', 'elan']);
    expect(foldWord('Straße')).toBe('strasse');
    expect(foldWord('Cabrón')).toBe('cabron');
  });
});

describe('word lists', () => {
  it('are stored folded, so lookups never miss on spelling', () => {
    for (const list of [...Object.values(PROFANITY), ...Object.values(STOP_WORDS).map((s) => [...s])]) {
      for (const word of list) expect(foldWord(word)).toBe(word);
    }
  });
  it('never block a word that is a stop word in a supported language', () => {
    const stop = new Set(Object.values(STOP_WORDS).flatMap((s) => [...s]));
    expect(
      Object.values(PROFANITY)
        .flat()
        .filter((w) => stop.has(w)),
    ).toEqual([]);
  });
});

describe('maskProfanity', () => {
  it('masks whole words in all four languages, whatever the case or accents', () => {
    expect(maskProfanity('Shit happens')).toBe(`${PROFANITY_MASK} happens`);
    expect(maskProfanity('¡Qué MIERDA, cabrón!')).toBe(`¡Qué ${PROFANITY_MASK}, ${PROFANITY_MASK}!`);
    expect(maskProfanity('So eine Scheiße')).toBe(`So eine ${PROFANITY_MASK}`);
    expect(maskProfanity('Putain de merde')).toBe(`${PROFANITY_MASK} de ${PROFANITY_MASK}`);
  });
  it('leaves words that merely contain a blocked word, and cross-language homonyms', () => {
    expect(maskProfanity('Scunthorpe cocktails in Essex')).toBe('Scunthorpe cocktails in Essex');
    expect(maskProfanity('café con leche, a bite')).toBe('café con leche, a bite');
  });
  it("adds the poll's own words", () => {
    expect(maskProfanity('Ban the Broccoli', ['broccoli'])).toBe(`Ban the ${PROFANITY_MASK}`);
  });
});

describe('word cloud words', () => {
  it('case-folds, drops stop words, numbers, one-letter words and repeats', () => {
    expect(cloudWords('The Pizza and the PIZZA, 42 times a day')).toEqual(['pizza', 'times', 'day']);
  });
  it("drops the answer's own language's stop words", () => {
    expect(cloudWords('Ich habe keine Zeit und keine Lust')).toEqual(['zeit', 'lust']);
    expect(cloudWords('Le café et les croissants')).toEqual(['café', 'croissants']);
    expect(cloudWords('Mucho trabajo para todos')).toEqual(['trabajo']);
  });
  it('keeps short answers that are content in English ("war")', () => {
    expect(guessLanguage(['war'])).toBe('en');
    expect(cloudWords('War')).toEqual(['war']);
  });
  it('never puts a masked word in the cloud', () => {
    expect(cloudWords(maskProfanity('shit pizza'))).toEqual(['pizza']);
  });
  it('keeps the most frequent words, ties alphabetically', () => {
    const counts = new Map([
      ['b', 2],
      ['a', 2],
      ['c', 5],
      ['d', 1],
    ]);
    expect(Object.entries(topWords(counts, 3))).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 2],
    ]);
  });
});
