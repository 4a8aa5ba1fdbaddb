import type { Frame, Locator } from 'playwright-core';
import { CATALOGS, type Locale } from '../../src/i18n';

/** What one look at a view found wrong: i18n errors, English left over, things wider than the panel. */
export interface ViewProblems {
  i18nErrors: number;
  english: string[];
  overflow: string[];
}

/**
 * English catalog texts that would give away an untranslated string: whole sentences or phrases (a space,
 * ten characters or more, no arguments) that the language's catalog says differently.
 */
export function englishTells(locale: Locale): string[] {
  if (locale === 'en') return [];
  const en = CATALOGS.en;
  return (Object.keys(en) as (keyof typeof en)[])
    .filter(
      (id) =>
        !en[id].includes('{') &&
        !en[id].includes('<') &&
        en[id].includes(' ') &&
        en[id].length >= 10 &&
        CATALOGS[locale][id] !== en[id],
    )
    .map((id) => en[id]);
}

/** Sets the pane's app frame to `width` CSS pixels (the narrowest Zoom side panel is 320) and waits for it. */
export async function narrow(iframe: Locator, frame: Frame, width = 320): Promise<void> {
  await iframe.evaluate((el, w) => el.setAttribute('style', `width:${w}px;flex:none`), width);
  await frame.waitForFunction((w) => window.innerWidth === w, width);
}

/**
 * Looks at the frame as it is now: the i18n error counter the app keeps on <html>, catalog English in the
 * text, accessible names, titles and placeholders, and anything wider than the frame: the page scrolling
 * sideways, or a visible element reaching past the right edge or spilling out of its own box, except
 * inside the regions that scroll on purpose (wide tables).
 */
export function inspect(frame: Frame, tells: string[]): Promise<ViewProblems> {
  return frame.evaluate((english) => {
    const root = document.documentElement;
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
      return false;
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    const overflow: string[] = [];
    const page = document.scrollingElement ?? root;
    if (page.scrollWidth > page.clientWidth)
      overflow.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      if (
        style.display === 'none' ||
        style.visibility === 'hidden' ||
        el.closest('.visually-hidden, [hidden]') ||
        inScroller(el)
      )
        continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > window.innerWidth + 1) overflow.push(`${name(el)} reaches ${Math.round(box.right)} px`);
      // Content wider than its own box: clipped (overflow hidden) or spilling over its neighbours (visible).
      else if (
        !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) &&
        !scrolls(el) &&
        el.clientWidth > 0 &&
        el.scrollWidth > el.clientWidth + 1
      ) {
        overflow.push(`${name(el)} is too narrow for its content: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    const said = [
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
        ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
      ),
    ].join('\n');
    return {
      i18nErrors: Number(root.dataset.i18nErrors ?? 0),
      english: english.filter((t) => said.includes(t)),
      overflow,
    };
  }, tells);
}
