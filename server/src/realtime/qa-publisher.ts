import { qaViewFor, type QaBoard } from '@quorum/shared';
import type { QaBoards } from '../services/qa-boards';
import { hostsRoom, meetingRoom, voterRoom } from './rooms';
import { emitInSlices } from './sliced-emit';
import { TallyBroadcaster } from './tally-broadcaster';
import type { QuorumServer } from './types';

export interface QaPublisherOptions {
  io: QuorumServer;
  /** The meetings' current boards (the service's cache, the database behind it). */
  boards: QaBoards;
  /** The same window as tallies (TALLY_WINDOW_MS). */
  windowMs: number;
  log: { error(error: unknown, what: string): void };
}

/**
 * Q&A broadcasts, coalesced like tallies: at most one `qa:update` per meeting per window to each
 * audience (the hosts' room gets the host view, everyone else the participants' shared view, one
 * encoding per room), plus `qa:mine` to each asker whose own question changed. Each is the whole list
 * at the board's version, so a lost or reordered one is repaired by the next.
 */
export class QaPublisher {
  private readonly broadcaster: TallyBroadcaster;
  /** Askers to tell, per meeting, at the next send. */
  private readonly askers = new Map<string, Set<string>>();
  /** Messages emitted (the benchmark reads this). */
  readonly sent = { update: 0 };

  constructor(private readonly options: QaPublisherOptions) {
    this.broadcaster = new TallyBroadcaster(options.windowMs, (meetingId) => this.send(meetingId));
  }

  /** A change at this process or another: send the meeting's lists within the window. */
  changed(meetingId: string, askers: readonly string[]): void {
    if (askers.length > 0) {
      let set = this.askers.get(meetingId);
      if (!set) this.askers.set(meetingId, (set = new Set()));
      askers.forEach((a) => set.add(a));
    }
    this.broadcaster.markDirty(meetingId);
  }

  /**
   * Another process committed `version` (undefined: a resync after a Redis outage, when hints may have
   * been lost): the cached board is dropped if older, and the meeting re-sent if anyone here watches it.
   */
  heard(meetingId: string, version: number | undefined, askers: readonly string[]): void {
    if (version === undefined) this.options.boards.forget(meetingId);
    else this.options.boards.behind(meetingId, version);
    if ((this.options.io.of('/').adapter.rooms.get(meetingRoom(meetingId))?.size ?? 0) > 0)
      this.changed(meetingId, askers);
  }

  /** Sends what is pending now (graceful shutdown). */
  flush(): void {
    this.broadcaster.flush();
  }

  private send(meetingId: string): void {
    const askers = [...(this.askers.get(meetingId) ?? [])];
    this.askers.delete(meetingId);
    // Usually cached: sent in this turn, so a shutdown's flush still reaches the sockets before they close.
    const cached = this.options.boards.peek(meetingId);
    if (cached) return this.emit(cached, askers);
    this.options.boards.get(meetingId).then(
      (board) => this.emit(board, askers),
      (error: unknown) => this.options.log.error(error, 'Q&A broadcast'),
    );
  }

  private emit(board: QaBoard, askers: string[]): void {
    const { io } = this.options;
    const hosts = hostsRoom(board.meetingId);
    const supersede = `qa:${board.meetingId}`;
    emitInSlices(io, { room: hosts, supersede }, 'qa:update', qaViewFor(board, { host: true }));
    const everyone = { room: meetingRoom(board.meetingId), except: hosts, supersede };
    emitInSlices(io, everyone, 'qa:update', qaViewFor(board, { host: false }));
    for (const voterId of askers) {
      const view = qaViewFor(board, { host: false, voterId });
      const mine = { ...view, questions: view.questions.filter((q) => q.mine) };
      emitInSlices(io, { room: voterRoom(board.meetingId, voterId), except: hosts }, 'qa:mine', mine);
    }
    this.sent.update++;
  }
}
