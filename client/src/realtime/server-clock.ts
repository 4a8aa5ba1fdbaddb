/**
 * The server's clock is the authority for deadlines; this client's clock may be off by seconds.
 * `offset` = server time − local time, measured when a message stamped with `serverTime` arrived.
 */
export const clockOffset = (serverTime: number, receivedAt: number): number => serverTime - receivedAt;

/** Milliseconds left before a server-clock deadline, seen from a local clock `offsetMs` behind the server's. */
export const remainingMs = (closesAt: number, localNow: number, offsetMs: number): number =>
  Math.max(0, closesAt - (localNow + offsetMs));

/** "m:ss" (or "h:mm:ss"), rounded up so a countdown never shows 0:00 while time is left. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The same in words, for accessible names ("2 minutes 5 seconds"). */
export function spokenRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor(total / 60) % 60, 'minute'],
    [total % 60, 'second'],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return said.length > 0 ? said.join(' ') : '0 seconds';
}
