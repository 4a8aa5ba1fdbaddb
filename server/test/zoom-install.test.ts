import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, inspectDb, startCloudRig, type CloudRig } from './support/zoom-cloud';

let rig: CloudRig;
beforeEach(async () => {
  rig = await startCloudRig();
});
afterEach(async () => rig.close());

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Follows the install redirect to the fake consent page and approves as `uid`; returns the callback URL. */
async function approve(uid: string): Promise<{ callback: URL; cookie: string; authorizeUrl: URL }> {
  const start = await fetch(`${rig.server.url}/api/zoom/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorizeUrl = new URL(start.headers.get('location')!);
  const consent = await fetch(authorizeUrl);
  expect(consent.status).toBe(200);
  expect(await consent.text()).toContain('<button type="submit">Approve</button>');
  const form = new URLSearchParams({ ...Object.fromEntries(authorizeUrl.searchParams), uid });
  const approved = await fetch(authorizeUrl.toString().split('?')[0]!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(approved.status).toBe(302);
  return { callback: new URL(approved.headers.get('location')!), cookie: cookieOf(start), authorizeUrl };
}

describe('Marketplace install from the web', () => {
  it('redirects to Zoom with S256 PKCE, stores the tokens and redirects to the deep link', async () => {
    const { callback, cookie, authorizeUrl } = await approve('installer-1');
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(
      `${rig.server.config.publicUrl}/api/zoom/install/callback`,
    );
    expect(authorizeUrl.searchParams.get('client_id')).toBe(rig.server.config.zoomClientId);
    expect(callback.pathname).toBe('/api/zoom/install/callback');

    const done = await api(rig.server, `${callback.pathname}${callback.search}`, undefined, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toMatch(/\/sim\?deeplink=/);
    const stored = inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT uid FROM zoom_users').all());
    expect(stored).toEqual([{ uid: 'installer-1' }]);
  });

  it("refuses a callback from another browser (no install cookie, or another install's cookie) and a replayed one", async () => {
    const { callback, cookie } = await approve('installer-2');
    const other = await approve('installer-3');
    const foreign = await api(rig.server, `${callback.pathname}${callback.search}`, undefined, { redirect: 'manual' });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('started in another browser');
    const swapped = await api(rig.server, `${callback.pathname}${callback.search}`, undefined, {
      headers: { cookie: other.cookie },
      redirect: 'manual',
    });
    expect(swapped.status).toBe(400);
    expect(inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT COUNT(*) AS n FROM zoom_users').get())).toEqual({
      n: 0,
    });

    expect(
      (
        await api(rig.server, `${callback.pathname}${callback.search}`, undefined, {
          headers: { cookie },
          redirect: 'manual',
        })
      ).status,
    ).toBe(302);
    // The same browser replaying the callback: the sealed cookie still matches, but Zoom's code is spent.
    const replay = await api(rig.server, `${callback.pathname}${callback.search}`, undefined, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('expired or already used');
  });

  it('writes no row for an anonymous install start: its state lives in a sealed cookie (issue 13 #6)', async () => {
    for (let i = 0; i < 20; i++)
      expect((await fetch(`${rig.server.url}/api/zoom/install`, { redirect: 'manual' })).status).toBe(302);
    expect(inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT COUNT(*) AS n FROM oauth_states').get())).toEqual({
      n: 0,
    });
  });

  it('refuses a tampered install cookie', async () => {
    const { callback, cookie } = await approve('installer-4');
    const [name, value] = cookie.split('=') as [string, string];
    const tampered = `${name}=${value.replace(/v1\.(.)/, (_m, c: string) => `v1.${c === 'A' ? 'B' : 'A'}`)}`;
    const res = await api(rig.server, `${callback.pathname}${callback.search}`, undefined, {
      headers: { cookie: tampered },
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
  });

  it('shows a page, not an error, when the user declines', async () => {
    const res = await api(rig.server, '/api/zoom/install/callback?error=access_denied');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});
