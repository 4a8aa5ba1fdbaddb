import { createContext, useContext } from 'react';

/** Holds the latest status message for the polite live region. */
export interface Announcer {
  announce(message: string): void;
  getSnapshot(): string;
  subscribe(listener: () => void): () => void;
}

/** Creates an announcer; repeating a message still re-announces it (a zero-width space toggles). */
export function createAnnouncer(): Announcer {
  let message = '';
  const listeners = new Set<() => void>();
  return {
    announce(next) {
      message = message === next ? `${next}\u200b` : next;
      listeners.forEach((l) => l());
    },
    getSnapshot: () => message,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const noop: Announcer = { announce: () => {}, getSnapshot: () => '', subscribe: () => () => {} };

export const AnnouncerContext = createContext<Announcer>(noop);

/** The announce function of the nearest StatusRegion provider. */
export const useAnnounce = (): ((message: string) => void) => useContext(AnnouncerContext).announce;
