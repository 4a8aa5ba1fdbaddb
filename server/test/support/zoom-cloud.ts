import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../../src/config';
import { testConfig } from '../../src/config';
import { createFakeZoomCloud, type FakeZoomCloud, type FakeZoomCloudOptions } from '../../src/sim/fake-zoom-cloud';
import { signatureHeaders } from '../../src/zoom/webhook-signature';
import { openSession, startServer, type Person, type TestServer } from './harness';

/** The app on an ephemeral port wired to a fake Zoom cloud on another ephemeral port. */
export interface CloudRig {
  cloud: FakeZoomCloud;
  /** Base of the fake cloud, e.g. http://127.0.0.1:1234/sim/zoom */
  cloudUrl: string;
  server: TestServer;
  close(): Promise<void>;
}

/** Config overrides, or a function of the cloud's base URL (for outgoing webhook receivers on it). */
type RigConfig = Partial<Config> | ((cloudUrl: string) => Partial<Config>);

/** A fake cloud served on its own ephemeral port. */
export interface StandaloneCloud {
  cloud: FakeZoomCloud;
  cloudUrl: string;
  close(): Promise<void>;
}

/** Starts the fake cloud alone (fast retries, dev secrets, SMTP receiver on). */
export async function startFakeCloud(options: Partial<FakeZoomCloudOptions> = {}): Promise<StandaloneCloud> {
  const dev = testConfig();
  const cloud = await createFakeZoomCloud({
    clientId: dev.zoomClientId,
    clientSecret: dev.zoomClientSecret,
    webhookSecretToken: dev.zoomWebhookSecretToken,
    outgoingWebhookSecret: dev.outgoingWebhookSecret,
    webhookUrl: 'http://127.0.0.1:9/not-started',
    retryDelaysMs: [100, 200, 300],
    ...options,
  });
  const host: FastifyInstance = Fastify();
  await host.register(cloud.routes, { prefix: '/sim/zoom' });
  await host.listen({ port: 0, host: '127.0.0.1' });
  const address = host.server.address();
  const cloudUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sim/zoom`;
  return { cloud, cloudUrl, close: async () => void (await host.close(), await cloud.close()) };
}

/** The app settings that point it at a standalone cloud. */
export function cloudOverrides(standalone: StandaloneCloud, config?: RigConfig): Partial<Config> {
  const { cloud, cloudUrl } = standalone;
  return {
    zoomOauthBaseUrl: cloudUrl,
    zoomApiBaseUrl: `${cloudUrl}/v2`,
    ...(cloud.smtpUrl ? { smtpUrl: cloud.smtpUrl } : {}),
    deliveryRetryDelaysMs: [50, 100],
    ...(typeof config === 'function' ? config(cloudUrl) : config),
  };
}

/** Starts a standalone fake cloud and the app (via the harness) pointed at it. */
export async function startCloudRig(
  opts: { cloud?: Partial<FakeZoomCloudOptions>; config?: RigConfig } = {},
): Promise<CloudRig> {
  const standalone = await startFakeCloud(opts.cloud);
  const server = await startServer(cloudOverrides(standalone, opts.config));
  standalone.cloud.setWebhookUrl(`${server.url}/api/zoom/webhooks`);
  return {
    cloud: standalone.cloud,
    cloudUrl: standalone.cloudUrl,
    server,
    async close() {
      await server.close();
      await standalone.close();
    },
  };
}

/** fetch against the app with a session's bearer token. */
export function api(
  server: Pick<TestServer, 'url'>,
  path: string,
  token?: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body) headers.set('content-type', 'application/json');
  return fetch(`${server.url}${path}`, { ...init, headers });
}

/** JSON POST to the fake cloud. */
export async function cloudPost(rig: CloudRig, path: string, body: unknown): Promise<Response> {
  return fetch(`${rig.cloudUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** `POST /api/zoom/authorize`: a fresh state and challenge for the session. */
export async function startAuthorize(server: Pick<TestServer, 'url'>, token: string) {
  const res = await api(server, '/api/zoom/authorize', token, { method: 'POST', body: '{}' });
  return (await res.json()) as { codeChallenge: string; state: string; codeChallengeMethod: string };
}

/**
 * The whole in-client flow as the client runs it, with the fake cloud minting the code instead of Zoom's
 * UI: the code is bound to `redirectUri` (the Home URL unless told), and `reportedUri` is what
 * onAuthorized reports to the client (the same, as Zoom does, unless a test says otherwise).
 */
export async function authorizeInClient(
  rig: CloudRig,
  person: Person & { uid: string },
  uris: { redirectUri?: string; reportedUri?: string } = {},
) {
  const { token } = await openSession(rig.server, person);
  const started = await startAuthorize(rig.server, token);
  const redirectUri = uris.redirectUri ?? `${rig.server.config.publicUrl}/`;
  const minted = await cloudPost(rig, '/oauth/mint', {
    uid: person.uid,
    redirectUri,
    codeChallenge: started.codeChallenge,
    method: started.codeChallengeMethod,
    state: started.state,
  });
  const { code } = (await minted.json()) as { code: string };
  const body = JSON.stringify({ code, state: started.state, redirectUri: uris.reportedUri ?? redirectUri });
  const res = await api(rig.server, '/api/zoom/authorized', token, { method: 'POST', body });
  return { res, token, code, state: started.state };
}

/** A webhook POST signed like Zoom's, straight to the app (for the bad-input cases). */
export function postWebhook(
  server: Pick<TestServer, 'url' | 'config'>,
  body: string,
  opts: { trackingId?: string; nowMs?: number; secret?: string; headers?: Record<string, string> } = {},
) {
  const { timestamp, signature } = signatureHeaders(
    opts.secret ?? server.config.zoomWebhookSecretToken,
    body,
    opts.nowMs ?? Date.now(),
  );
  return fetch(`${server.url}/api/zoom/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zm-request-timestamp': timestamp,
      'x-zm-signature': signature,
      ...(opts.trackingId ? { 'x-zm-trackingid': opts.trackingId } : {}),
      ...opts.headers,
    },
    body,
  });
}

/** A second connection to the app's database file (WAL lets a test read, or age a row, while the app runs). */
export function inspectDb<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Polls until `check` returns a value (not undefined/false) or the time runs out. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
