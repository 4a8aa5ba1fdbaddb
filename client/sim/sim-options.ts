/** Page options, read once from the /sim query string. */
export interface SimOptions {
  /** Whose app is open at start: everyone, only the host, or nobody. */
  open: 'all' | 'host' | 'none';
  /** Toast lifetime in ms; 0 keeps toasts until dismissed (handy in e2e). */
  toastMs: number;
  /** Reuse a meeting UUID (e.g. to rejoin after reloading /sim). */
  meetingUuid?: string;
  clientVersion: string;
  /** Delay before onAuthorized follows a successful authorize. */
  authorizeDelayMs: number;
  /** The OAuth redirect URL onAuthorized reports: the Home URL, which in-client codes are bound to. */
  redirectUri: string;
  /** PKCE method at start (`?pkce=S256`); Quorum's server uses 'plain' unless ZOOM_PKCE_METHOD says otherwise. */
  pkceMethod: 'plain' | 'S256';
}

/** Parses `?open=host&toastMs=0&mid=…&clientVersion=…&redirectUri=…&pkce=S256`; anything unknown falls back to the defaults. */
export function readSimOptions(search: string, origin: string): SimOptions {
  const q = new URLSearchParams(search);
  const open = q.get('open');
  const toastMs = Number(q.get('toastMs') ?? '8000');
  const mid = q.get('mid');
  return {
    open: open === 'host' || open === 'none' ? open : 'all',
    toastMs: Number.isFinite(toastMs) && toastMs >= 0 ? toastMs : 8000,
    ...(mid ? { meetingUuid: mid } : {}),
    clientVersion: q.get('clientVersion') ?? '6.3.0',
    authorizeDelayMs: 300,
    redirectUri: q.get('redirectUri') ?? `${origin}/`,
    pkceMethod: q.get('pkce') === 'S256' ? 'S256' : 'plain',
  };
}
