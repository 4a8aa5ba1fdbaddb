// The one door to Quorum's i18n: import from './i18n' (or '../../i18n'), not from the files inside.
export {
  appLocale,
  I18nProvider,
  intlFor,
  reportIntlError,
  richText,
  translator,
  useT,
  type MessageValues,
  type Translate,
} from './i18n-provider';
export { browserLocale, DEFAULT_LOCALE, LOCALES, pickLocale, type Locale } from './locales';
export type { MessageId } from './messages/en';
export { errorText, formatShare, spokenDuration } from './format';
export { CATALOGS } from './catalogs';
