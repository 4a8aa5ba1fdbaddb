import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ZOOM_CLIENT_ID, DEV_ZOOM_CLIENT_SECRET, loadConfig, testConfig, type Config } from '../src/config';
import { homeRoutes } from '../src/routes/home';
import { sessionRoutes } from '../src/routes/session';
import { createSessionOpener } from '../src/session/session-opener';
import { errorHandlerPlugin } from '../src/plugins/error-handler';
import { schemaRoutesPlugin } from '../src/plugins/schema-routes';
import { securityHeadersPlugin } from '../src/plugins/security-headers';
import { SESSION_COOKIE, sessionPlugin } from '../src/plugins/session';
import { sealAppContext } from '../src/zoom/app-context';
import { SESSION_GRANT_ELEMENT_ID, sessionGrantSchema } from '@quorum/shared';

let dist: string;
let app: FastifyInstance;
let config: Config;

async function buildApp(cfg: Config): Promise<FastifyInstance> {
  const fastify = Fastify({ logger: false });
  await fastify.register(errorHandlerPlugin);
  await fastify.register(schemaRoutesPlugin);
  await fastify.register(securityHeadersPlugin, { config: cfg });
  await fastify.register(sessionPlugin, { config: cfg });
  const opener = createSessionOpener({ config: cfg });
  await fastify.register(homeRoutes, { config: cfg, opener });
  await fastify.register(sessionRoutes, { opener });
  await fastify.ready();
  return fastify;
}

const context = (over: Record<string, unknown> = {}, secret = DEV_ZOOM_CLIENT_SECRET) =>
  sealAppContext(
    { typ: 'meeting', mid: 'meeting-1', aud: DEV_ZOOM_CLIENT_ID, ts: Date.now(), exp: Date.now() + 120_000, ...over },
    secret,
  );

/** The session the Home page hands its client, from the page's inert JSON block. */
const grantIn = (html: string) =>
  sessionGrantSchema.parse(
    JSON.parse(
      new RegExp(`<script type="application/json" id="${SESSION_GRANT_ELEMENT_ID}">(.*?)</script>`).exec(html)?.[1] ??
        'null',
    ),
  );

/** The `name=value` part of our Set-Cookie header, ready to send back as a Cookie header. */
function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : [setCookie ?? ''];
  const ours = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!ours) throw new Error('no session cookie was set');
  return ours.split(';')[0] ?? '';
}

