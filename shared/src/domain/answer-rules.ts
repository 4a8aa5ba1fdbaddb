import type { PollSettings } from '../schemas/poll';
import type { AnswerRules } from '../kinds/kind-def';

/** The answer rules a poll's settings ask for (the filter is on unless switched off). */
export const answerRules = (settings: Pick<PollSettings, 'profanityFilter' | 'blockedWords'>): AnswerRules => ({
  maskProfanity: settings.profanityFilter !== false,
  blockedWords: settings.blockedWords ?? [],
});
