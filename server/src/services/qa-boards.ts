import { DEFAULT_QA_SETTINGS, type QaBoard } from '@quorum/shared';
import type { Store } from '../store/types';
import { voterLabels } from './voter-directory';

/**
 * Each meeting's Q&A board as last read or written here. A write whose version follows the cached one
 * is applied in memory (the same change the store just committed); any other version (another
 * process wrote in between) drops the copy, and the next read comes from the database, which stays
 * the single source of truth. Concurrent reads of one meeting share one query.
 */
export class QaBoards {
  private readonly boards = new Map<string, QaBoard>();
  private readonly loading = new Map<string, Promise<QaBoard>>();
  /** The newest version known committed per meeting: a read that returns older is not cached. */
  private readonly newest = new Map<string, number>();

  constructor(private readonly store: Store) {}

  get(meetingId: string): Promise<QaBoard> {
    const cached = this.boards.get(meetingId);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(meetingId);
    if (!pending) {
      pending = this.load(meetingId).finally(() => this.loading.delete(meetingId));
      this.loading.set(meetingId, pending);
    }
    return pending;
  }

  /** The cached board, if any, without waiting (a broadcast in a graceful shutdown cannot wait). */
  peek(meetingId: string): QaBoard | undefined {
    return this.boards.get(meetingId);
  }

  /** A committed write at `version`: applies `change` when it directly follows the cached board. */
  committed(meetingId: string, version: number, change: (board: QaBoard) => QaBoard): void {
    this.saw(meetingId, version);
    const cached = this.boards.get(meetingId);
    if (cached && cached.version === version - 1) this.boards.set(meetingId, { ...change(cached), version });
    else if (!cached || cached.version < version) this.boards.delete(meetingId);
  }

  /** Another process committed `version`: a copy older than that is dropped. */
  behind(meetingId: string, version: number): void {
    this.saw(meetingId, version);
    const cached = this.boards.get(meetingId);
    if (cached && cached.version < version) this.boards.delete(meetingId);
  }

  /** Forgets every cached board (a user's rows were re-keyed by an erase); each is read again on demand. */
  clear(): void {
    this.boards.clear();
  }

  /** Forgets the meeting (erased). */
  forget(meetingId: string): void {
    this.boards.delete(meetingId);
    this.newest.delete(meetingId);
  }

  private saw(meetingId: string, version: number): void {
    this.newest.set(meetingId, Math.max(version, this.newest.get(meetingId) ?? 0));
  }

  /** The Zoom names of these askers, as far as Zoom gave them (see `labelVoters`); for the hosts' view. */
  async namesOf(meetingId: string, askers: Iterable<string>): Promise<Map<string, string>> {
    const ids = [...new Set(askers)];
    const labels = await voterLabels(this.store, meetingId, ids);
    const names = new Map<string, string>();
    for (const id of ids) {
      const name = labels(id).name;
      if (name) names.set(id, name);
    }
    return names;
  }

  private async load(meetingId: string): Promise<QaBoard> {
    const stored = await this.store.qa.load(meetingId);
    const named = stored.questions.filter((q) => !q.anonymous).map((q) => q.askerId);
    const board: QaBoard = {
      meetingId,
      settings: stored.settings ?? DEFAULT_QA_SETTINGS,
      version: stored.version,
      questions: stored.questions,
      upvoters: stored.upvoters,
      askerNames: await this.namesOf(meetingId, named),
    };
    // A write committed while this read ran: the read may predate it, so it is served but not kept.
    if (board.version >= (this.newest.get(meetingId) ?? 0)) this.boards.set(meetingId, board);
    return board;
  }
}
