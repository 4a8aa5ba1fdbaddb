import {
  canSeePoll,
  canSeeResults,
  canSeeStandings,
  pollForRole,
  roomPrivacy,
  type MeetingSettings,
  type Poll,
} from '@quorum/shared';
import type { PollEvents } from '../services/poll-events';
import type { PollState } from '../services/poll-state';
import type { QuestionClock } from './question-clock';
import type { QuorumServer } from './types';
import { hostsRoom, meetingRoom } from './rooms';
import { emitInSlices } from './sliced-emit';
import { TallyBroadcaster } from './tally-broadcaster';
import { BreakoutRooms } from './breakout-rooms';
import { emitToPlaces } from './room-tallies';

/** The same callback for a promise's fulfilment and its rejection. */
const either = (then: () => void): [() => void, () => void] => [then, then];

export interface PublisherOptions {
  io: QuorumServer;
  /** The poll cache the broadcasts read (current polls, loaded tallies). */
  state: PollState;
  /** Tally broadcasts per poll are coalesced into windows this long (TALLY_WINDOW_MS; 0 = one per vote). */
  windowMs: number;
  /** The quiz clock, told when a poll reaches its voters and when it stops. */
  clock?: QuestionClock;
  /**
   * With several server processes: brings the poll's tally up to the database's before it is sent
   * (`force` after a lifecycle change); returns undefined when there is nothing to read.
   */
  catchUp?: (poll: Poll, force: boolean) => Promise<unknown> | undefined;
  /** K of the room-privacy rule (ANONYMOUS_ROOM_MIN_VOTERS); the shared default when absent. */
  roomMinVoters?: number;
}

/**
 * Turns committed changes into socket.io broadcasts, with each audience getting only what it may
 * see: drafts, quiz answers and host-only results go to the hosts' room, everyone else gets what
 * their role allows (turnout at least).
 */
export class RealtimePublisher implements PollEvents {
  readonly broadcaster: TallyBroadcaster;
  /** The breakout rooms with sockets here: the plugin tracks each socket on connect. */
  readonly breakouts = new BreakoutRooms();
  private readonly latest = new Map<string, Poll>();
  /** Messages emitted, by kind: the benchmark reads this. */
  readonly sent = { tally: 0, poll: 0 };
  /** Whether a tally fan-out still under way is overtaken by a newer one (see `SliceTarget.supersede`). */
  private readonly latestWins: boolean;

  private readonly io: QuorumServer;
  private readonly state: PollState;
  private readonly clock: QuestionClock | undefined;
  private readonly catchUp: PublisherOptions['catchUp'];
  private readonly roomMinVoters: number | undefined;

  constructor(options: PublisherOptions) {
    this.io = options.io;
    this.state = options.state;
    this.clock = options.clock;
    this.catchUp = options.catchUp;
    this.roomMinVoters = options.roomMinVoters;
    this.broadcaster = new TallyBroadcaster(options.windowMs, (pollId) => this.sendTally(pollId));
    // Coalescing off (the per-vote baseline) means every version goes to every socket.
    this.latestWins = options.windowMs > 0;
  }

  pollChanged(poll: Poll): void {
    this.latest.set(poll.id, poll);
    // A closing poll's last ballots go out before the close, so clients see the final count first.
    this.broadcaster.flush(poll.id);
    this.sent.poll++;
    this.sendPoll(poll);
    if (poll.status !== 'open') this.clock?.forgetPoll(poll.id);
    // Visibility may have changed (closed, shared): send the tally as each audience now sees it.
    if (poll.run > 0) this.sendTally(poll.id, true);
  }

  pollDeleted(poll: Poll): void {
    this.latest.delete(poll.id);
    this.broadcaster.forget(poll.id);
    this.clock?.forgetPoll(poll.id);
    emitInSlices(this.io, { room: meetingRoom(poll.meetingId) }, 'poll:deleted', { pollId: poll.id });
  }

  tallyChanged(poll: Poll): void {
    this.latest.set(poll.id, poll);
    this.broadcaster.markDirty(poll.id);
  }

  settingsChanged(meetingId: string, settings: MeetingSettings): void {
    emitInSlices(this.io, { room: meetingRoom(meetingId) }, 'meeting:settings', settings);
  }

  private sendPoll(poll: Poll): void {
    const hosts = hostsRoom(poll.meetingId);
    const now = Date.now();
    // An open quiz's send time per socket is when each voter's answer time starts.
    const onSent =
      poll.status === 'open' && poll.settings.quiz
        ? (ids: readonly string[]) => this.delivered(poll, ids, now)
        : undefined;
    if (!canSeePoll(poll, 'participant'))
      return emitInSlices(this.io, { room: hosts, onSent }, 'poll:updated', poll, now);
    const forOthers = pollForRole(poll, 'participant');
    if (forOthers === poll)
      return emitInSlices(this.io, { room: meetingRoom(poll.meetingId), onSent }, 'poll:updated', poll, now);
    emitInSlices(this.io, { room: hosts, onSent }, 'poll:updated', poll, now);
    emitInSlices(this.io, { room: meetingRoom(poll.meetingId), except: hosts, onSent }, 'poll:updated', forOthers, now);
  }

  private delivered(poll: Poll, socketIds: readonly string[], sentAt: number): void {
    // Slices after the first leave a turn or more later; that delay is the server's, not the voter's.
    const at = Math.max(sentAt, Date.now());
    for (const id of socketIds) {
      const voterId = this.io.of('/').sockets.get(id)?.data.session.voterId;
      if (voterId !== undefined) this.clock?.delivered(poll.id, poll.run, voterId, id, at);
    }
  }

  private sendTally(pollId: string, force = false): void {
    const poll = this.latest.get(pollId);
    const reading = poll && this.catchUp?.(poll, force);
    // Sent even when the read failed (database down): the clients get what this process knows.
    if (reading) void reading.then(...either(() => this.emitTally(pollId)));
    else this.emitTally(pollId);
  }

  private emitTally(pollId: string): void {
    const poll = this.latest.get(pollId);
    const tally = poll && this.state.loadedTally(poll.id, poll.run);
    if (!poll || !tally) return;
    const everyone = meetingRoom(poll.meetingId);
    const hosts = hostsRoom(poll.meetingId);
    const results = canSeeResults(poll, 'participant');
    const standings = canSeeStandings(poll, 'participant') || tally.quiz === undefined;
    const rooms = this.breakouts.rooms(poll.meetingId);
    const privacy = roomPrivacy(poll, this.roomMinVoters);
    const supersede = this.latestWins ? { supersede: `tally:${poll.id}` } : {};
    if (results && standings && !tally.rooms.split && rooms.length === 0) {
      emitInSlices(this.io, { room: everyone, ...supersede }, 'poll:tally', tally.snapshot(true, true));
    } else {
      // The per-room breakdown goes to the hosts only; everyone else gets one message with their room's share.
      emitInSlices(
        this.io,
        { room: hosts, ...supersede },
        'poll:tally',
        tally.snapshot(true, true, { all: true, privacy }),
      );
      emitToPlaces(this.io, poll.meetingId, tally, { results, standings, rooms, privacy, ...supersede });
    }
    this.sent.tally++;
  }
}
