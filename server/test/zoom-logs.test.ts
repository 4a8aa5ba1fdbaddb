import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { openSecret } from '../src/zoom/token-crypto';
import { signatureHeaders } from '../src/zoom/webhook-signature';
import {
  api,
  authorizeInClient,
  cloudOverrides,
  cloudPost,
  inspectDb,
  startFakeCloud,
  waitFor,
  type CloudRig,
} from './support/zoom-cloud';

const dir = mkdtempSync(joinPath(tmpdir(), 'quorum-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('logs of the Zoom cloud flows', () => {
  it('carry no token, code, state, verifier, signature or secret', async () => {
    const lines: string[] = [];
    const standalone = await startFakeCloud();
    const dbPath = joinPath(dir, 'q.db');
    const config = testConfig({ ...cloudOverrides(standalone), databaseUrl: `sqlite:${dbPath}`, logLevel: 'trace' });
    const app = await buildApp(config, { logStream: { write: (line) => void lines.push(line) } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    standalone.cloud.setWebhookUrl(`${url}/api/zoom/webhooks`);
    const rig = { ...standalone, server: { app, config, url, dbPath, close: async () => app.close() } } as CloudRig;
    const secrets: string[] = [
      config.zoomClientSecret,
      config.zoomWebhookSecretToken,
      config.tokenEncryptionKey,
      config.sessionSecret,
    ];
    const tokensNow = () => {
      const row = inspectDb(
        dbPath,
        (db) =>
          db.prepare("SELECT sealed_tokens AS s FROM zoom_users WHERE uid = 'spy'").get() as
            { s: string | null } | undefined,
      );
      if (row?.s)
        secrets.push(
          ...Object.values(
            JSON.parse(openSecret(row.s, config.tokenEncryptionKey, 'zoom-tokens:spy')) as Record<string, string>,
          ),
        );
    };

    try {
      const person = { mid: 'm-logs', uid: 'spy', role: 'host' as const };
      const { token, code, state } = await authorizeInClient(rig, person);
      secrets.push(token, code, state);
      tokensNow();
      await cloudPost(rig, '/users/spy/expire-access', {});
      expect((await api(rig.server, '/api/zoom/meeting', token)).status).toBe(200);
      tokensNow();

      // The install callback carries a code and a state in its query string.
      const installCode = 'code.install-callback-secret';
      await api(rig.server, `/api/zoom/install/callback?code=${installCode}&state=state-in-the-url`);
      secrets.push(installCode, 'state-in-the-url');

      const body = JSON.stringify({
        event: 'meeting.started',
        event_ts: Date.now(),
        payload: { object: { uuid: 'm-logs' } },
      });
      const signed = signatureHeaders(config.zoomWebhookSecretToken, body, Date.now());
      await fetch(`${url}/api/zoom/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-zm-request-timestamp': signed.timestamp,
          'x-zm-signature': signed.signature,
        },
        body,
      });
      await fetch(`${url}/api/zoom/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-zm-request-timestamp': signed.timestamp,
          'x-zm-signature': 'v0=forged',
        },
        body,
      });
      secrets.push(signed.signature.slice(3));
      await cloudPost(rig, '/events', { event: 'app_deauthorized', userId: 'spy' });
      await waitFor(() => lines.some((l) => l.includes('/api/zoom/webhooks')));
    } finally {
      await app.close();
      await standalone.close();
    }

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('webhook rejected');
    expect(log).toContain('/api/zoom/install/callback?code=[redacted]&state=[redacted]');
    for (const secret of secrets) expect(log, `log leaks ${secret.slice(0, 12)}…`).not.toContain(secret);
  });
});
