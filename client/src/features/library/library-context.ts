import { createContext, useContext, useSyncExternalStore } from 'react';
import { DraftLibrary, type LibraryDraft } from './draft-library';

export const LibraryContext = createContext<DraftLibrary>(new DraftLibrary(null));

/** The draft library and its current drafts (tombstones included; filter with visibleDrafts). */
export function useLibrary(): { library: DraftLibrary; drafts: readonly LibraryDraft[] } {
  const library = useContext(LibraryContext);
  const drafts = useSyncExternalStore(library.subscribe, library.getSnapshot, library.getSnapshot);
  return { library, drafts };
}
