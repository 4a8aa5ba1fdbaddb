import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { testConfig, type Config } from '../src/config';
import { sealAppContext } from '../src/zoom/app-context';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

/** The app with its log lines captured (parsed pino JSON). */
async function appWithLogs(overrides: Partial<Config> = {}) {
  const lines: Record<string, unknown>[] = [];
  const config = testConfig({ logLevel: 'info', ...overrides });
  app = await buildApp(config, {
    logStream: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  await app.ready();
  return { config, lines };
}

const context = (config: Config, over: Record<string, unknown> = {}) =>
  sealAppContext(
    {
      typ: 'meeting',
      mid: 'mtg-limits',
      uid: 'u-1',
      aud: config.zoomClientId,
      ts: Date.now(),
      exp: Date.now() + 120_000,
      ...over,
    },
    config.zoomClientSecret,
  );

describe('app context checks at the door (issues 12 and 13)', () => {
  it('accepts the configured client id as aud, refuses another with a log line naming the claim, never the secret', async () => {
    const { config, lines } = await appWithLogs();
    expect(
      (await app!.inject({ method: 'POST', url: '/api/session', payload: { context: context(config) } })).statusCode,
    ).toBe(200);
    const foreign = await app!.inject({
      method: 'POST',
      url: '/api/session',
      payload: { context: context(config, { aud: 'another-client' }) },
    });
    expect(foreign.statusCode).toBe(401);
    const refused = lines.filter((l) => l.msg === 'app context rejected');
    expect(refused).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('claim aud is not ZOOM_CLIENT_ID') }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(config.zoomClientSecret);
    expect(JSON.stringify(lines)).not.toContain('another-client');
  });

  it('refuses a context sealed to live ten years, and one outliving ZOOM_APP_CONTEXT_MAX_LIFETIME_SEC', async () => {
    const { config, lines } = await appWithLogs({ zoomAppContextMaxLifetimeSec: 120 });
    const tenYears = await app!.inject({
      method: 'POST',
      url: '/api/session',
      payload: { context: context(config, { exp: Date.now() + 10 * 365 * 24 * 3600_000 }) },
    });
    expect(tenYears.statusCode).toBe(401);
    expect(tenYears.json()).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('claim exp') },
    });
    const stale = await app!.inject({
      method: 'POST',
      url: '/api/session',
      payload: { context: context(config, { ts: Date.now() - 600_000, exp: Date.now() + 30_000 }) },
    });
    expect(stale.json()).toMatchObject({ error: { message: expect.stringContaining('more than 120 s apart') } });
    // The header path (Zoom's own load of the Home URL) applies the same bound.
    const page = await app!.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-zoom-app-context': context(config, { exp: Date.now() + 3600_000 }) },
    });
    expect(page.statusCode).toBe(401);
    expect(lines.filter((l) => l.msg === 'app context rejected')).toHaveLength(3);
  });

  it('warns once at start-up that ZOOM_VERIFICATION_TOKEN is legacy, without its value', async () => {
    const { lines } = await appWithLogs({ zoomVerificationToken: 'legacy-token-value' });
    const warnings = lines.filter((l) => String(l.msg).includes('ZOOM_VERIFICATION_TOKEN is legacy'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, setting: 'ZOOM_VERIFICATION_TOKEN' });
    expect(JSON.stringify(lines)).not.toContain('legacy-token-value');
    await app!.close();
    const { lines: quiet } = await appWithLogs();
    expect(quiet.filter((l) => String(l.msg).includes('ZOOM_VERIFICATION_TOKEN'))).toEqual([]);
  });
});
