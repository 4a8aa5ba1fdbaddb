import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs';
import { errorText } from './format';
import { intlFor, translator } from './i18n-provider';
import { LOCALES, type Locale } from './locales';
import type { MessageId } from './messages/en';

const en = CATALOGS.en;
const ids = Object.keys(en).sort() as MessageId[];
const others = LOCALES.filter((l) => l !== 'en');

/** Every argument and tag a message uses, with its kind ("count:plural", "b:tag"), through nested branches. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    // {n}, {n, number} and {n, plural/selectordinal, …} all take a number from the caller (languages
    // differ in which they need: "1st" is an English ordinal plural, "1." a German number); select and tags differ.
    const kind = el.type === TYPE.select ? 'select' : el.type === TYPE.tag ? 'tag' : 'value';
    into.add(`${el.value}:${kind}`);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      Object.values(el.options).forEach((o) => argumentsOf(o.value, into));
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

/** Values that satisfy a message's arguments, to format it for real. */
function sampleValues(elements: MessageFormatElement[], into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.plural || el.type === TYPE.number) into[el.value] = 3;
    else if (el.type === TYPE.date || el.type === TYPE.time) into[el.value] = Date.UTC(2026, 10, 27, 9, 30);
    else if (el.type === TYPE.select) into[el.value] = Object.keys(el.options).find((k) => k !== 'other') ?? 'other';
    else if (el.type === TYPE.tag) into[el.value] = (chunks: string[]) => chunks.join('');
    else into[el.value] = 'x';
    if (el.type === TYPE.plural || el.type === TYPE.select)
      Object.values(el.options).forEach((o) => sampleValues(o.value, into));
    if (el.type === TYPE.tag) sampleValues(el.children, into);
  }
  return into;
}

// Identical to English on purpose: names, formats, bare placeholders, and words German shares with English.
const SAME_AS_ENGLISH: Partial<Record<Locale, ReadonlySet<string>>> = {
  es: new Set(['app.name', 'export.csv', 'export.json']),
  de: new Set([
    'app.name',
    'export.csv',
    'export.json',
    'role.host',
    'connection.offline',
    'notInZoom.inZoom',
    'timer.label',
    'editor.min',
    'editor.max',
    'field.quiz',
    'chip.quiz',
    'report.download',
    'settings.anonymous',
    'ballot.optional',
    'a11y.results.median',
  ]),
  // Zoom's Japanese client calls its own feature Q&A too.
  ja: new Set(['app.name', 'export.csv', 'export.json', 'qa.tab']),
};
const languageNeutral = (message: string) => !/\p{L}/u.test(message.replace(/\{[^{}]*\}/g, ''));

describe('message catalogs', () => {
  it.each(others)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(ids);
  });

  it.each(LOCALES)('every %s message parses as ICU and uses the same arguments as English', (locale) => {
    for (const id of ids) {
      const ast = parse(CATALOGS[locale][id], { requiresOtherClause: true });
      expect([...argumentsOf(ast)].sort(), `${locale} ${id}`).toEqual([...argumentsOf(parse(en[id]))].sort());
    }
  });

  it.each(LOCALES)('every %s message formats with its arguments, in its own plural and number rules', (locale) => {
    const intl = intlFor(locale);
    for (const id of ids) {
      const formatted = intl.formatMessage({ id }, sampleValues(parse(en[id])) as Record<string, string>);
      expect(typeof formatted === 'string' || Array.isArray(formatted), `${locale} ${id}`).toBe(true);
    }
  });

  it.each(others)('%s translates everything but the few words it shares with English', (locale) => {
    const same = ids.filter(
      (id) => CATALOGS[locale][id] === en[id] && !languageNeutral(en[id]) && !SAME_AS_ENGLISH[locale]?.has(id),
    );
    expect(same).toEqual([]);
  });

  it('plurals follow each language: one vote, several votes', () => {
    const say = (locale: Locale, count: number) =>
      intlFor(locale).formatMessage({ id: 'results.votesShare' }, { count, share: count / 4 });
    expect(say('en', 1)).toBe('1 vote · 25%');
    expect(say('en', 3)).toBe('3 votes · 75%');
    expect(say('es', 1)).toBe('1 voto · 25\u00a0%');
    expect(say('de', 3)).toBe('3 Stimmen · 75\u00a0%');
    expect(say('ja', 3)).toBe('3 票 · 75%');
  });

  it("says a server refusal in the reader's words, keeping only the field an INVALID names", () => {
    expect(errorText(translator('de'), { code: 'POLL_CLOSED', message: 'this poll is not open for voting' })).toBe(
      'diese Umfrage ist nicht offen',
    );
    expect(errorText(translator('ja'), { code: 'INVALID', message: 'answers.0.answer.text: too long' })).toBe(
      '受け付けられませんでした（answers.0.answer.text: too long）',
    );
    expect(errorText(translator('es'), { code: 'INTERNAL', message: 'internal error' })).toBe(
      'algo falló en el servidor; inténtalo de nuevo',
    );
  });

  it('a missing id is loud under test, never an English fallback', () => {
    expect(() => intlFor('de').formatMessage({ id: 'no.such.message' as MessageId })).toThrow(/no\.such\.message/);
  });
});
