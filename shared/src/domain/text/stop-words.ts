// Function words left out of word clouds, folded (lower case, no accents) as `foldWord` produces.
// Small curated lists: articles, pronouns, prepositions, conjunctions, auxiliaries, fillers.

const EN = `a about above after again all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves im ive dont
thats theres really get got like`;

const ES = `a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el
ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba estado estan estar estas este esto
estos fue fueron ha han hasta hay la las le les lo los mas me mi mis mucho muy ni no nos nosotros o os otra
otro para pero poco por porque que quien se sea ser si sido sin sobre son su sus tambien te tengo ti tiene
todo todos tu tus un una uno unos usted ustedes y ya yo`;

const DE = `aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis
bist da damit dann das dass dein deine dem den der des dich die dies diese diesem diesen dieser dir doch dort
du durch ein eine einem einen einer eines er es etwas euch euer fur gegen gewesen hab habe haben hat hatte
hier hin ich ihm ihn ihnen ihr ihre im in ist ja jede jeder jetzt kann kein keine mein meine mich mir mit muss
nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so soll um und uns unser unter viel
vom von vor war waren was weil wenn wer wie wir wird wo zu zum zur`;

const FR = `a ai aie au aux avec avoir c ca ce ceci cela ces cet cette d dans de des du elle elles en est et
etait etre eu il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on
ont ou par pas plus pour qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tous tout tres tu un
une vos votre vous y`;

const split = (list: string): string[] => list.split(/\s+/).filter(Boolean);

export type StopWordLanguage = 'en' | 'es' | 'de' | 'fr';

/** Stop words per supported language. */
export const STOP_WORDS: Readonly<Record<StopWordLanguage, ReadonlySet<string>>> = {
  en: new Set(split(EN)),
  es: new Set(split(ES)),
  de: new Set(split(DE)),
  fr: new Set(split(FR)),
};

/**
 * Guesses an answer's language from its folded words: the language with the most stop-word hits.
 * Another language must beat English with at least two hits, because many short words are stop
 * words in one language and content in another ("war", "die", "son"), and one-word answers are common.
 */
export function guessLanguage(folded: readonly string[]): StopWordLanguage {
  const hits = (lang: StopWordLanguage) => folded.filter((w) => STOP_WORDS[lang].has(w)).length;
  const english = hits('en');
  let best: StopWordLanguage = 'en';
  let bestHits = english;
  for (const lang of ['es', 'de', 'fr'] as const) {
    const n = hits(lang);
    if (n >= 2 && n > bestHits) [best, bestHits] = [lang, n];
  }
  return best;
}
