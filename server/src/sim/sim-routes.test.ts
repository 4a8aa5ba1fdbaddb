import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testConfig, type Config } from '../config';
import { errorHandlerPlugin } from '../plugins/error-handler';
import { schemaRoutesPlugin } from '../plugins/schema-routes';
import { securityHeadersPlugin } from '../plugins/security-headers';
import { SESSION_COOKIE, sessionPlugin } from '../plugins/session';
import { homeRoutes } from '../routes/home';
import { sessionRoutes } from '../routes/session';
import { createSessionOpener } from '../session/session-opener';
import { decryptAppContext } from '../zoom/app-context';
import { simRoutes } from './sim-routes';

const MID = 'k1Zc3Qm+T/2xQ0aV8b9Ywg==';
let dist: string;
let config: Config;
let app: FastifyInstance;

// The real home, session and header plugins, wired as the app factory does, without the database.
async function buildSimApp(cfg: Config): Promise<FastifyInstance> {
  const fastify = Fastify({ logger: false });
  await fastify.register(errorHandlerPlugin);
  await fastify.register(schemaRoutesPlugin);
  await fastify.register(securityHeadersPlugin, { config: cfg });
  await fastify.register(sessionPlugin, { config: cfg });
  const opener = createSessionOpener({ config: cfg });
  await fastify.register(homeRoutes, { config: cfg, opener });
  await fastify.register(sessionRoutes, { opener });
  await fastify.register(simRoutes, { config: cfg });
  await fastify.ready();
  return fastify;
}

function cookieFrom(setCookie: string | string[] | undefined): string {
  const ours = [setCookie ?? []].flat().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!ours) throw new Error('no session cookie was set');
  return ours.split(';')[0] ?? '';
}

const frameUrl = (params: Record<string, string>) => `/sim/frame?${new URLSearchParams(params).toString()}`;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'quorum-sim-dist-'));
  mkdirSync(join(dist, 'sim'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Quorum app</title>');
  writeFileSync(join(dist, 'sim', 'index.html'), '<!doctype html><title>Quorum simulator</title>');
  config = testConfig({ clientDistDir: dist });
  app = await buildSimApp(config);
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('GET /sim', () => {
  it('serves the built simulator page as HTML', async () => {
    const res = await app.inject({ method: 'GET', url: '/sim' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Quorum simulator');
  });

  it('explains a missing build with a 404', async () => {
    const bare = await buildSimApp(testConfig({ clientDistDir: join(dist, 'nowhere') }));
    const res = await bare.inject({ method: 'GET', url: '/sim' });
    await bare.close();
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('vite build');
  });
});

describe('GET /sim/frame', () => {
  it('runs the real Home URL with a sealed context, which issues the session cookie', async () => {
    const res = await app.inject({
      method: 'GET',
      url: frameUrl({ mid: MID, uid: 'hanaUserId', role: 'co-host', name: 'Hana', ctx: 'inMeeting' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Quorum app');
    expect(res.headers['content-security-policy']).toContain('frame-ancestors');

    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieFrom(res.headers['set-cookie']) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      voterId: 'u:hanaUserId',
      meetingId: MID,
      role: 'cohost',
      isHost: true,
      authorized: true,
    });
  });

  it('leaves uid out for guests', async () => {
    const res = await app.inject({ method: 'GET', url: frameUrl({ mid: MID, role: 'participant' }) });
    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieFrom(res.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({ meetingId: MID, role: 'participant', isHost: false, authorized: false });
    expect(me.json().voterId).toMatch(/^g:/);
  });

  it('opens a frame in a breakout room as Zoom does: the room in mid, the main meeting in pid', async () => {
    const room = 'r00mR00mR00mR00mR00mRw==';
    const res = await app.inject({
      method: 'GET',
      url: frameUrl({ mid: room, pid: MID, uid: 'inesUserId', role: 'participant' }),
    });
    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieFrom(res.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({ voterId: 'u:inesUserId', meetingId: MID, roomId: room });
  });

  it('rejects a role in the wrong spelling', async () => {
    const res = await app.inject({ method: 'GET', url: frameUrl({ mid: MID, role: 'coHost' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID', field: 'role' });
  });
});

describe('POST /sim/api/context', () => {
  it('returns a context that decryptAppContext accepts, as Zoom would seal it', async () => {
    const before = Date.now();
    const res = await app.inject({
      method: 'POST',
      url: '/sim/api/context',
      payload: { mid: MID, uid: 'u-1', role: 'participant', typ: 'panel' },
    });
    expect(res.statusCode).toBe(200);
    const ctx = decryptAppContext(res.json().context, config.zoomClientSecret, Date.now(), config.zoomClientId);
    if (!ctx.ok) throw new Error(ctx.error.message);
    expect(ctx.data).toMatchObject({
      typ: 'panel',
      uid: 'u-1',
      mid: MID,
      attendrole: 'participant',
      iss: 'marketplace.zoom.us',
    });
    expect(ctx.data.ts).toBeGreaterThanOrEqual(before);
    expect((ctx.data.exp ?? 0) - (ctx.data.ts ?? 0)).toBe(120_000);
  });

  it('defaults typ to meeting and omits uid for guests', async () => {
    const res = await app.inject({ method: 'POST', url: '/sim/api/context', payload: { mid: MID, role: 'attendee' } });
    const ctx = decryptAppContext(res.json().context, config.zoomClientSecret, Date.now(), config.zoomClientId);
    expect(ctx.ok && ctx.data).toMatchObject({ typ: 'meeting', attendrole: 'attendee' });
    expect(ctx.ok && 'uid' in ctx.data).toBe(false);
  });

  it('names the bad field', async () => {
    const res = await app.inject({ method: 'POST', url: '/sim/api/context', payload: { role: 'host' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID', field: 'mid' });
  });
});

describe('the app factory', () => {
  it('does not mount the simulator in production', async () => {
    const prod = await buildApp(testConfig({ clientDistDir: dist, isProduction: true }));
    const dev = await buildApp(testConfig({ clientDistDir: dist }));
    try {
      expect((await prod.inject({ method: 'GET', url: '/sim' })).statusCode).toBe(404);
      expect(
        (await prod.inject({ method: 'POST', url: '/sim/api/context', payload: { mid: MID, role: 'host' } }))
          .statusCode,
      ).toBe(404);
      expect((await dev.inject({ method: 'GET', url: '/sim' })).statusCode).toBe(200);
    } finally {
      await Promise.all([prod.close(), dev.close()]);
    }
  });
});
