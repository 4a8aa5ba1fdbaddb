import { useSyncExternalStore } from 'react';

/** A minimal external store: event handlers read the latest state without waiting for React. */
export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a store around a pure reducer. */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Subscribes a component to any store with getState/subscribe. */
export const useStore = <S>(store: { getState(): S; subscribe(l: () => void): () => void }): S =>
  useSyncExternalStore(store.subscribe, store.getState, store.getState);
