import { createContext, useContext } from 'react';
import { useAnnounce } from './announcer';

/** One visible confirmation ("Launched “Lunch”.") in the toast stack. */
export interface Toast {
  id: number;
  message: string;
}

/** The toasts on screen: newest last, each leaving after its lifetime or when closed. */
export interface ToastStack {
  show(message: string): void;
  dismiss(id: number): void;
  /** While the pointer or focus is on the stack nothing leaves (WCAG 2.2.1); `resume` restarts the clocks. */
  pause(): void;
  resume(): void;
  getSnapshot(): readonly Toast[];
  subscribe(listener: () => void): () => void;
}

interface ToastOptions {
  /** How long a toast stays: long enough to read a short sentence, short enough not to pile up. */
  lifetimeMs?: number;
  /** At most this many at once; the oldest gives way. */
  max?: number;
}

/** Creates a toast stack; timers are the browser's, so tests use fake timers. */
export function createToastStack({ lifetimeMs = 5000, max = 3 }: ToastOptions = {}): ToastStack {
  let toasts: readonly Toast[] = [];
  let nextId = 1;
  let paused = false;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const listeners = new Set<() => void>();
  const set = (next: readonly Toast[]) => {
    toasts = next;
    listeners.forEach((l) => l());
  };
  const dismiss = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    if (toasts.some((t) => t.id === id)) set(toasts.filter((t) => t.id !== id));
    // A closed last toast takes the pointer or focus that paused the stack with it: no leave event follows.
    if (toasts.length === 0) paused = false;
  };
  const schedule = (id: number) => {
    if (!paused)
      timers.set(
        id,
        setTimeout(() => dismiss(id), lifetimeMs),
      );
  };
  return {
    show(message) {
      const id = nextId++;
      const kept = [...toasts, { id, message }].slice(-max);
      toasts.filter((t) => !kept.includes(t)).forEach((t) => clearTimeout(timers.get(t.id)));
      set(kept);
      schedule(id);
    },
    dismiss,
    pause() {
      paused = true;
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
    },
    resume() {
      paused = false;
      toasts.forEach((t) => schedule(t.id));
    },
    getSnapshot: () => toasts,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const noop: ToastStack = {
  show: () => {},
  dismiss: () => {},
  pause: () => {},
  resume: () => {},
  getSnapshot: () => [],
  subscribe: () => () => {},
};

export const ToastContext = createContext<ToastStack>(noop);

/**
 * Confirms something a person did, for everyone: a visible toast, and the polite live region for screen
 * readers (the stack itself is not a live region, so nothing is read twice).
 */
export function useNotify(): (message: string) => void {
  const announce = useAnnounce();
  const stack = useContext(ToastContext);
  return (message) => {
    announce(message);
    stack.show(message);
  };
}
