import type { Unsubscribe } from './zoom-port';

type HistoryMethod = 'pushState' | 'replaceState';
const METHODS: readonly HistoryMethod[] = ['pushState', 'replaceState'];
const EVENT = 'quorum:urlchange';
const patched = new WeakSet<History>();

/**
 * Wraps `history.pushState`/`replaceState` once so that every URL change the page makes itself (present
 * mode's `?present=`, or any library's) raises one event. Zoom binds the config token to the page URL,
 * and the browser gives no event for these calls, so this is the only way not to miss one.
 */
function patchHistory(win: Window): void {
  const { history } = win;
  if (patched.has(history)) return;
  patched.add(history);
  for (const method of METHODS) {
    const original = history[method].bind(history);
    history[method] = (data: unknown, unused: string, url?: string | URL | null) => {
      original(data, unused, url);
      win.dispatchEvent(new Event(EVENT));
    };
  }
}

/** Calls `handler` after the page's URL changed (history calls, back/forward, hash); not for same-URL calls. */
export function onUrlChange(handler: () => void, win: Window = window): Unsubscribe {
  patchHistory(win);
  let last = win.location.href;
  const check = () => {
    if (win.location.href === last) return;
    last = win.location.href;
    handler();
  };
  const names = [EVENT, 'popstate', 'hashchange'];
  names.forEach((name) => win.addEventListener(name, check));
  return () => names.forEach((name) => win.removeEventListener(name, check));
}
