import type { ServerToClientEvents } from '@quorum/shared';
import type { QuorumServer } from './types';

/** Sockets per slice: small enough that one slice costs a few ms, large enough to stay cheap. */
export const SLICE_SIZE = 250;

type Event = keyof ServerToClientEvents;

/**
 * Emits to this instance's sockets in a room, a slice per event-loop turn. One `io.to(room).emit` to
 * 1,000 sockets blocks the loop for ~25 ms (a write per socket); slicing lets ballots committed in
 * between be acknowledged without waiting for the whole broadcast. Order per socket is kept for one
 * message; across messages the tally version makes any reordering harmless.
 */
export function emitInSlices<E extends Event>(
  io: QuorumServer,
  target: { room: string; except?: string; onSent?: (socketIds: readonly string[]) => void },
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  const members = io.of('/').adapter.rooms.get(target.room);
  if (!members || members.size === 0) return;
  const excluded = target.except === undefined ? undefined : io.of('/').adapter.rooms.get(target.except);
  const ids = excluded ? [...members].filter((id) => !excluded.has(id)) : [...members];
  const sendFrom = (start: number): void => {
    const slice = ids.slice(start, start + SLICE_SIZE);
    if (slice.length > 0) io.local.to(slice).emit(event, ...args);
    // Quizzes time answers from here: when the message actually left for these sockets.
    if (slice.length > 0) target.onSent?.(slice);
    if (start + SLICE_SIZE < ids.length) setImmediate(sendFrom, start + SLICE_SIZE);
  };
  sendFrom(0);
}
