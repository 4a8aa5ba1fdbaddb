import { canSeePoll, canSeeResults, type Poll } from '@quorum/shared';
import type { PollEvents } from '../services/poll-service';
import type { PollState } from '../services/poll-state';
import type { QuorumServer } from './types';
import { hostsRoom, meetingRoom } from './rooms';
import { emitInSlices } from './sliced-emit';
import { TallyBroadcaster } from './tally-broadcaster';

/**
 * Turns committed changes into socket.io broadcasts, with each audience getting only what it may
 * see: drafts and host-only results go to the hosts' room, everyone else gets turnout.
 */
export class RealtimePublisher implements PollEvents {
  readonly broadcaster: TallyBroadcaster;
  private readonly latest = new Map<string, Poll>();
  /** Messages emitted, by kind: the benchmark reads this. */
  readonly sent = { tally: 0, poll: 0 };

  constructor(
    private readonly io: QuorumServer,
    private readonly state: () => PollState,
    windowMs: number,
  ) {
    this.broadcaster = new TallyBroadcaster(windowMs, (pollId) => this.sendTally(pollId));
  }

  pollChanged(poll: Poll): void {
    this.latest.set(poll.id, poll);
    // A closing poll's last ballots go out before the close, so clients see the final count first.
    this.broadcaster.flush(poll.id);
    this.sent.poll++;
    const room = canSeePoll(poll, 'participant') ? meetingRoom(poll.meetingId) : hostsRoom(poll.meetingId);
    emitInSlices(this.io, { room }, 'poll:updated', poll);
    // Visibility may have changed (closed, shared): send the tally as each audience now sees it.
    if (poll.run > 0) this.sendTally(poll.id);
  }

  pollDeleted(poll: Poll): void {
    this.latest.delete(poll.id);
    this.broadcaster.forget(poll.id);
    emitInSlices(this.io, { room: meetingRoom(poll.meetingId) }, 'poll:deleted', { pollId: poll.id });
  }

  tallyChanged(poll: Poll): void {
    this.latest.set(poll.id, poll);
    this.broadcaster.markDirty(poll.id);
  }

  private sendTally(pollId: string): void {
    const poll = this.latest.get(pollId);
    const tally = poll && this.state().loadedTally(poll.id, poll.run);
    if (!poll || !tally) return;
    const everyone = meetingRoom(poll.meetingId);
    const hosts = hostsRoom(poll.meetingId);
    if (canSeeResults(poll, 'participant')) {
      emitInSlices(this.io, { room: everyone }, 'poll:tally', tally.snapshot(true));
    } else {
      emitInSlices(this.io, { room: hosts }, 'poll:tally', tally.snapshot(true));
      emitInSlices(this.io, { room: everyone, except: hosts }, 'poll:tally', tally.snapshot(false));
    }
    this.sent.tally++;
  }
}
