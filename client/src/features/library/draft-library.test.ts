import { describe, expect, it, vi } from 'vitest';
import type { PollDraftInput } from '@quorum/shared';
import {
  DraftLibrary,
  fromMessage,
  LIBRARY_STORAGE_KEY,
  mergeDrafts,
  toMessage,
  visibleDrafts,
  type LibraryDraft,
} from './draft-library';

const draft = (title: string): PollDraftInput => ({
  title,
  questions: [{ kind: 'rating', prompt: 'How was it?', min: 1, max: 5 }],
});
const entry = (id: string, updatedAt: number, deleted = false): LibraryDraft => ({
  id,
  draft: draft(id),
  updatedAt,
  ...(deleted ? { deleted } : {}),
});

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: vi.fn((k: string, v: string) => void data.set(k, v)) };
}

describe('draft library', () => {
  it('merges by id with the later edit or deletion winning', () => {
    const merged = mergeDrafts([entry('a', 1), entry('b', 5)], [entry('a', 3), entry('b', 4, true), entry('c', 2)]);
    expect(merged.map((d) => [d.id, d.updatedAt])).toEqual([
      ['b', 5],
      ['a', 3],
      ['c', 2],
    ]);
    expect(visibleDrafts(mergeDrafts(merged, [entry('b', 6, true)])).map((d) => d.id)).toEqual(['a', 'c']);
  });

  it('persists to storage and reloads, dropping malformed entries', () => {
    const storage = memoryStorage();
    const library = new DraftLibrary(storage);
    library.save(draft('Retro'), 'r1', 10);
    library.remove('r1', 11);
    storage.setItem(
      LIBRARY_STORAGE_KEY,
      JSON.stringify([
        ...JSON.parse(storage.getItem(LIBRARY_STORAGE_KEY)!),
        { id: 'bad', updatedAt: 1, draft: { title: '' } },
      ]),
    );
    const again = new DraftLibrary(storage);
    expect(again.getSnapshot()).toEqual([{ id: 'r1', draft: draft('Retro'), updatedAt: 11, deleted: true }]);
  });

  it('round-trips the sync message and reports changes only once', () => {
    const library = new DraftLibrary(null);
    const message = fromMessage(toMessage([entry('a', 1)], false));
    expect(message).toEqual({ type: 'quorum.library', drafts: [entry('a', 1)], reply: false });
    expect(library.merge(message!.drafts)).toBe(true);
    expect(library.merge(message!.drafts)).toBe(false);
    expect(fromMessage({ type: 'other' })).toBeNull();
  });
});
