import { simOutboxSchema, type SimOutbox, type SimZoomEventRequest } from '@quorum/shared';

/** PKCE methods the fake cloud checks a code's verifier with. */
export type PkceMethod = 'plain' | 'S256';

/** What the fake cloud needs to mint a code as Zoom's consent screen would. */
export interface MintRequest {
  uid: string;
  redirectUri: string;
  codeChallenge: string;
  method: PkceMethod;
  state?: string;
}

/**
 * The dev server's fake Zoom cloud (`/sim/zoom/*`), as the simulator drives it: OAuth codes, the
 * meeting and users its REST API answers with, the webhooks it signs and sends, and what it caught.
 */
export interface ZoomCloudClient {
  mintCode(request: MintRequest): Promise<string>;
  registerMeeting(meeting: { uuid: string; topic: string; hostId?: string }): void;
  registerUser(user: { uid: string; name: string }): void;
  /** Queued: Zoom's events for one meeting must reach the app in the order they happened. */
  sendEvent(event: SimZoomEventRequest): void;
  outbox(): Promise<SimOutbox>;
  /** Resolves when every queued request has been answered (tests). */
  idle(): Promise<void>;
}

/** Options of {@link createZoomCloudClient}; `onError` hears failures of queued requests. */
export interface ZoomCloudClientOptions {
  fetch?: typeof fetch;
  base?: string;
  onError?: (what: string, message: string) => void;
}

/** Creates the client; queued requests never reject, their failures go to `onError`. */
export function createZoomCloudClient(opts: ZoomCloudClientOptions = {}): ZoomCloudClient {
  const fetchFn = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const base = opts.base ?? '/sim/zoom';
  const onError = opts.onError ?? (() => {});
  let queue: Promise<void> = Promise.resolve();

  const request = async (method: 'GET' | 'POST', path: string, body?: object): Promise<unknown> => {
    const res = await fetchFn(`${base}${path}`, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!res.ok) throw new Error(json?.error?.message ?? `HTTP ${res.status}`);
    return json;
  };

  const enqueue = (what: string, path: string, body: object) => {
    queue = queue.then(() =>
      request('POST', path, body).then(
        () => undefined,
        (error: unknown) => onError(what, error instanceof Error ? error.message : String(error)),
      ),
    );
  };

  return {
    async mintCode(req) {
      const answer = (await request('POST', '/oauth/mint', req)) as { code?: unknown } | null;
      if (typeof answer?.code !== 'string') throw new Error('the fake cloud minted no code');
      return answer.code;
    },
    registerMeeting: (meeting) => enqueue('POST /sim/zoom/meetings', '/meetings', meeting),
    registerUser: (user) => enqueue('POST /sim/zoom/users', '/users', user),
    sendEvent: (event) => enqueue(`webhook ${event.event}`, '/events', event),
    outbox: async () => simOutboxSchema.parse(await request('GET', '/outbox')),
    idle: () => queue,
  };
}
