import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../src/config';
import { startServer, type TestServer } from './support/harness';
import { inspectDb, postWebhook } from './support/zoom-cloud';

// Production wiring (no fake cloud), webhooks pinned to a range the test's loopback socket is not in.
const PINNED: Partial<Config> = { isProduction: true, zoomWebhookAllowedCidrs: ['10.0.0.0/8'] };
const SPOOFED = { 'x-forwarded-for': '10.1.2.3' };
const started = () =>
  JSON.stringify({
    event: 'meeting.started',
    event_ts: Date.now(),
    payload: { account_id: 'a', object: { id: '1', uuid: 'mtg-proxy==', host_id: 'h1', topic: 'T' } },
  });
const auditIps = (server: TestServer) =>
  inspectDb(server.dbPath, (db) => db.prepare('SELECT source_ip AS ip, outcome FROM webhook_audit ORDER BY id').all());

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('TRUST_PROXY', () => {
  it('is parsed as none by default, a hop count, or addresses/CIDRs', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'loopback',
    ]);
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('ignores X-Forwarded-For by default, even in production: the allow list and the audit see the socket address', async () => {
    server = await startServer(PINNED);
    const res = await postWebhook(server, started(), { headers: SPOOFED });
    expect(res.status).toBe(403);
    expect(auditIps(server)).toEqual([{ ip: '127.0.0.1', outcome: 'rejected' }]);
  });

  it('honours X-Forwarded-For from a configured proxy', async () => {
    server = await startServer({ ...PINNED, trustProxy: ['127.0.0.1'] });
    const res = await postWebhook(server, started(), { headers: SPOOFED });
    expect(res.status).toBe(200);
    expect(auditIps(server)).toEqual([{ ip: '10.1.2.3', outcome: 'accepted' }]);
  });

  it('honours one hop when TRUST_PROXY is a hop count', async () => {
    server = await startServer({ ...PINNED, trustProxy: 1 });
    expect(
      (await postWebhook(server, started(), { headers: { 'x-forwarded-for': '203.0.113.9, 10.1.2.3' } })).status,
    ).toBe(200);
    expect(auditIps(server)).toEqual([{ ip: '10.1.2.3', outcome: 'accepted' }]);
  });

  it('does not believe a proxy that is not on the list', async () => {
    server = await startServer({ ...PINNED, trustProxy: ['192.0.2.1'] });
    expect((await postWebhook(server, started(), { headers: SPOOFED })).status).toBe(403);
  });
});
