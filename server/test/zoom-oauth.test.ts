import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecret } from '../src/zoom/token-crypto';
import { openSession } from './support/harness';
import {
  api,
  authorizeInClient,
  cloudPost,
  inspectDb,
  startAuthorize,
  startCloudRig,
  type CloudRig,
} from './support/zoom-cloud';

const HOST = { mid: 'mtg-oauth==', uid: 'host-1', role: 'host' as const };

let rig: CloudRig;
afterEach(async () => rig?.close());

/** The token pair as stored, decrypted with the app's key (tests only). */
function storedPair(uid: string): { accessToken: string; refreshToken: string } | undefined {
  const sealed = inspectDb(rig.server.dbPath, (db) =>
    db
      .prepare<[string], { sealed_tokens: string | null }>('SELECT sealed_tokens FROM zoom_users WHERE uid = ?')
      .get(uid),
  );
  if (!sealed?.sealed_tokens) return undefined;
  return JSON.parse(openSecret(sealed.sealed_tokens, rig.server.config.tokenEncryptionKey, `zoom-tokens:${uid}`)) as {
    accessToken: string;
    refreshToken: string;
  };
}

const home = () => `${rig.server.config.publicUrl}/`;
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
    expect(await (await api(rig.server, '/api/zoom/status', token)).json()).toEqual({
      canAuthorize: true,
      authorized: true,
    });

    const meeting = await api(rig.server, '/api/zoom/meeting', token);
    expect(meeting.status).toBe(200);
    expect(await meeting.json()).toMatchObject({
      uuid: HOST.mid,
      topic: 'Quarterly planning',
      hostId: HOST.uid,
      isHost: true,
    });

    const row = inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT * FROM zoom_users').get()) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({ uid: HOST.uid, email: 'host-1@sim.zoom.test' });
    expect(String(row.sealed_tokens)).toMatch(/^v1\./);
    expect(String(row.sealed_tokens)).not.toContain(storedPair(HOST.uid)!.accessToken);
  });

  it('refuses a state from another session, an unknown state and a replayed code, each with a clear 400', async () => {
    const first = await authorizeInClient(rig, HOST);
    expect(first.res.status).toBe(200);

    const other = await openSession(rig.server, { mid: HOST.mid, uid: 'host-2', role: 'co-host' });
    const { state } = await startAuthorize(rig.server, first.token);
    const mismatch = await api(rig.server, '/api/zoom/authorized', other.token, {
      method: 'POST',
      body: JSON.stringify({ code: 'x', state, redirectUri: home() }),
    });
    expect(mismatch.status).toBe(400);
    expect((await errorOf(mismatch)).message).toBe('authorization state started by another session: start again');

    const unknown = await api(rig.server, '/api/zoom/authorized', first.token, {
      method: 'POST',
      body: JSON.stringify({ code: 'x', state: 'nope', redirectUri: home() }),
    });
    expect((await errorOf(unknown)).message).toContain('unknown or already used');

    const again = await startAuthorize(rig.server, first.token);
    const replay = await api(rig.server, '/api/zoom/authorized', first.token, {
      method: 'POST',
      body: JSON.stringify({ code: first.code, state: again.state, redirectUri: home() }),
    });
    expect(replay.status).toBe(400);
    expect(await errorOf(replay)).toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('expired or already used'),
    });

    const usedState = await api(rig.server, '/api/zoom/authorized', first.token, {
      method: 'POST',
      body: JSON.stringify({ code: first.code, state: first.state, redirectUri: home() }),
    });
    expect((await errorOf(usedState)).message).toContain('unknown or already used');
  });

  it('refuses an expired state and a malformed body', async () => {
    const { token } = await openSession(rig.server, HOST);
    const { state } = await startAuthorize(rig.server, token);
    inspectDb(rig.server.dbPath, (db) => db.prepare('UPDATE oauth_states SET expires_at = 1').run());
    const expired = await api(rig.server, '/api/zoom/authorized', token, {
      method: 'POST',
      body: JSON.stringify({ code: 'c', state, redirectUri: home() }),
    });
    expect(expired.status).toBe(400);
    expect((await errorOf(expired)).message).toBe('authorization state expired: start again');

    const bad = await api(rig.server, '/api/zoom/authorized', token, {
      method: 'POST',
      body: JSON.stringify({ code: '', state, extra: 1 }),
    });
    expect(await errorOf(bad)).toMatchObject({ code: 'INVALID' });
  });

  it('sends guests to promptAuthorize and refuses callers without a session', async () => {
    const guest = await openSession(rig.server, { mid: HOST.mid });
    const res = await api(rig.server, '/api/zoom/authorize', guest.token, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toContain('promptAuthorize');
    expect(await (await api(rig.server, '/api/zoom/status', guest.token)).json()).toEqual({
      canAuthorize: false,
      authorized: false,
    });
    expect((await api(rig.server, '/api/zoom/authorize', undefined, { method: 'POST', body: '{}' })).status).toBe(401);
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
    expect(await (await api(rig.server, '/api/zoom/status', token)).json()).toEqual({
      canAuthorize: true,
      authorized: false,
    });
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
    const started = await startAuthorize(rig.server, token);
    expect(started.codeChallengeMethod).toBe('S256');
    expect(started.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await (await api(rig.server, '/api/zoom/meeting', token)).json()).toMatchObject({ topic: 'Slashy' });
  });
});

