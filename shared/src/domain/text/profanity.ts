import { foldWord, WORD_PATTERN } from './fold';
import { PROFANITY } from './profanity-words';

/** What a blocked word becomes: the answer stays, the word does not. */
export const PROFANITY_MASK = '•••';

const BUILT_IN: ReadonlySet<string> = new Set(Object.values(PROFANITY).flat());

/**
 * Masks every blocked word: whole words only, compared after case folding and accent stripping, so
 * "Scheiße", "PUTA" and "Cabrón" are caught but "Scunthorpe" and "cocktail" are not.
 * `extra` are the poll's own blocked words.
 */
export function maskProfanity(text: string, extra: readonly string[] = []): string {
  const own = new Set(extra.map(foldWord));
  return text.replace(WORD_PATTERN, (word) => {
    const folded = foldWord(word);
    return BUILT_IN.has(folded) || own.has(folded) ? PROFANITY_MASK : word;
  });
}
