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
  const listeners = new Set<() => void>();
  const set = (next: readonly Toast[]) => {
    toasts = next;
    listeners.forEach((l) => l());
  };
  const dismiss = (id: number) => {
    if (toasts.some((t) => t.id === id)) set(toasts.filter((t) => t.id !== id));
  };
  return {
    show(message) {
      const id = nextId++;
      set([...toasts, { id, message }].slice(-max));
      setTimeout(() => dismiss(id), lifetimeMs);
    },
    dismiss,
    getSnapshot: () => toasts,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const noop: ToastStack = { show: () => {}, dismiss: () => {}, getSnapshot: () => [], subscribe: () => () => {} };

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
