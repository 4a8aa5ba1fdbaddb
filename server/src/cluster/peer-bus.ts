import type { MeetingSettings } from '@quorum/shared';
import type { QuorumServer } from '../realtime/types';
import { PEER_EVENT, type PeerMessage } from './peer-messages';

/**
 * Sends peer messages through the socket.io adapter (`serverSideEmit`: Redis pub/sub, every other
 * process, never this one). Tally notices of one event-loop turn go out as one message: a batch
 * commit of a hundred ballots is one publish, not a hundred.
 */
export class PeerBus {
  private readonly dirty = new Map<string, [pollId: string, run: number]>();
  private scheduled = false;

  /** @param versionOf the run's version as this process now counts it (read when the notice leaves). */
  constructor(
    private readonly io: QuorumServer,
    private readonly versionOf: (pollId: string, run: number) => number | undefined,
  ) {}

  tallyChanged(pollId: string, run: number): void {
    this.dirty.set(`${pollId}:${run}`, [pollId, run]);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flushTallies());
  }

  pollChanged(pollId: string): void {
    this.send({ kind: 'poll', pollId });
  }

  settingsChanged(meetingId: string, settings: MeetingSettings): void {
    this.send({ kind: 'settings', meetingId, settings });
  }

  qaChanged(meetingId: string, version: number, askers: readonly string[]): void {
    this.send({ kind: 'qa', meetingId, version, askers: [...askers] });
  }

  /** Calls `handler` for every message another process sends. */
  listen(handler: (message: PeerMessage) => void): void {
    this.io.on(PEER_EVENT, handler);
  }

  private flushTallies(): void {
    this.scheduled = false;
    const runs: [string, number, number][] = [];
    for (const [pollId, run] of this.dirty.values()) {
      const version = this.versionOf(pollId, run);
      if (version !== undefined) runs.push([pollId, run, version]);
    }
    this.dirty.clear();
    if (runs.length > 0) this.send({ kind: 'tally', runs });
  }

  private send(message: PeerMessage): void {
    // The adapter publishes asynchronously and reports its own failures; a lost hint is repaired by
    // the resync after Redis comes back.
    this.io.serverSideEmit(PEER_EVENT, message);
  }
}
