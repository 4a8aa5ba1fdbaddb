import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { AppPane } from './app-pane';

/** What has focus inside the app's document, and whether it shows a focus indicator. */
export interface FocusState {
  inside: boolean;
  visible: boolean;
  what: string;
}

/** The app's focused element, if any, and whether it shows a focus indicator. */
export function focusState(pane: AppPane): Promise<FocusState> {
  return pane.liveFrame().evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { inside: false, visible: false, what: 'body' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' ? Number.parseFloat(style.outlineWidth) : 0;
    const ring = outline > 0 || (style.boxShadow !== 'none' && style.boxShadow !== '');
    return { inside: true, visible: el.matches(':focus-visible') && ring, what: el.outerHTML.slice(0, 120) };
  });
}

/** Fails unless focus is inside the app and drawn (a :focus-visible outline or ring of non-zero width). */
export async function expectVisibleFocus(pane: AppPane): Promise<void> {
  const state = await focusState(pane);
  expect(state.inside, `${pane.personId}: focus is in the app`).toBe(true);
  expect(state.visible, `${pane.personId}: focus is visible on ${state.what}`).toBe(true);
}

/** Whether `target` is the focused element of its document. */
export const hasFocus = (target: Locator): Promise<boolean> =>
  target.evaluate((el) => el === el.ownerDocument.activeElement, undefined, { timeout: 2000 }).catch(() => false);

/** Tab when `target` comes later in the document than what has focus, Shift+Tab when it comes earlier. */
const direction = (target: Locator): Promise<'Tab' | 'Shift+Tab'> =>
  target.evaluate((el) => {
    const active = el.ownerDocument.activeElement;
    const after =
      active &&
      active !== el.ownerDocument.body &&
      el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
    return after ? 'Shift+Tab' : 'Tab';
  });

/**
 * Presses Tab or Shift+Tab until `target` has focus, checking at every stop inside the app that focus is visible.
 * The direction is decided again before every press: the app may move focus on its own meanwhile (it lands focus
 * on a new poll when the control that had it went away), and a direction fixed at the start would then lead away.
 */
export async function pressUntil(pane: AppPane, target: Locator, max = 60): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await pane.page.keyboard.press(await direction(target));
    if ((await focusState(pane)).inside) await expectVisibleFocus(pane);
  }
  if (await hasFocus(target)) return;
  throw new Error(`${pane.personId}: Tab and Shift+Tab never reached ${target.toString()}`);
}

/** Moves focus into a person's panel the way Zoom hands it over when the panel is clicked into; keys from then on. */
export const enterPanel = (pane: AppPane) => pane.iframe.focus();

/** The app's polite live region. */
export const statusRegion = (pane: AppPane) => pane.frame.getByTestId('status-region');
