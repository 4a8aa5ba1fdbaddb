/** The first retry comes this soon; each later one waits up to twice as long… */
export const RECONNECT_MIN_MS = 500;
/** …but never longer than this, so a panel is back within 10 s of the server. */
export const RECONNECT_MAX_MS = 10_000;

/**
 * The wait before reconnect attempt `attempt` (0 for the first): exponential from RECONNECT_MIN_MS, capped at
 * RECONNECT_MAX_MS, with "equal jitter" (half fixed, half random) so a whole room does not come back in one burst.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The wait a restarting server asked for (`server:restarting`), spread ±50 % and kept inside the same bound. */
export function hintedDelay(retryAfterMs: number, random: () => number = Math.random): number {
  return Math.min(RECONNECT_MAX_MS, Math.round(retryAfterMs * (0.5 + random())));
}

/** socket.io's own reconnection (after a dropped transport) with the same bounds and jitter. */
export const SOCKET_IO_BACKOFF = {
  reconnectionDelay: RECONNECT_MIN_MS,
  reconnectionDelayMax: RECONNECT_MAX_MS,
  randomizationFactor: 0.5,
} as const;
