import { createElement, useEffect, useMemo, type ReactNode } from 'react';
import { createIntl, createIntlCache, IntlProvider, useIntl, type IntlShape } from 'react-intl';
import { CATALOGS } from './catalogs';
import { browserLocale, DEFAULT_LOCALE, type Locale } from './locales';
import type { MessageId } from './messages/en';

/** Argument values a message takes (numbers, strings, dates, or rich-text callbacks). */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;
type IntlError = Parameters<NonNullable<Parameters<typeof createIntl>[0]['onError']>>[0];

// Vitest sets VITEST in the environment; a browser has no `process` at all.
const underVitest = () =>
  Boolean((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.VITEST);

/**
 * Missing ids and broken ICU must never pass quietly: under vitest they throw (failing the render), and in
 * the browser they go to console.error (the e2e suites fail on console errors) and onto a DOM marker
 * `html[data-i18n-errors]` that the i18n e2e reads.
 */
export function reportIntlError(error: IntlError): void {
  if (underVitest()) throw error;
  console.error(`[i18n] ${error.code}: ${error.message}`);
  const root = document.documentElement;
  root.dataset.i18nErrors = String(Number(root.dataset.i18nErrors ?? 0) + 1);
}

/** Tags a message may use, so catalogs keep markup out of components: `<FormattedMessage id values={richText} />` for "Click <b>Apps</b>". */
export const richText = {
  b: (chunks: ReactNode[]) => createElement('strong', null, ...chunks),
  code: (chunks: ReactNode[]) => createElement('code', null, ...chunks),
};

/** The app's language for this page load (see browserLocale for why not Zoom's). */
export const appLocale: Locale = typeof navigator === 'undefined' ? DEFAULT_LOCALE : browserLocale();

/** Gives the tree react-intl with Quorum's catalogs and keeps `<html lang>` in step. */
export function I18nProvider({ locale = appLocale, children }: { locale?: Locale; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={CATALOGS[locale]} onError={reportIntlError}>
      {children}
    </IntlProvider>
  );
}

/** A plain-string translator over an intl object: `t('poll.votes', { count: 3 })`. */
export type Translate = (id: MessageId, values?: MessageValues) => string;
const translatorOf =
  (intl: IntlShape): Translate =>
  (id, values) =>
    intl.formatMessage({ id }, values);

/** `const t = useT()` inside components — shorthand for `useIntl().formatMessage({ id }, values)`. */
export function useT(): Translate {
  const intl = useIntl();
  // Stable while the language is, so it is safe in effect and callback dependencies.
  return useMemo(() => translatorOf(intl), [intl]);
}

const cache = createIntlCache();
/** An intl object outside React (notifications, announcements built in controllers). */
export function intlFor(locale: Locale = appLocale): IntlShape {
  return createIntl(
    { locale, defaultLocale: DEFAULT_LOCALE, messages: CATALOGS[locale], onError: reportIntlError },
    cache,
  );
}

/** A translator outside React, in the app's language unless told. */
export const translator = (locale: Locale = appLocale): Translate => translatorOf(intlFor(locale));
