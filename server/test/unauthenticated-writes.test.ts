import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { choicePoll, openSession, startServer, useTestServer } from './support/harness';
import { inspectDb, postWebhook } from './support/zoom-cloud';

// Findings 6 and 8 of the red-team report: writes a foreign page or an unauthenticated flood could cause.

const ctx = useTestServer();
const host = { mid: 'm-origin', uid: 'ann', role: 'host' } as const;
const rows = (sql: string) => inspectDb(ctx.server.dbPath, (db) => (db.prepare(sql).get() as { n: number }).n);

/** A cookie-authenticated template write, as a browser would send it from `from`'s page. */
async function postTemplate(cookie: string, headers: Record<string, string>) {
  const res = await fetch(`${ctx.server.url}/api/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify({ draft: choicePoll({}, 'Forged?') }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe('state-changing requests only from the app’s own pages', () => {
  it('refuses a cookie-carrying write from another site’s page, and writes nothing', async () => {
    const { cookie } = await openSession(ctx.server, host);
    const foreign = await postTemplate(cookie, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(foreign).toEqual({
      status: 403,
      body: {
        error: { code: 'FORBIDDEN', message: expect.stringContaining('another site (Origin https://evil.example)') },
      },
    });
    // A sandboxed frame sends `Origin: null`; a form post may say only where it comes from in Sec-Fetch-Site.
    expect((await postTemplate(cookie, { origin: 'null' })).status).toBe(403);
    expect((await postTemplate(cookie, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    const del = await fetch(`${ctx.server.url}/api/templates/any`, {
      method: 'DELETE',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(del.status).toBe(403);
    expect(rows('SELECT COUNT(*) AS n FROM templates')).toBe(0);
  });

  it('accepts the app’s own origin, and a client that is no browser at all (no Origin, no fetch metadata)', async () => {
    const { cookie } = await openSession(ctx.server, host);
    const own = new URL(ctx.server.config.publicUrl).origin;
    expect((await postTemplate(cookie, { origin: own, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await postTemplate(cookie, {})).status).toBe(201);
    expect(rows('SELECT COUNT(*) AS n FROM templates')).toBe(2);
  });

  it('refuses a foreign session request too: a page elsewhere cannot plant its context in the cookie jar', async () => {
    const res = await fetch(`${ctx.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('writes nothing on GET: starting an authorization is a POST', async () => {
    const { token } = await openSession(ctx.server, host);
    const get = await fetch(`${ctx.server.url}/api/zoom/authorize`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(404);
    expect(rows('SELECT COUNT(*) AS n FROM oauth_states')).toBe(0);
  });
});

describe('unsigned webhook floods', () => {
  it('audits the first refusals per address, then answers 429 without a row; Zoom’s signed events still go through', async () => {
    const unsigned = () =>
      fetch(`${ctx.server.url}/api/zoom/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"event":"meeting.started"}',
      });
    const statuses = [];
    for (let i = 0; i < 100; i++) statuses.push((await unsigned()).status);
    const budget = ctx.server.config.zoomWebhookRejectionsPerMin;
    expect(statuses.filter((s) => s === 401)).toHaveLength(budget);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - budget);
    expect(rows('SELECT COUNT(*) AS n FROM webhook_audit')).toBe(budget);

    const genuine = await postWebhook(
      ctx.server,
      JSON.stringify({ event: 'meeting.started', event_ts: Date.now(), payload: { object: { uuid: 'u1', id: '1' } } }),
    );
    expect(genuine.status).toBe(200);
    expect(rows("SELECT COUNT(*) AS n FROM webhook_audit WHERE outcome = 'accepted'")).toBe(1);
  });

  it('keeps audit rows for WEBHOOK_AUDIT_RETENTION_DAYS: older ones are purged when the server starts and hourly', async () => {
    const dbPath = ctx.server.dbPath;
    await ctx.server.close({ keepData: true });
    onTestFinished(() => rmSync(dirname(dbPath), { recursive: true, force: true }));
    const day = 24 * 60 * 60 * 1000;
    const db = new Database(dbPath);
    const insert = db.prepare(
      "INSERT INTO webhook_audit (received_at, event, outcome, reason) VALUES (?, 'meeting.started', 'rejected', 'bad signature')",
    );
    insert.run(Date.now() - 31 * day);
    insert.run(Date.now() - 29 * day);
    db.close();
    ctx.server = await startServer({ webhookAuditRetentionDays: 30 }, dbPath);
    expect(rows('SELECT COUNT(*) AS n FROM webhook_audit')).toBe(1);
  });
});
