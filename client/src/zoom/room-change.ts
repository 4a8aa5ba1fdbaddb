import type { Unsubscribe, ZoomPort } from './zoom-port';

/** How long a move between rooms may take to report both of its events (leave, then join). */
export const ROOM_CHANGE_SETTLE_MS = 150;

/**
 * Calls `handler` once a move between breakout rooms has settled. Moving from one room to another
 * fires `leave` and then `join`; renewing the session for each would drop a connection that is still
 * being set up, so the handler runs once, after the last event of a burst.
 */
export function onRoomChangeSettled(
  zoom: Pick<ZoomPort, 'onBreakoutRoomChange'>,
  handler: () => void,
  settleMs = ROOM_CHANGE_SETTLE_MS,
): Unsubscribe {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = zoom.onBreakoutRoomChange(() => {
    clearTimeout(timer);
    timer = setTimeout(handler, settleMs);
  });
  return () => {
    clearTimeout(timer);
    off();
  };
}
