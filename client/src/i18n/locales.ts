/** The languages Quorum ships catalogs for; the first is the source of truth and the fallback. */
export const LOCALES = ['en', 'es', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag);

/**
 * Picks the first supported language among BCP 47 candidates, most preferred first (`de-AT` → `de`),
 * else English.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const base = candidate.trim().toLowerCase().replace('_', '-').split('-')[0] ?? '';
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/**
 * The language of this panel. Zoom's Apps SDK (@zoom/appssdk 0.16: config(), getRunningContext(),
 * getUserContext()) exposes no UI locale — getMeetingLanguages() lists interpretation channels, not the
 * client's language — but Zoom's embedded browser reports the client's language as navigator.languages,
 * so that is what we follow. `?lang=xx` on the app URL overrides it for demos.
 */
export function browserLocale(
  nav: Pick<Navigator, 'languages' | 'language'> = navigator,
  search = typeof location === 'undefined' ? '' : location.search,
): Locale {
  const forced = new URLSearchParams(search).get('lang');
  return pickLocale([forced, ...(nav.languages ?? []), nav.language]);
}
