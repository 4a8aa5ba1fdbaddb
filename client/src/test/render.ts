import { afterEach } from 'vitest';
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nProvider, type Locale } from '../i18n';

// Tell React this is a test environment, so act() flushes effects and updates synchronously.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders into a fresh container inside the app's i18n provider (English unless told; React Testing Library is not installed, so a small stand-in). */
export async function render(node: ReactNode, { locale = 'en' }: { locale?: Locale } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(createElement(I18nProvider, { locale, children: node }));
  });
  const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const button = (name: string) =>
    [...container.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
    );
  return {
    container,
    byTestId,
    button,
    unmount: async () => {
      await act(async () => root?.unmount());
      container.remove();
    },
  };
}

/** Runs a change and lets React and pending promises settle. */
export const settle = (fn: () => unknown = () => {}) =>
  act(async () => {
    fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

/**
 * Unmounts every view `track` was given after each test of the file, one after another (overlapping
 * act() calls would leave React's test queue broken for the next test). Call once at a file's top.
 */
export function trackViews() {
  const views: { unmount(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const view of views.splice(0)) await view.unmount();
  });
  return <V extends { unmount(): Promise<void> }>(view: V): V => {
    views.push(view);
    return view;
  };
}
