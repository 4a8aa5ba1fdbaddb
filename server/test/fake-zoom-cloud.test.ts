import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config';
import { OAuthError, ZoomOAuthClient } from '../src/zoom/oauth-client';
import { codeChallenge, newCodeVerifier } from '../src/zoom/pkce';
import { verifySignature } from '../src/zoom/webhook-signature';
import { inspectDb, startCloudRig, startFakeCloud, waitFor, type CloudRig } from './support/zoom-cloud';

const dev = testConfig();
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A standalone fake cloud on an ephemeral port, with a clock the test moves. */
async function standaloneCloud(clock: { now: number }) {
  const standalone = await startFakeCloud({ smtp: false, now: () => clock.now });
  closers.push(() => standalone.close());
  return { cloud: standalone.cloud, base: standalone.cloudUrl };
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as OAuthError,
  );

describe('the fake Zoom token endpoint', () => {
  it('answers like Zoom: Basic auth, single-use 5-minute codes, PKCE, rotating refresh tokens', async () => {
    const clock = { now: 1_000_000 };
    const { cloud, base } = await standaloneCloud(clock);
    const oauth = new ZoomOAuthClient({
      baseUrl: base,
      clientId: dev.zoomClientId,
      clientSecret: dev.zoomClientSecret,
      now: () => clock.now,
    });
    const verifier = newCodeVerifier();
    const mint = () =>
      cloud.state.mintCode({
        uid: 'u1',
        redirectUri: 'https://app.test/',
        codeChallenge: codeChallenge(verifier, 'S256'),
        method: 'S256',
      });

    const wrongClient = new ZoomOAuthClient({ baseUrl: base, clientId: dev.zoomClientId, clientSecret: 'wrong' });
    expect(
      await rejection(
        wrongClient.exchangeCode({ code: mint(), redirectUri: 'https://app.test/', codeVerifier: verifier }),
      ),
    ).toMatchObject({ status: 401, error: 'invalid_client' });

    const wrongVerifier = await rejection(
      oauth.exchangeCode({ code: mint(), redirectUri: 'https://app.test/', codeVerifier: newCodeVerifier() }),
    );
    expect(wrongVerifier).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      message: expect.stringContaining('code_verifier'),
    });
    expect(
      await rejection(oauth.exchangeCode({ code: mint(), redirectUri: 'https://other.test/', codeVerifier: verifier })),
    ).toMatchObject({ error: 'invalid_grant' });

    const late = mint();
    clock.now += 5 * 60_000 + 1;
    expect(
      await rejection(oauth.exchangeCode({ code: late, redirectUri: 'https://app.test/', codeVerifier: verifier })),
    ).toMatchObject({ error: 'invalid_grant' });

    const code = mint();
    const tokens = await oauth.exchangeCode({ code, redirectUri: 'https://app.test/', codeVerifier: verifier });
    expect(tokens.expiresAt).toBe(clock.now + 3600_000);
    expect(
      await rejection(oauth.exchangeCode({ code, redirectUri: 'https://app.test/', codeVerifier: verifier })),
    ).toMatchObject({ error: 'invalid_grant' });

    const rotated = await oauth.refresh(tokens.refreshToken);
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    const reused = await rejection(oauth.refresh(tokens.refreshToken));
    expect(reused).toBeInstanceOf(OAuthError);
    expect(reused).toMatchObject({ status: 400, error: 'invalid_grant', needsReauthorization: true });
  });

  it('refuses a UUID needing double encoding when it was encoded only once, as Zoom’s gateway does', async () => {
    const { cloud, base } = await standaloneCloud({ now: Date.now() });
    cloud.state.upsertMeeting({ uuid: '/abc==', topic: 'T', hostId: 'u1' });
    const verifier = newCodeVerifier();
    const code = cloud.state.mintCode({
      uid: 'u1',
      redirectUri: 'https://app.test/',
      codeChallenge: verifier,
      method: 'plain',
    });
    const oauth = new ZoomOAuthClient({
      baseUrl: base,
      clientId: dev.zoomClientId,
      clientSecret: dev.zoomClientSecret,
    });
    const { accessToken } = await oauth.exchangeCode({
      code,
      redirectUri: 'https://app.test/',
      codeVerifier: verifier,
    });
    const get = (segment: string) =>
      fetch(`${base}/v2/meetings/${segment}`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect((await get(encodeURIComponent('/abc=='))).status).toBe(404);
    expect(await (await get(encodeURIComponent(encodeURIComponent('/abc==')))).json()).toMatchObject({
      uuid: '/abc==',
      topic: 'T',
    });
    expect((await fetch(`${base}/v2/users/me`)).status).toBe(401);
  });
});

describe('the fake cloud’s webhook sender', () => {
  let rig: CloudRig;
  afterEach(async () => rig?.close());

  it('retries like Zoom when the app answers late or with 500, and the app processes the event once', async () => {
    rig = await startCloudRig({ cloud: { webhookTimeoutMs: 300, retryDelaysMs: [100, 200, 300] } });
    const seen: { trackingId: string; signed: boolean }[] = [];
    // A stand-in in front of the app: forwards the first delivery but answers too late, fails the
    // second outright, forwards the third in time.
    const proxy = Fastify();
    proxy.removeAllContentTypeParsers();
    proxy.addContentTypeParser('*', { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
    proxy.post('/hook', async (req, reply) => {
      const headers = req.headers as Record<string, string>;
      const body = req.body as Buffer;
      seen.push({
        trackingId: headers['x-zm-trackingid']!,
        signed: verifySignature({
          secret: dev.zoomWebhookSecretToken,
          timestamp: headers['x-zm-request-timestamp'],
          signature: headers['x-zm-signature'],
          body,
          nowMs: Date.now(),
          maxAgeSec: 300,
        }).ok,
      });
      if (seen.length === 2) return reply.code(500).send({});
      const forward = {
        'content-type': 'application/json',
        ...Object.fromEntries(
          ['x-zm-request-timestamp', 'x-zm-signature', 'x-zm-trackingid'].map((h) => [h, headers[h]!]),
        ),
      };
      const res = await fetch(`${rig.server.url}/api/zoom/webhooks`, { method: 'POST', headers: forward, body });
      if (seen.length === 1) await new Promise((r) => setTimeout(r, 600));
      return reply.code(res.status).send(await res.json());
    });
    await proxy.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => proxy.close());
    const address = proxy.server.address();
    rig.cloud.setWebhookUrl(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`);

    const first = await rig.cloud.sender.send({
      event: 'meeting.started',
      event_ts: Date.now(),
      payload: { object: { uuid: 'm-retry', topic: 'T' } },
    });
    expect(first.attempts[0]).toMatchObject({ status: null, error: 'no answer in time' });
    const done = await waitFor(() => first.delivered && first, 5000, 'delivery');
    expect(done.attempts.map((a) => a.status)).toEqual([null, 500, 200]);
    expect(done.pendingRetry).toBe(false);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.trackingId)).size).toBe(1);
    expect(seen.every((s) => s.signed)).toBe(true);
    await waitFor(
      () =>
        inspectDb(
          rig.server.dbPath,
          (db) =>
            db.prepare("SELECT COUNT(*) AS n FROM webhook_inbox WHERE status = 'processed'").get() as { n: number },
        ).n === 1,
    );
    expect(inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT COUNT(*) AS n FROM webhook_inbox').get())).toEqual({
      n: 1,
    });
  });
});
