import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecret } from '../src/zoom/token-crypto';
import { openSession } from './support/harness';
import { api, authorizeInClient, cloudPost, inspectDb, startCloudRig, type CloudRig } from './support/zoom-cloud';

const HOST = { mid: 'mtg-oauth==', uid: 'host-1', role: 'host' as const };

let rig: CloudRig;
afterEach(async () => rig?.close());

/** The token pair as stored, decrypted with the app's key (tests only). */
function storedPair(uid: string): { accessToken: string; refreshToken: string } | undefined {
  const sealed = inspectDb(rig.server.dbPath, (db) => db.prepare<[string], { sealed_tokens: string | null }>('SELECT sealed_tokens FROM zoom_users WHERE uid = ?').get(uid));
  if (!sealed?.sealed_tokens) return undefined;
  return JSON.parse(openSecret(sealed.sealed_tokens, rig.server.config.tokenEncryptionKey, `zoom-tokens:${uid}`)) as { accessToken: string; refreshToken: string };
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('in-client OAuth against the fake Zoom cloud', () => {
  beforeEach(async () => {
    rig = await startCloudRig();
    await cloudPost(rig, '/meetings', { uuid: HOST.mid, topic: 'Quarterly planning', hostId: HOST.uid });
  });

  it('authorizes the host, stores the tokens sealed, and shows the meeting topic', async () => {
    const { res, token } = await authorizeInClient(rig, HOST);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ canAuthorize: true, authorized: true });
    expect(await (await api(rig.server, '/api/zoom/status', token)).json()).toEqual({ canAuthorize: true, authorized: true });

    const meeting = await api(rig.server, '/api/zoom/meeting', token);
    expect(meeting.status).toBe(200);
    expect(await meeting.json()).toMatchObject({ uuid: HOST.mid, topic: 'Quarterly planning', hostId: HOST.uid, isHost: true });

    const row = inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT * FROM zoom_users').get()) as Record<string, unknown>;
    expect(row).toMatchObject({ uid: HOST.uid, email: 'host-1@sim.zoom.test' });
    expect(String(row.sealed_tokens)).toMatch(/^v1\./);
    expect(String(row.sealed_tokens)).not.toContain(storedPair(HOST.uid)!.accessToken);
  });

  it('refuses a state from another session, an unknown state and a replayed code, each with a clear 400', async () => {
    const first = await authorizeInClient(rig, HOST);
    expect(first.res.status).toBe(200);

    const other = await openSession(rig.server, { mid: HOST.mid, uid: 'host-2', role: 'co-host' });
    const stolen = await api(rig.server, '/api/zoom/authorize', first.token);
    const { state } = (await stolen.json()) as { state: string };
    const mismatch = await api(rig.server, '/api/zoom/authorized', other.token, { method: 'POST', body: JSON.stringify({ code: 'x', state }) });
    expect(mismatch.status).toBe(400);
    expect((await errorOf(mismatch)).message).toBe('authorization state started by another session: start again');

    const unknown = await api(rig.server, '/api/zoom/authorized', first.token, { method: 'POST', body: JSON.stringify({ code: 'x', state: 'nope' }) });
    expect((await errorOf(unknown)).message).toContain('unknown or already used');

    const again = (await (await api(rig.server, '/api/zoom/authorize', first.token)).json()) as { state: string };
    const replay = await api(rig.server, '/api/zoom/authorized', first.token, { method: 'POST', body: JSON.stringify({ code: first.code, state: again.state }) });
    expect(replay.status).toBe(400);
    expect(await errorOf(replay)).toMatchObject({ code: 'INVALID', message: expect.stringContaining('expired or already used') });

    const usedState = await api(rig.server, '/api/zoom/authorized', first.token, { method: 'POST', body: JSON.stringify({ code: first.code, state: first.state }) });
    expect((await errorOf(usedState)).message).toContain('unknown or already used');
  });

  it('refuses an expired state and a malformed body', async () => {
    const { token } = await openSession(rig.server, HOST);
    const { state } = (await (await api(rig.server, '/api/zoom/authorize', token)).json()) as { state: string };
    inspectDb(rig.server.dbPath, (db) => db.prepare('UPDATE oauth_states SET expires_at = 1').run());
    const expired = await api(rig.server, '/api/zoom/authorized', token, { method: 'POST', body: JSON.stringify({ code: 'c', state }) });
    expect(expired.status).toBe(400);
    expect((await errorOf(expired)).message).toBe('authorization state expired: start again');

    const bad = await api(rig.server, '/api/zoom/authorized', token, { method: 'POST', body: JSON.stringify({ code: '', state, extra: 1 }) });
    expect(await errorOf(bad)).toMatchObject({ code: 'INVALID' });
  });

  it('sends guests to promptAuthorize and refuses callers without a session', async () => {
    const guest = await openSession(rig.server, { mid: HOST.mid });
    const res = await api(rig.server, '/api/zoom/authorize', guest.token);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toContain('promptAuthorize');
    expect(await (await api(rig.server, '/api/zoom/status', guest.token)).json()).toEqual({ canAuthorize: false, authorized: false });
    expect((await api(rig.server, '/api/zoom/authorize')).status).toBe(401);
  });

  it('asks a user who never authorized to authorize, with 401 rather than an error', async () => {
    const { token } = await openSession(rig.server, HOST);
    const res = await api(rig.server, '/api/zoom/meeting', token);
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('renews a token Zoom says has expired, then rejects a revoked refresh token with a clear 401', async () => {
    const { token } = await authorizeInClient(rig, HOST);
    const before = storedPair(HOST.uid)!;
    await cloudPost(rig, `/users/${HOST.uid}/expire-access`, {});
    expect((await api(rig.server, '/api/zoom/meeting', token)).status).toBe(200);
    expect(storedPair(HOST.uid)!.refreshToken).not.toBe(before.refreshToken);

    await cloudPost(rig, `/users/${HOST.uid}/revoke`, {});
    const revoked = await api(rig.server, '/api/zoom/meeting', token);
    expect(revoked.status).toBe(401);
    expect(await errorOf(revoked)).toEqual({ code: 'UNAUTHENTICATED', message: 'authorize Quorum again' });
    expect(await (await api(rig.server, '/api/zoom/status', token)).json()).toEqual({ canAuthorize: true, authorized: false });
  });

  it('maps a meeting Zoom does not know to 404', async () => {
    await rig.close();
    rig = await startCloudRig({ cloud: { autoCreateMeetings: false } });
    const { token } = await authorizeInClient(rig, { ...HOST, mid: 'unregistered==' });
    const res = await api(rig.server, '/api/zoom/meeting', token);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('3001') });
  });
});

