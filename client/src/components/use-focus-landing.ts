import { useEffect, useRef, type RefObject } from 'react';

/**
 * True when focus has nowhere meaningful to be: the control that had it went away (a Launch button once
 * the poll is open, Submit once the vote is in) and the browser dropped it on the body. Anything else is
 * where the user chose to be, e.g. typing an answer, and must not be taken away. Nor is focus lost while
 * the user is elsewhere (another Zoom window or panel): focusing then would pull them into the app.
 */
export function focusIsLost(doc: Document): boolean {
  const active = doc.activeElement;
  return doc.hasFocus() && (active === null || active === doc.body || active === doc.documentElement);
}

/**
 * Lands focus on `ref` (a heading or receipt with tabIndex −1, or what a function finds) when `key` changes
 * to a non-null value after the first render, or on the first render too when `onMount`, but only if focus
 * was lost: it never steals focus.
 */
export function useFocusLanding(
  ref: RefObject<HTMLElement | null> | (() => HTMLElement | null | undefined),
  key: unknown,
  onMount = false,
): void {
  // Compared by value, so StrictMode's second effect run and unrelated re-renders do nothing.
  const landed = useRef<unknown>(onMount ? Symbol('not yet') : key);
  useEffect(() => {
    if (Object.is(landed.current, key)) return;
    landed.current = key;
    if (key === null) return;
    const el = typeof ref === 'function' ? ref() : ref.current;
    if (el && focusIsLost(el.ownerDocument)) el.focus();
  }, [ref, key]);
}

/** Whether an id arrived after the view first rendered (a poll launched while the user was here). */
export function useArrivals(ids: readonly string[]): (id: string) => boolean {
  const initial = useRef<ReadonlySet<string> | null>(null);
  initial.current ??= new Set(ids);
  const known = initial.current;
  return (id) => !known.has(id);
}

/**
 * After an "Add" button grew a list (`count` went up since the last render), focuses the new row's field
 * that `pick` finds, so a keyboard user types on where the new field is instead of hunting for it.
 */
export function useFocusOnGrowth(count: number, pick: () => HTMLElement | null | undefined): void {
  const last = useRef(count);
  useEffect(() => {
    const grew = count > last.current;
    last.current = count;
    if (grew) pick()?.focus();
  });
}
