import { parseInput, pollDraftSchema, type PollDraftInput } from '@quorum/shared';
import type { JsonObject } from '../../zoom/zoom-port';

/** A poll prepared before a meeting. Deleted drafts stay as tombstones so a sync cannot bring them back. */
export interface LibraryDraft {
  id: string;
  draft: PollDraftInput;
  updatedAt: number;
  deleted?: boolean;
  /** The voter id whose server library holds (or will hold) it; absent for a draft kept on this computer only. */
  owner?: string;
  /** This version (or deletion) is stored on the server; false or absent = still to be sent. */
  synced?: boolean;
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
    return [
      {
        id: d.id,
        draft: d.draft as PollDraftInput,
        updatedAt: d.updatedAt,
        ...(d.deleted ? { deleted: true } : {}),
        ...(typeof d.owner === 'string' ? { owner: d.owner } : {}),
        ...(d.synced ? { synced: true } : {}),
      },
    ];
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

/**
 * The drafts to show: no tombstones, and only those of this computer or of `owner`'s server library
 * (people sharing a browser, as in the simulator, never see each other's).
 */
export const visibleDrafts = (drafts: readonly LibraryDraft[], owner?: string): LibraryDraft[] =>
  drafts.filter((d) => !d.deleted && (d.owner === undefined || d.owner === owner));

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

  /** Saves a draft (new, or over the one with this id); `owner` when it is on its way to a server library. */
  save(draft: PollDraftInput, id: string = crypto.randomUUID(), now = Date.now(), owner?: string): LibraryDraft {
    const entry: LibraryDraft = { id, draft, updatedAt: now, ...(owner === undefined ? {} : { owner }) };
    this.replace(mergeDrafts(this.drafts, [entry]));
    return entry;
  }

  remove(id: string, now = Date.now()): void {
    const existing = this.drafts.find((d) => d.id === id);
    if (!existing) return;
    // A deletion is a change of its own: not on the server until it is sent.
    const { synced: _sent, ...rest } = existing;
    this.replace(mergeDrafts(this.drafts, [{ ...rest, deleted: true, updatedAt: now }]));
  }

  /** Sets these entries as they are, whatever their times (the server's copy is the truth after a sync). */
  put(entries: readonly LibraryDraft[]): void {
    if (entries.length === 0) return;
    const byId = new Map(entries.map((e) => [e.id, e]));
    const kept = this.drafts.filter((d) => !byId.has(d.id));
    this.replace([...kept, ...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt));
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
