import type { ServerToClientEvents } from '@quorum/shared';
import type { QuorumServer } from './types';

/** Sockets per slice: small enough that one slice costs a few ms, large enough to stay cheap. */
export const SLICE_SIZE = 250;

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

const passes = new WeakMap<QuorumServer, Map<string, Pass>>();

/** The room's sockets here, minus the `except` room's. */
function audience(io: QuorumServer, target: SliceTarget, skip?: ReadonlySet<string>): string[] {
  const members = io.of('/').adapter.rooms.get(target.room);
  if (!members || members.size === 0) return [];
  const excluded = target.except === undefined ? undefined : io.of('/').adapter.rooms.get(target.except);
  return excluded || skip ? [...members].filter((id) => !excluded?.has(id) && !skip?.has(id)) : [...members];
}

/**
 * Emits to this instance's sockets in a room, a slice per event-loop turn. One `io.to(room).emit` to
 * 1,000 sockets blocks the loop for ~25 ms (a write per socket); slicing lets ballots committed in
 * between be acknowledged without waiting for the whole broadcast. Order per socket is kept for one
 * message; across messages the tally version makes any reordering harmless.
 */
export function emitInSlices<E extends Event>(io: QuorumServer, target: SliceTarget, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
  if (target.supersede === undefined) return startPass(io, target, event, { ids: audience(io, target), next: 0, args });
  let running = passes.get(io);
  if (!running) passes.set(io, (running = new Map()));
  const key = JSON.stringify([target.room, target.except, event, target.supersede]);
  const under = running.get(key);
  if (under) return void Object.assign(under, { args, changedAt: under.next });
  const pass: Pass = { ids: audience(io, target), next: 0, args };
  running.set(key, pass);
  startPass(io, target, event, pass, () => {
    if (pass.changedAt !== undefined) {
      // One more pass, newest payload, for the sockets the payload changed behind.
      Object.assign(pass, { ids: audience(io, target, new Set(pass.ids.slice(pass.changedAt))), next: 0, changedAt: undefined });
      if (pass.ids.length > 0) return true;
    }
    running.delete(key);
    return false;
  });
}

/** Sends `pass` slice by slice; at its end `again` may reset it for one more round (true). */
function startPass(io: QuorumServer, target: SliceTarget, event: Event, pass: Pass, again: () => boolean = () => false): void {
  const sendSlice = (): void => {
    const slice = pass.ids.slice(pass.next, pass.next + SLICE_SIZE);
    pass.next += SLICE_SIZE;
    if (slice.length > 0) {
      (io.local.to(slice).emit as (event: Event, ...args: unknown[]) => void)(event, ...pass.args);
      // Quizzes time answers from here: when the message actually left for these sockets.
      target.onSent?.(slice);
    }
    if (pass.next < pass.ids.length || again()) setImmediate(sendSlice);
  };
  sendSlice();
}