describe('the redirect URI Zoom reports (issue 12)', () => {
  beforeEach(async () => {
    rig = await startCloudRig();
  });

  it('redeems the code with the redirect URI onAuthorized reported, not a hard-coded Home URL', async () => {
    // authorize ran on a page with a query (present mode): Zoom binds the code to that exact URI.
    const page = `${rig.server.config.publicUrl}/?present=poll-1`;
    const { res } = await authorizeInClient(rig, HOST, { redirectUri: page });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ canAuthorize: true, authorized: true });
  });

  it("passes on Zoom's invalid_grant when the reported URI is not the one the code was issued for", async () => {
    const { res } = await authorizeInClient(rig, HOST, {
      redirectUri: `${rig.server.config.publicUrl}/a`,
      reportedUri: `${rig.server.config.publicUrl}/b`,
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({
      code: 'INVALID',
      field: 'code',
      message: expect.stringContaining('Zoom refused the authorization code'),
    });
  });

  it('refuses a redirect URI off the app origin with a clear error, and keeps the state for a retry', async () => {
    const { token } = await openSession(rig.server, HOST);
    const { state } = await startAuthorize(rig.server, token);
    for (const foreign of [
      'https://evil.example/',
      `${rig.server.config.publicUrl.replace('http:', 'https:')}/`,
      'http://user:pw@127.0.0.1/',
      'javascript:alert(1)',
    ]) {
      const res = await api(rig.server, '/api/zoom/authorized', token, {
        method: 'POST',
        body: JSON.stringify({ code: 'c', state, redirectUri: foreign }),
      });
      expect(res.status, foreign).toBe(400);
      expect(await errorOf(res), foreign).toMatchObject({ code: 'INVALID', field: 'redirectUri' });
    }
    const missing = await api(rig.server, '/api/zoom/authorized', token, {
      method: 'POST',
      body: JSON.stringify({ code: 'c', state }),
    });
    expect(await errorOf(missing)).toMatchObject({ code: 'INVALID', field: 'redirectUri' });
    expect(inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT COUNT(*) AS n FROM oauth_states').get())).toEqual({
      n: 1,
    });
  });
});

describe('pending authorizations are bounded (issue 13 #6, #8)', () => {
  const pending = () =>
    inspectDb(
      rig.server.dbPath,
      (db) => (db.prepare('SELECT COUNT(*) AS n FROM oauth_states').get() as { n: number }).n,
    );

  it('writes nothing on GET, and keeps one pending state per session: a new authorize replaces the old', async () => {
    rig = await startCloudRig();
    const { token } = await openSession(rig.server, HOST);
    for (let i = 0; i < 5; i++) expect((await api(rig.server, '/api/zoom/authorize', token)).status).toBe(404);
    expect(pending()).toBe(0);

    const first = await startAuthorize(rig.server, token);
    const second = await startAuthorize(rig.server, token);
    expect(pending()).toBe(1);
    const stale = await api(rig.server, '/api/zoom/authorized', token, {
      method: 'POST',
      body: JSON.stringify({ code: 'c', state: first.state, redirectUri: home() }),
    });
    expect((await errorOf(stale)).message).toContain('unknown or already used');
    expect(second.state).not.toBe(first.state);
  });

  it('refuses new authorizations with RATE_LIMITED once the global cap is reached', async () => {
    rig = await startCloudRig({ config: { zoomOauthPendingMax: 2 } });
    for (const uid of ['h-1', 'h-2'])
      await startAuthorize(rig.server, (await openSession(rig.server, { ...HOST, uid })).token);
    const third = await openSession(rig.server, { ...HOST, uid: 'h-3' });
    const res = await api(rig.server, '/api/zoom/authorize', third.token, { method: 'POST', body: '{}' });
    expect(res.status).toBe(429);
    expect(await errorOf(res)).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('too many Zoom authorizations'),
    });
    expect(pending()).toBe(2);
  });
});
