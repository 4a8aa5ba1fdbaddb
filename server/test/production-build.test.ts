import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from './support/process';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repo so the bundle resolves its npm dependencies from node_modules, as in a deployment.
const dir = mkdtempSync(join(root, 'node_modules', '.quorum-prod-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the production build (npm run build && npm run serve)', () => {
  it('bundles the server, serves the Home URL with Zoom’s headers, and mounts no simulator', async () => {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { ssr: true, outDir: dir } });
    // Not a route that 404s but no code at all: the simulator and the fake cloud are left out of the bundle.
    const bundled = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(bundled).toEqual(['main.js']);
    const code = readFileSync(join(dir, 'main.js'), 'utf8');
    for (const marker of ['smtp-server', 'FakeZoomState', '/sim/api/context', 'sealSimContext', 'FakeWebhookSender'])
      expect(code).not.toContain(marker);
    const server = await spawnServer(
      {
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://quorum.example.com',
        ZOOM_CLIENT_ID: 'prod-client',
        ZOOM_CLIENT_SECRET: randomBytes(16).toString('hex'),
        ZOOM_WEBHOOK_SECRET_TOKEN: randomBytes(16).toString('hex'),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        DATABASE_URL: `sqlite:${join(dir, 'prod.db')}`,
        HOST: '127.0.0.1',
        CLIENT_DIST_DIR: join(root, 'client', 'dist'),
        LOG_LEVEL: 'warn',
      },
      join(dir, 'main.js'),
    );
    try {
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/text\/html/);
      for (const header of [
        'strict-transport-security',
        'x-content-type-options',
        'content-security-policy',
        'referrer-policy',
      ]) {
        expect(home.headers.get(header)).toBeTruthy();
      }
      expect(home.headers.get('content-security-policy')).toContain('wss://quorum.example.com');
      for (const path of ['/sim', '/sim/frame?mid=x&role=host', '/sim/zoom/oauth/authorize']) {
        expect((await fetch(`${server.url}${path}`)).status).toBe(404);
      }
      const context = await fetch(`${server.url}/sim/api/context`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(context.status).toBe(404);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  }, 60_000);
});
