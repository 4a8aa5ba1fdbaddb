import type { AppError, SessionGrant, SessionView } from '@quorum/shared';
import { translator } from '../i18n';

/** Why no session could be started: the server's error, or a network failure. */
export class SessionError extends Error {
  override readonly name = 'SessionError';
  constructor(
    message: string,
    readonly code: AppError['code'] | 'NETWORK',
  ) {
    super(message);
  }
}

/** The session as the client holds it: the token lives in memory only, never in storage. */
export interface SessionClient {
  token(): string | null;
  view(): SessionView | null;
  /** Exchanges a fresh encrypted Zoom app context for a session token. */
  start(): Promise<SessionView>;
  /** Like start, but reports failure as false (for reconnects after a token expired). */
  renew(): Promise<boolean>;
}

/**
 * `POST /api/session`. A renewal sends the page's current token: a guest (no Zoom user id) keeps
 * their voter id only by presenting it — after a breakout-room move, or when they sign in and their
 * guest ballots become their user's — never through a cookie another pane may have set.
 */
async function postSession(context: string, fetchFn: typeof fetch, token: string | null): Promise<SessionGrant> {
  let response: Response;
  try {
    response = await fetchFn('/api/session', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ context }),
    });
  } catch {
    throw new SessionError('Quorum’s server could not be reached. Check your connection and try again.', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as (Partial<SessionGrant> & { error?: AppError }) | null;
  if (response.ok && body?.token && body.session) return { token: body.token, session: body.session };
  throw new SessionError(
    body?.error?.message ?? translator()('api.sessionRefused', { status: response.status }),
    body?.error?.code ?? 'INTERNAL',
  );
}

/**
 * Creates the session client; `getAppContext` asks Zoom for a fresh encrypted context each time.
 * `granted` may hand over a session already opened (the Home page's, see `pageGrant`): the first
 * start takes it instead of asking the server.
 */
export function createSessionClient(
  getAppContext: () => Promise<string>,
  fetchFn: typeof fetch = (...a) => fetch(...a),
  granted: () => SessionGrant | null = () => null,
): SessionClient {
  let current: SessionGrant | null = null;
  const start = async () => {
    const handed = current ? null : granted();
    if (handed) return (current = handed).session;
    const context = await getAppContext();
    current = await postSession(context, fetchFn, current?.token ?? null);
    return current.session;
  };
  return {
    token: () => current?.token ?? null,
    view: () => current?.session ?? null,
    start,
    renew: () =>
      start().then(
        () => true,
        () => false,
      ),
  };
}

/** Headers that authenticate a plain HTTP request with the in-memory token. */
export const authHeaders = (session: SessionClient): Record<string, string> => {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
};
