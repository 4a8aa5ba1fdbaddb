// Built-in profanity lists, folded (lower case, no accents) as `foldWord` produces. Small and curated:
// common swear words and slurs. Words that are harmless in another supported language are left out
// on purpose, because an answer's language is not known: "bite" (English), "con" (Spanish "with"),
// "hostia", "concha", "cul", "zorra".

const EN = `fuck fucks fucking fucked fucker fuckers motherfucker motherfuckers shit shits shitty bullshit
bitch bitches bastard bastards asshole assholes arsehole dick dickhead cunt cunts cock cocks pussy slut
sluts whore whores wanker wankers twat prick pricks bollocks retard retards faggot faggots fag fags nigger
niggers nigga spic chink kike dyke jackass`;

const ES = `puta putas puto putos mierda cabron cabrones cono gilipollas joder jodido jodida pendejo pendeja
pendejos culero culera verga chinga chingada chingado chingar marica maricon maricones cojones carajo mamon
huevon boludo pelotudo malparido hijueputa`;

const DE = `scheisse scheiss arschloch arschlocher arsch fick ficken fickt fotze hure huren hurensohn wichser
schlampe miststuck missgeburt schwuchtel spast spasti kacke drecksau pisser vollidiot`;

const FR = `merde putain pute putes salope salopes connard connards connasse encule encules couille couilles
nique niquer batard batards pede enfoire enfoires chier foutre salaud salauds bouffon pouffiasse`;

const split = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** Built-in blocked words per supported language. */
export const PROFANITY: Readonly<Record<'en' | 'es' | 'de' | 'fr', readonly string[]>> = {
  en: split(EN),
  es: split(ES),
  de: split(DE),
  fr: split(FR),
};
