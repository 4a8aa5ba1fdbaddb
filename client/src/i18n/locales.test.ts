import { describe, expect, it } from 'vitest';
import { browserLocale, pickLocale } from './locales';

describe('pickLocale', () => {
  it.each([
    [['ja-JP'], 'ja'],
    [['de-AT', 'en'], 'de'],
    [['es-419'], 'es'],
    [['ES_mx'], 'es'],
    [['fr-FR', 'de-CH'], 'de'],
    [['fr'], 'en'],
    [['zh-Hans-CN', 'pt-BR'], 'en'],
    [[], 'en'],
    [[undefined, null, ''], 'en'],
  ] as const)('%j → %s', (candidates, expected) => {
    expect(pickLocale(candidates)).toBe(expected);
  });
});

describe('browserLocale', () => {
  it("follows the browser's preferred languages in order", () => {
    expect(browserLocale({ languages: ['fr-CA', 'ja-JP', 'en-US'], language: 'fr-CA' }, '')).toBe('ja');
  });

  it('falls back to navigator.language when the list is empty', () => {
    expect(browserLocale({ languages: [], language: 'de-DE' }, '')).toBe('de');
  });

  it('lets ?lang= on the app URL force a language for demos', () => {
    expect(browserLocale({ languages: ['en-US'], language: 'en-US' }, '?lang=ja')).toBe('ja');
    expect(browserLocale({ languages: ['de'], language: 'de' }, '?lang=xx')).toBe('de');
  });

  it("reads jsdom's own navigator by default", () => {
    expect(browserLocale()).toBe(pickLocale([...navigator.languages, navigator.language]));
  });
});