function expectOwaspHeaders(headers: Record<string, unknown>): void {
  expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'self' https://*.zoom.us https://zoom.us");
  expect(csp).toContain("connect-src 'self' wss://quorum.example.com https://quorum.example.com");
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-frame-options']).toBeUndefined();
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'quorum-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Quorum test build</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  config = testConfig({ clientDistDir: dist, publicUrl: 'https://quorum.example.com' });
  app = await buildApp(config);
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('GET / (Home URL)', () => {
  it('turns a valid context into a secure session cookie and serves index.html with the OWASP headers', async () => {
    const res = await app.inject({
      url: '/',
      headers: { 'x-zoom-app-context': context({ uid: 'zu1', attendrole: 'host' }) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Quorum test build');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=None/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(new RegExp(`Max-Age=${config.sessionTtlSec}`));
    expectOwaspHeaders(res.headers);
  });

  it.each([
    ['tampered', () => context({}, 'some-other-secret')],
    ['expired', () => context({ exp: Date.now() - 1 })],
    ['foreign', () => context({ aud: 'another-app' })],
    ['garbage', () => 'not-a-context!'],
  ])('answers 401 HTML for a %s context', async (_name, make) => {
    const res = await app.inject({ url: '/', headers: { 'x-zoom-app-context': make() } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('reopen the app from Zoom');
    expectOwaspHeaders(res.headers);
  });

  it('hands the page the session its context opened, so the client needs no POST /api/session', async () => {
    const res = await app.inject({
      url: '/',
      headers: { 'x-zoom-app-context': context({ uid: 'zu7', attendrole: 'host', mid: 'm</script><b>x' }) },
    });
    // The data cannot close its element: only the block's own </script> is in the page.
    expect(res.body.match(/<\/script>/g)).toHaveLength(1);
    const grant = grantIn(res.body);
    expect(grant.session).toMatchObject({ voterId: 'u:zu7', meetingId: 'm</script><b>x', role: 'host', isHost: true });
    const me = await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${grant.token}` } });
    expect(me.json()).toEqual(grant.session);
  });

  it('gives a guest loading the page its own voter id, never the one a shared cookie jar carries', async () => {
    const first = await app.inject({ url: '/', headers: { 'x-zoom-app-context': context() } });
    const second = await app.inject({
      url: '/',
      headers: { 'x-zoom-app-context': context(), cookie: sessionCookie(first.headers['set-cookie']) },
    });
    const voterOf = (body: string) => grantIn(body).session.voterId;
    expect(voterOf(second.body)).toMatch(/^g:/);
    expect(voterOf(second.body)).not.toBe(voterOf(first.body));
  });

  it('serves the page without a header (PWA, simulator) and sets no cookie', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).not.toContain('quorum-session');
    expectOwaspHeaders(res.headers);
  });

  it('serves built assets with nosniff', async () => {
    const res = await app.inject({ url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it('says the client is not built when index.html is missing', async () => {
    const bare = await buildApp(testConfig({ clientDistDir: join(dist, 'missing') }));
    const res = await bare.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('run npm run build');
    await bare.close();
  });
});

describe('/api/session', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/session', payload: body as object, headers });

  it('issues a token and a session view with the normalised role', async () => {
    const res = await post({ context: context({ uid: 'zu9', attendrole: 'co-host' }) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.session).toEqual({
      voterId: 'u:zu9',
      meetingId: 'meeting-1',
      role: 'cohost',
      isHost: true,
      authorized: true,
    });
    expect(typeof body.token).toBe('string');
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=None/);
  });

  it('rejects a bad body with 400 INVALID naming the field', async () => {
    for (const body of [{}, { context: 42 }, { context: '' }, { context: 'x'.repeat(5000) }]) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'INVALID',
        field: 'context',
        message: expect.stringContaining('context'),
      });
    }
    // An unknown key is blamed on the object itself, so shared's parseInput names no field.
    const extra = await post({ context: 'a', extra: 1 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('INVALID');
  });

  it('rejects an undecryptable context with 401 UNAUTHENTICATED', async () => {
    const res = await post({ context: context({ exp: Date.now() - 1 }) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('GET answers from a bearer token alone, from the cookie alone, and 401 otherwise', async () => {
    const issued = await post({ context: context({ uid: 'zu3', attendrole: 'attendee' }) });
    const { token } = issued.json();
    const byToken = await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}` } });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.json()).toMatchObject({ voterId: 'u:zu3', role: 'attendee', isHost: false });
    const byCookie = await app.inject({
      url: '/api/session',
      headers: { cookie: sessionCookie(issued.headers['set-cookie']) },
    });
    expect(byCookie.json().voterId).toBe('u:zu3');
    const none = await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}x` } });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps a guest at one voter id when it renews with its token, but not via a shared cookie jar', async () => {
    const first = await post({ context: context() });
    const voterId = first.json().session.voterId as string;
    expect(voterId).toMatch(/^g:/);
    const again = await post({ context: context() }, { authorization: `Bearer ${first.json().token}` });
    expect(again.json().session.voterId).toBe(voterId);
    // Another guest in the same browser (the simulator) carries the first guest's cookie: still a new voter.
    const neighbour = await post({ context: context() }, { cookie: sessionCookie(first.headers['set-cookie']) });
    expect(neighbour.json().session.voterId).not.toBe(voterId);
    const stranger = await post({ context: context() });
    expect(stranger.json().session.voterId).not.toBe(voterId);
  });

  it('accepts only the token in a socket.io handshake, and nothing forged', async () => {
    const issued = await post({ context: context({ uid: 'zu4' }) });
    const cookieValue = sessionCookie(issued.headers['set-cookie']).slice(`${SESSION_COOKIE}=`.length);
    expect(app.sessions.fromHandshake(issued.json().token)?.voterId).toBe('u:zu4');
    // The cookie's value is a signed session too, but never a socket credential.
    expect(app.sessions.fromHandshake(decodeURIComponent(cookieValue))).toBeUndefined();
    expect(app.sessions.fromHandshake('nope')).toBeUndefined();
    expect(app.sessions.fromHandshake(undefined)).toBeUndefined();
  });
});

describe('config', () => {
  it('names each bad variable', () => {
    expect(() => loadConfig({ TOKEN_ENCRYPTION_KEY: 'abc' })).toThrow(
      'Invalid configuration: TOKEN_ENCRYPTION_KEY must be 64 hex characters',
    );
    const both = () => loadConfig({ SESSION_SECRET: 'short', PORT: 'eighty' });
    expect(both).toThrow(/PORT must be a number/);
    expect(both).toThrow(/SESSION_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses to start in production without secrets, naming all of them', () => {
    const attempt = () => loadConfig({ NODE_ENV: 'production' });
    expect(attempt).toThrow(/Invalid configuration/);
    for (const name of [
      'ZOOM_CLIENT_ID',
      'ZOOM_CLIENT_SECRET',
      'ZOOM_WEBHOOK_SECRET_TOKEN',
      'SESSION_SECRET',
      'TOKEN_ENCRYPTION_KEY',
      'PUBLIC_URL',
    ]) {
      expect(attempt).toThrow(new RegExp(`${name} is required in production`));
    }
  });

  it('loads a complete production environment, frozen', () => {
    const cfg = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://q.example.com/',
      ZOOM_CLIENT_ID: 'id',
      ZOOM_CLIENT_SECRET: 's',
      ZOOM_WEBHOOK_SECRET_TOKEN: 'w',
      SESSION_SECRET: 'x'.repeat(32),
      TOKEN_ENCRYPTION_KEY: 'AB'.repeat(32),
      DATABASE_URL: 'postgresql://db/quorum',
      PORT: '8080',
    });
    expect(cfg).toMatchObject({
      isProduction: true,
      host: '0.0.0.0',
      port: 8080,
      publicUrl: 'https://q.example.com',
      tokenEncryptionKey: 'ab'.repeat(32),
    });
    expect(Object.isFrozen(cfg)).toBe(true);
  });

  it('fills safe defaults in development', () => {
    const cfg = loadConfig({ PORT: '4000', REDIS_URL: '' });
    expect(cfg).toMatchObject({
      nodeEnv: 'development',
      host: '127.0.0.1',
      publicUrl: 'http://localhost:4000',
      zoomClientId: DEV_ZOOM_CLIENT_ID,
      tallyWindowMs: 50,
      ballotRateLimit: 30,
    });
    expect(cfg.tokenEncryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(cfg.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(cfg.redisUrl).toBeUndefined();
    expect(cfg.clientDistDir).toMatch(/client[/\\]dist$/);
  });
});