describe('token lifetime and PKCE variants', () => {
  it('refreshes before expiry with rotation, once for many parallel calls', async () => {
    // Tokens that live 30 s are already inside the 60 s renewal margin: every call must renew first.
    rig = await startCloudRig({ cloud: { accessTokenTtlSec: 30 } });
    const { token } = await authorizeInClient(rig, HOST);
    const first = storedPair(HOST.uid)!;
    const results = await Promise.all(Array.from({ length: 5 }, () => api(rig.server, '/api/zoom/meeting', token)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const second = storedPair(HOST.uid)!;
    expect(second.accessToken).not.toBe(first.accessToken);
    // Rotation: the old refresh token is dead at the fake Zoom.
    expect(rig.cloud.state.rotate(first.refreshToken)).toMatchObject({ ok: false, body: { error: 'invalid_grant' } });
    expect((await api(rig.server, '/api/zoom/meeting', token)).status).toBe(200);
  });

  it('works with S256 when configured, and double-encodes a UUID that starts with a slash', async () => {
    rig = await startCloudRig({ config: { zoomPkceMethod: 'S256' } });
    const person = { mid: '/slash//uuid==', uid: 'host-s', role: 'host' as const };
    await cloudPost(rig, '/meetings', { uuid: person.mid, topic: 'Slashy', hostId: person.uid });
    const { res, token } = await authorizeInClient(rig, person);
    expect(res.status).toBe(200);
    const started = (await (await api(rig.server, '/api/zoom/authorize', token)).json()) as { codeChallenge: string; codeChallengeMethod: string };
    expect(started.codeChallengeMethod).toBe('S256');
    expect(started.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await (await api(rig.server, '/api/zoom/meeting', token)).json()).toMatchObject({ topic: 'Slashy' });
  });
});
