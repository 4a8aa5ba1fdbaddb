import { afterEach, describe, expect, it } from 'vitest';
import type { RetryTimestamp } from '../src/sim/fake-webhook-sender';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { cloudPost, inspectDb, postWebhook, startCloudRig, waitFor, type CloudRig } from './support/zoom-cloud';

const MID = 'mtg-retry==';
const MINUTE = 60_000;
let rig: CloudRig;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await rig?.close();
});

const count = (sql: string) => inspectDb(rig.server.dbPath, (db) => (db.prepare(sql).get() as { n: number }).n);
type Sent = { id: string; delivered: boolean; attempts: { status: number | null }[] };

/**
 * The first attempt is lost (the network to the app is cut) and happened `minutesAgo` on the fake
 * cloud's clock; the retry then reaches the app, as Zoom's would 5, 25 or 85 minutes later.
 */
async function retryAfterLostAttempt(
  mode: RetryTimestamp,
  minutesAgo: number,
): Promise<{ sent: Sent; firstTimestampMs: number }> {
  let offset = -minutesAgo * MINUTE;
  rig = await startCloudRig({
    cloud: { retryTimestamp: mode, now: () => Date.now() + offset, retryDelaysMs: [150, 150, 150] },
  });
  proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(rig.server.url).port) });
  rig.cloud.setWebhookUrl(`http://127.0.0.1:${proxy.port}/api/zoom/webhooks`);
  proxy.cut();
  const firstTimestampMs = Date.now() + offset;
  const res = await cloudPost(rig, '/events', {
    event: 'meeting.started',
    meetingUuid: MID,
    topic: 'Retried',
    hostId: 'h1',
  });
  const { sent } = (await res.json()) as { sent: Sent };
  expect(sent.attempts).toEqual([expect.objectContaining({ status: null })]);
  offset = 0;
  proxy.restore();
  const done = await waitFor(
    () => rig.cloud.sender.list().find((s) => s.id === sent.id && !s.pendingRetry),
    5000,
    'the retries',
  );
  return { sent: done as Sent, firstTimestampMs };
}

describe('Zoom webhook retries (issue 12)', () => {
  it.each([
    ["keeps the first attempt's timestamp", 'original', 85],
    ['is re-signed with a fresh timestamp', 'fresh', 85],
  ] as const)(
    'accepts a genuine retry that %s, 85 minutes after the first attempt, and processes it once',
    async (_what, mode, minutes) => {
      const { sent } = await retryAfterLostAttempt(mode, minutes);
      expect(sent.delivered).toBe(true);
      expect(sent.attempts.map((a) => a.status)).toEqual([null, 200]);
      await waitFor(
        () => count("SELECT COUNT(*) AS n FROM webhook_inbox WHERE status = 'processed'") === 1,
        5000,
        'processing',
      );
      expect(
        inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT topic, status FROM meetings WHERE uuid = ?').get(MID)),
      ).toEqual({ topic: 'Retried', status: 'started' });
    },
  );

  it('stops a replay inside the retry window by the event, not by the clock: the same signed bytes under another tracking id', async () => {
    rig = await startCloudRig();
    const body = JSON.stringify({
      event: 'meeting.started',
      event_ts: Date.now() - 30 * MINUTE,
      payload: { object: { uuid: MID, id: '1', topic: 'Once' } },
    });
    const signedAt = Date.now() - 30 * MINUTE;
    const first = await postWebhook(rig.server, body, { trackingId: 'trk-original', nowMs: signedAt });
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    // x-zm-trackingid is not signed: a replayer can change it, or drop it.
    for (const trackingId of ['trk-forged', undefined]) {
      const replayed = await postWebhook(rig.server, body, { nowMs: signedAt, ...(trackingId ? { trackingId } : {}) });
      expect(replayed.status).toBe(200);
      expect(await replayed.json()).toEqual({ received: true, duplicate: true });
    }
    expect(count('SELECT COUNT(*) AS n FROM webhook_inbox')).toBe(1);
  });

  it('refuses a timestamp older than ZOOM_WEBHOOK_RETRY_WINDOW_SEC, and one further ahead than the skew window', async () => {
    rig = await startCloudRig({ config: { zoomWebhookRetryWindowSec: 600 } });
    const body = JSON.stringify({
      event: 'meeting.started',
      event_ts: Date.now(),
      payload: { object: { uuid: MID, id: '1' } },
    });
    expect((await postWebhook(rig.server, body, { nowMs: Date.now() - 590_000 })).status).toBe(200);
    const old = await postWebhook(rig.server, body, { nowMs: Date.now() - 610_000 });
    expect(old.status).toBe(401);
    expect(await old.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'webhook rejected: stale timestamp' },
    });
    expect(
      (
        await postWebhook(rig.server, body, {
          nowMs: Date.now() + rig.server.config.zoomWebhookMaxAgeSec * 1000 + 5_000,
        })
      ).status,
    ).toBe(401);
  });
});
