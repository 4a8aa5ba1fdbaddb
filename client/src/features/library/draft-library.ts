import { parseInput, pollDraftSchema, type PollDraftInput } from '@quorum/shared';
import type { JsonObject } from '../../zoom/zoom-port';

/** A poll prepared before a meeting. Deleted drafts stay as tombstones so a sync cannot bring them back. */
export interface LibraryDraft {
  id: string;
  draft: PollDraftInput;
  updatedAt: number;
  deleted?: boolean;
}

export const LIBRARY_STORAGE_KEY = 'quorum.library.v1';

/** Checks drafts that came from storage or another instance; anything malformed is dropped. */
export function parseDrafts(input: unknown): LibraryDraft[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((item: unknown): LibraryDraft[] => {
    const d = item as Partial<LibraryDraft> | null;
    if (!d || typeof d.id !== 'string' || typeof d.updatedAt !== 'number') return [];
    const parsed = parseInput(pollDraftSchema, d.draft);
    if (!parsed.ok) return [];
    return [{ id: d.id, draft: d.draft as PollDraftInput, updatedAt: d.updatedAt, ...(d.deleted ? { deleted: true } : {}) }];
  });
}

/** Merges two libraries by id; the later edit (or deletion) wins. */
export function mergeDrafts(mine: readonly LibraryDraft[], theirs: readonly LibraryDraft[]): LibraryDraft[] {
  const byId = new Map(mine.map((d) => [d.id, d]));
  for (const d of theirs) {
    const known = byId.get(d.id);
    if (!known || d.updatedAt > known.updatedAt) byId.set(d.id, d);
  }
  return [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The drafts to show (tombstones hidden). */
export const visibleDrafts = (drafts: readonly LibraryDraft[]): LibraryDraft[] => drafts.filter((d) => !d.deleted);

/** The sync message between one user's main-client and in-meeting instances. */
export interface LibraryMessage {
  type: 'quorum.library';
  drafts: LibraryDraft[];
  /** True on an answer, so the two sides do not echo each other forever. */
  reply: boolean;
}

export const toMessage = (drafts: readonly LibraryDraft[], reply: boolean): JsonObject =>
  ({ type: 'quorum.library', drafts: [...drafts], reply }) as unknown as JsonObject;

export function fromMessage(payload: JsonObject): LibraryMessage | null {
  if (payload.type !== 'quorum.library') return null;
  return { type: 'quorum.library', drafts: parseDrafts(payload.drafts), reply: payload.reply === true };
}

/** The library kept in localStorage (memory only when storage is blocked), observable for React. */
export class DraftLibrary {
  private drafts: LibraryDraft[];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    this.drafts = this.read();
  }

  getSnapshot = (): readonly LibraryDraft[] => this.drafts;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  save(draft: PollDraftInput, id: string = crypto.randomUUID(), now = Date.now()): void {
    this.replace(mergeDrafts(this.drafts, [{ id, draft, updatedAt: now }]));
  }

  remove(id: string, now = Date.now()): void {
    const existing = this.drafts.find((d) => d.id === id);
    if (existing) this.replace(mergeDrafts(this.drafts, [{ ...existing, deleted: true, updatedAt: now }]));
  }

  /** Takes in drafts from the other instance; returns true when anything changed. */
  merge(incoming: readonly LibraryDraft[]): boolean {
    const next = mergeDrafts(this.drafts, incoming);
    const changed = next.length !== this.drafts.length || next.some((d, i) => d !== this.drafts[i]);
    if (changed) this.replace(next);
    return changed;
  }

  /** Re-reads storage (another tab or instance of the same origin wrote it). */
  reload(): void {
    this.merge(this.read());
  }

  private read(): LibraryDraft[] {
    try {
      return parseDrafts(JSON.parse(this.storage?.getItem(LIBRARY_STORAGE_KEY) ?? '[]'));
    } catch {
      return [];
    }
  }

  private replace(next: LibraryDraft[]): void {
    this.drafts = next;
    try {
      this.storage?.setItem(LIBRARY_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the library still works for this session.
    }
    this.listeners.forEach((l) => l());
  }
}

/** localStorage when the browser lets the framed app use it. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
