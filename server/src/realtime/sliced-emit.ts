import type { ServerToClientEvents } from '@quorum/shared';
import type { QuorumServer } from './types';

/**
 * Sockets per slice: one `io.local.to(slice).emit` encodes the packet once and writes it to each
 * socket (~45 µs a socket), so a slice costs a few milliseconds at most.
 */
export const SLICE_SIZE = 100;

/**
 * The fan-out time one event-loop turn may spend, all rooms together. Past it the rest waits for the
 * next turn, so the ballots that arrived meanwhile are read, committed and acknowledged in between.
 * Per pass (as before) was not enough: 100 meetings voting in the same turn each sent a first slice
 * synchronously, 48–94 ms in one run (issue 15).
 */
export const TURN_BUDGET_MS = 4;

type Event = keyof ServerToClientEvents;

/** Where a fan-out goes, and who hears of each slice leaving. */
export interface SliceTarget {
  room: string;
  except?: string;
  onSent?: (socketIds: readonly string[]) => void;
  /**
   * Latest wins: while a fan-out with the same key (and room, event) is still going out, a new one
   * does not start a second pass over the room. It replaces the payload of the pass under way, and
   * the sockets that pass already reached get the new payload in one more pass at its end. For
   * messages where only the newest matters (a versioned tally): when one pass takes longer than the
   * broadcast window, overlapping passes would otherwise send every socket every stale version.
   */
  supersede?: string;
}

/** A latest-wins fan-out under way. */
interface Pass {
  ids: string[];
  next: number;
  args: unknown[];
  /** Where the pass was when the payload last changed: sockets before it got an older payload. */
  changedAt?: number;
}

/** A pass in the process-wide queue: the slices still to send and what to do at its end. */
interface Queued {
  pass: Pass;
  event: Event;
  target: SliceTarget;
  /** At the end of the pass: true to go round once more (the payload changed behind it). */
  again: () => boolean;
}

/**
 * Every fan-out of one server, sent from `setImmediate` in round-robin slices under one time budget
 * per turn: a big room cannot hold small meetings back, and no caller (a ballot commit, a poll change)
 * ever pays for a fan-out synchronously.
 */
class FanoutQueue {
  private readonly queue: Queued[] = [];
  private scheduled = false;
  readonly running = new Map<string, Pass>();

  constructor(private readonly io: QuorumServer) {}

  add(item: Queued): void {
    this.queue.push(item);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain(TURN_BUDGET_MS));
    }
  }

  /** Sends slices until the queue is empty or `budgetMs` is spent; Infinity sends everything (shutdown). */
  drain(budgetMs: number): void {
    this.scheduled = false;
    const start = performance.now();
    while (this.queue.length > 0 && performance.now() - start < budgetMs) {
      const item = this.queue.shift()!;
      if (this.sendSlice(item)) this.queue.push(item);
    }
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain(TURN_BUDGET_MS));
    }
  }

  /** Sends the pass's next slice; true when it has more to send. */
  private sendSlice({ pass, event, target, again }: Queued): boolean {
    const slice = pass.ids.slice(pass.next, pass.next + SLICE_SIZE);
    pass.next += SLICE_SIZE;
    if (slice.length > 0) {
      (this.io.local.to(slice).emit as (event: Event, ...args: unknown[]) => void)(event, ...pass.args);
      // Quizzes time answers from here: when the message actually left for these sockets.
      target.onSent?.(slice);
    }
    return pass.next < pass.ids.length || again();
  }
}

const queues = new WeakMap<QuorumServer, FanoutQueue>();

function queueOf(io: QuorumServer): FanoutQueue {
  let queue = queues.get(io);
  if (!queue) queues.set(io, (queue = new FanoutQueue(io)));
  return queue;
}

/** The room's sockets here, minus the `except` room's. */
function audience(io: QuorumServer, target: SliceTarget, skip?: ReadonlySet<string>): string[] {
  const members = io.of('/').adapter.rooms.get(target.room);
  if (!members || members.size === 0) return [];
  const excluded = target.except === undefined ? undefined : io.of('/').adapter.rooms.get(target.except);
  return excluded || skip ? [...members].filter((id) => !excluded?.has(id) && !skip?.has(id)) : [...members];
}

/**
 * Emits to this instance's sockets in a room, in slices from the server's fan-out queue (see
 * FanoutQueue). One `io.to(room).emit` to 1,000 sockets blocks the loop for ~25 ms (a write per
 * socket); slicing lets ballots committed in between be acknowledged without waiting for the whole
 * broadcast. Order per socket is kept for one message; across messages the tally version makes any
 * reordering harmless.
 */
export function emitInSlices<E extends Event>(
  io: QuorumServer,
  target: SliceTarget,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  const queue = queueOf(io);
  const newPass = (): Pass => ({ ids: audience(io, target), next: 0, args });
  if (target.supersede === undefined) return queue.add({ pass: newPass(), event, target, again: () => false });
  const key = JSON.stringify([target.room, target.except, event, target.supersede]);
  const under = queue.running.get(key);
  // The pass under way takes the newer payload; the room is listed only for a new pass.
  if (under) return void Object.assign(under, { args, changedAt: under.next });
  const pass = newPass();
  queue.running.set(key, pass);
  queue.add({
    pass,
    event,
    target,
    again: () => {
      if (pass.changedAt !== undefined && pass.changedAt > 0) {
        // One more pass, newest payload, for the sockets the payload changed behind.
        Object.assign(pass, {
          ids: audience(io, target, new Set(pass.ids.slice(pass.changedAt))),
          next: 0,
          changedAt: undefined,
        });
        if (pass.ids.length > 0) return true;
      }
      queue.running.delete(key);
      return false;
    },
  });
}

/** Sends every queued slice now: a graceful shutdown's last tallies must leave before the sockets close. */
export function flushFanouts(io: QuorumServer): void {
  queues.get(io)?.drain(Infinity);
}
