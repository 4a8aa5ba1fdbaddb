import { fail, ok, type PollDraftInput, type Result, type Template } from '@quorum/shared';
import { translator } from '../../i18n';
import { ApiError } from '../../session/api-call';
import { visibleDrafts, type DraftLibrary, type LibraryDraft } from './draft-library';
import type { TemplateApi } from './template-api';
import { libraryFile, readTemplatesFile } from './templates-file';

/** Where the library lives: this computer only, or the signed-in user's account on Quorum's server. */
export type SyncStatus =
  | { mode: 'local'; note: string }
  | { mode: 'account'; state: 'syncing' | 'synced' | 'offline' | 'error'; message?: string };

/** The signed-in user's server library: whose it is (their voter id) and how to reach it. */
export interface Account {
  owner: string;
  api: TemplateApi;
}

const fromTemplate = (t: Template, owner: string): LibraryDraft => ({
  id: t.id,
  draft: t.draft,
  updatedAt: t.updatedAt,
  owner,
  synced: true,
});
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The poll library with the server behind it. Every change lands in the local library first (so the
 * UI, the main-client↔meeting sync and offline use keep working) and is then sent to the account
 * library; a refresh takes the server's copy of everything not waiting to be sent. Without an account
 * (guests, no session) it is the local library alone.
 */
export class TemplateSync {
  private status: SyncStatus;
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    readonly library: DraftLibrary,
    private readonly account: Account | null,
    localNote = translator()('library.note.local'),
  ) {
    this.status = account ? { mode: 'account', state: 'syncing' } : { mode: 'local', note: localNote };
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whose server library the shown drafts belong to (undefined: this computer's only). */
  get owner(): string | undefined {
    return this.account?.owner;
  }

  /** The drafts to list. */
  visible(drafts: readonly LibraryDraft[]): LibraryDraft[] {
    return visibleDrafts(drafts, this.owner);
  }

  save(draft: PollDraftInput, id?: string): void {
    this.library.save(draft, id, Date.now(), this.owner);
    void this.refresh(false);
  }

  remove(id: string): void {
    this.library.remove(id);
    void this.refresh(false);
  }

  /** Takes the server's copy, then sends what is waiting; runs one at a time, again if asked meanwhile. */
  refresh(pull = true): Promise<void> {
    if (!this.account) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const account = this.account;
    this.running = (async () => {
      do {
        this.again = false;
        this.setStatus({ mode: 'account', state: 'syncing' });
        this.setStatus(await this.round(account, pull));
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Reads an export file; answers how many templates it added, or the error naming the bad field. */
  async importText(text: string): Promise<Result<number>> {
    const read = readTemplatesFile(text);
    if (!read.ok) return read;
    if (!this.account) {
      read.data.file.templates.forEach(({ id, ...draft }) => this.library.save(draft, id));
      return ok(read.data.file.templates.length);
    }
    try {
      const templates = await this.account.api.importFile(read.data.json);
      this.library.put(templates.map((t) => fromTemplate(t, this.account!.owner)));
      return ok(templates.length);
    } catch (error) {
      return error instanceof ApiError && error.code !== 'NETWORK'
        ? fail('INVALID', error.message, error.field)
        : fail('INTERNAL', messageOf(error));
    }
  }

  /** The library as a file: the server's export for an account (after sending what waits), else built here. */
  async exportFile(): Promise<Blob> {
    if (this.account) {
      await this.refresh(false);
      try {
        return await this.account.api.exportFile();
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'NETWORK')) throw error;
      }
    }
    const file = libraryFile(this.visible(this.library.getSnapshot()));
    return new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  }

  private async round(account: Account, pull: boolean): Promise<SyncStatus> {
    try {
      if (pull) this.library.put(this.pulled(await account.api.list(), account.owner));
      const failure = await this.push(account);
      return failure ? { mode: 'account', state: 'error', message: failure } : { mode: 'account', state: 'synced' };
    } catch (error) {
      const offline = error instanceof ApiError && error.code === 'NETWORK';
      return { mode: 'account', state: offline ? 'offline' : 'error', message: messageOf(error) };
    }
  }

  /** The server's templates, except where a change of mine waits to be sent; mine it no longer has were deleted elsewhere. */
  private pulled(server: readonly Template[], owner: string): LibraryDraft[] {
    const local = new Map(this.library.getSnapshot().map((d) => [d.id, d]));
    const waiting = (d: LibraryDraft | undefined) =>
      d !== undefined && !d.synced && (d.owner === undefined || d.owner === owner);
    const updates = server.filter((t) => !waiting(local.get(t.id))).map((t) => fromTemplate(t, owner));
    const onServer = new Set(server.map((t) => t.id));
    for (const d of local.values()) {
      if (d.owner === owner && d.synced && !d.deleted && !onServer.has(d.id)) updates.push({ ...d, deleted: true });
    }
    return updates;
  }

  /** Sends every waiting change (drafts from before sign-in too); answers the first refusal, if any. */
  private async push(account: Account): Promise<string | null> {
    const waiting = this.library
      .getSnapshot()
      .filter((d) => !d.synced && (d.owner === undefined || d.owner === account.owner));
    let failure: string | null = null;
    for (const d of waiting) {
      try {
        const sent = d.deleted
          ? { ...d, owner: account.owner, synced: true }
          : fromTemplate(await account.api.put(d.id, d.draft), account.owner);
        if (d.deleted) await account.api.remove(d.id);
        // Changed again while this was on its way: keep the newer change waiting.
        if (this.library.getSnapshot().find((x) => x.id === d.id) === d) this.library.put([sent]);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NETWORK') throw error;
        failure ??= translator()('library.saveFailed', { title: d.draft.title, reason: messageOf(error) });
      }
    }
    return failure;
  }

  private setStatus(next: SyncStatus): void {
    this.status = next;
    this.listeners.forEach((l) => l());
  }
}
