import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disconnectAll, join, launch, vote } from './support/harness';
import {
  api,
  authorizeInClient,
  cloudPost,
  inspectDb,
  postWebhook,
  startCloudRig,
  waitFor,
  type CloudRig,
} from './support/zoom-cloud';

const MID = 'mtg-hooks==';
let rig: CloudRig;
afterEach(async () => rig.close());

const event = (name: string, payload: Record<string, unknown>, ts = Date.now()) =>
  JSON.stringify({ event: name, event_ts: ts, payload });
const started = (ts?: number) =>
  event('meeting.started', { account_id: 'a', object: { id: '123', uuid: MID, host_id: 'h1', topic: 'Standup' } }, ts);
const count = (sql: string) => inspectDb(rig.server.dbPath, (db) => (db.prepare(sql).get() as { n: number }).n);
const processed = () => count("SELECT COUNT(*) AS n FROM webhook_inbox WHERE status = 'processed'");

describe('POST /api/zoom/webhooks', () => {
  beforeEach(async () => {
    rig = await startCloudRig();
  });

  it('answers endpoint.url_validation with the HMAC of the plain token', async () => {
    const res = await postWebhook(
      rig.server,
      event('endpoint.url_validation', { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { plainToken: string; encryptedToken: string };
    expect(body.plainToken).toBe('qgg8vlvZRS6UYooatFL8Aw');
    expect(body.encryptedToken).toMatch(/^[0-9a-f]{64}$/);
    expect(count('SELECT COUNT(*) AS n FROM webhook_inbox')).toBe(0);
  });

  it('accepts a signed event from the fake cloud, answers 200 and processes it after', async () => {
    const sent = await cloudPost(rig, '/events', {
      event: 'meeting.started',
      meetingUuid: MID,
      topic: 'Standup',
      hostId: 'h1',
    });
    expect(
      ((await sent.json()) as { sent: { attempts: { status: number }[]; delivered: boolean } }).sent,
    ).toMatchObject({ delivered: true, attempts: [{ status: 200 }] });
    await waitFor(() => processed() === 1, 5000, 'processing');
    const meeting = inspectDb(rig.server.dbPath, (db) =>
      db.prepare('SELECT uuid, topic, status, host_id AS hostId FROM meetings').get(),
    );
    expect(meeting).toEqual({ uuid: MID, topic: 'Standup', status: 'started', hostId: 'h1' });
  });

  it('rejects a bad signature and a stale timestamp with 401, malformed JSON with 400, and audits each', async () => {
    const body = started();
    expect((await postWebhook(rig.server, body, { secret: 'not-the-secret' })).status).toBe(401);
    // Older than the retry window (a retry may keep its first attempt's timestamp, so that is the limit).
    const stale = await postWebhook(rig.server, body, {
      nowMs: Date.now() - (rig.server.config.zoomWebhookRetryWindowSec + 1) * 1000,
    });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'webhook rejected: stale timestamp' },
    });
    const unsigned = await fetch(`${rig.server.url}/api/zoom/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const malformed = await postWebhook(rig.server, '{"event": "meeting.started", ');
    expect(malformed.status).toBe(400);
    expect(count('SELECT COUNT(*) AS n FROM webhook_inbox')).toBe(0);
    const audit = inspectDb(rig.server.dbPath, (db) =>
      db.prepare('SELECT outcome, reason FROM webhook_audit ORDER BY id').all(),
    );
    expect(audit).toEqual([
      { outcome: 'rejected', reason: 'bad signature' },
      { outcome: 'rejected', reason: 'stale timestamp' },
      { outcome: 'rejected', reason: 'missing signature headers' },
      { outcome: 'rejected', reason: 'body is not a JSON webhook event' },
    ]);
  });

  it('processes a duplicate delivery once, by tracking id or by event and timestamp', async () => {
    const body = started(1_700_000_000_000);
    const first = await postWebhook(rig.server, body, { trackingId: 'trk-1' });
    const again = await postWebhook(rig.server, body, { trackingId: 'trk-1' });
    const noTracking = await postWebhook(rig.server, body);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await noTracking.json()).toEqual({ received: true, duplicate: true });
    await waitFor(() => processed() === 1, 5000, 'processing');
    expect(count('SELECT COUNT(*) AS n FROM webhook_inbox')).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM webhook_audit WHERE outcome = 'duplicate'")).toBe(2);
  });

  it('records attendance from participant joins and leaves', async () => {
    await cloudPost(rig, '/events', {
      event: 'meeting.participant_joined',
      meetingUuid: MID,
      participant: { uid: 'p1', name: 'Pat' },
    });
    await cloudPost(rig, '/events', {
      event: 'meeting.participant_joined',
      meetingUuid: MID,
      participant: { name: 'Guest Gil' },
    });
    await cloudPost(rig, '/events', {
      event: 'meeting.participant_left',
      meetingUuid: MID,
      participant: { uid: 'p1', name: 'Pat' },
    });
    await waitFor(() => processed() === 3, 5000, 'processing');
    const rows = inspectDb(rig.server.dbPath, (db) =>
      db.prepare('SELECT participant_key AS k, user_id AS u, kind FROM attendance ORDER BY id').all(),
    );
    expect(rows).toEqual([
      { k: 'sim-p1', u: 'p1', kind: 'joined' },
      { k: 'sim-Guest Gil', u: null, kind: 'joined' },
      { k: 'sim-p1', u: 'p1', kind: 'left' },
    ]);
  });

  it('deletes a deauthorized user’s tokens and personal data but keeps the anonymous tally', async () => {
    const user = { mid: MID, uid: 'leaver', role: 'participant' as const };
    expect((await authorizeInClient(rig, user)).res.status).toBe(200);
    const host = await join(rig.server, { mid: MID, uid: 'h1', role: 'host' });
    const voter = await join(rig.server, user);
    const pollId = await launch(host);
    expect((await vote(voter, pollId, 'b')).ok).toBe(true);
    await cloudPost(rig, '/events', {
      event: 'meeting.participant_joined',
      meetingUuid: MID,
      participant: { uid: 'leaver', name: 'Lee' },
    });
    await cloudPost(rig, '/events', { event: 'app_deauthorized', userId: 'leaver' });
    await waitFor(() => processed() === 2, 5000, 'processing');

    expect(count("SELECT COUNT(*) AS n FROM zoom_users WHERE uid = 'leaver'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM attendance WHERE user_id = 'leaver' OR name = 'Lee'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM ballots WHERE voter_id = 'u:leaver'")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM ballots WHERE voter_id LIKE 'x:%'")).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM webhook_inbox WHERE payload LIKE '%signature%'")).toBe(0);
    const { runs } = (await (await api(rig.server, `/api/polls/${pollId}`, host.token)).json()) as {
      runs: { turnout: number }[];
    };
    expect(runs[0]!.turnout).toBe(1);
    disconnectAll(host, voter);
  });
});

describe('webhook source checks', () => {
  it('refuses sources outside ZOOM_WEBHOOK_ALLOWED_CIDRS and a wrong legacy verification token', async () => {
    rig = await startCloudRig({ config: { zoomWebhookAllowedCidrs: ['10.0.0.0/8'] } });
    expect((await postWebhook(rig.server, started())).status).toBe(403);
    await rig.close();
    rig = await startCloudRig({
      config: { zoomWebhookAllowedCidrs: ['127.0.0.0/8'], zoomVerificationToken: 'legacy-token' },
    });
    expect((await postWebhook(rig.server, started())).status).toBe(401);
    expect((await postWebhook(rig.server, started(), { headers: { authorization: 'legacy-token' } })).status).toBe(200);
  });
});
