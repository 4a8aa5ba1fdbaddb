import { describe, expect, it, vi } from 'vitest';
import { fakeQuorumApi, refuse } from '../../test/fake-quorum-api';
import { createFakeZoom, fakeSession } from '../../test/fakes';
import { makeSession } from '../../test/fixtures';
import { createZoomAccount } from './zoom-account';
import { createZoomCloudApi } from './zoom-cloud-api';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The flow over a fake ZoomPort and a fake server; `listen()` is on, as the component's effect does. */
function setup(overrides: Parameters<typeof fakeQuorumApi>[0] = {}) {
  const { zoom, fire } = createFakeZoom();
  const server = fakeQuorumApi(overrides);
  const announce = vi.fn();
  const account = createZoomAccount({
    zoom,
    api: createZoomCloudApi(fakeSession(makeSession({ authorized: true })), server.fetchFn),
    announce,
  });
  const stop = account.listen();
  return { zoom, fire, server, account, announce, stop, state: () => account.store.getState() };
}

describe('the Zoom account flow', () => {
  it('treats a session without a Zoom user as a guest without asking the server', async () => {
    const t = setup();
    await t.account.refresh(true);
    expect(t.state()).toEqual({ kind: 'guest' });
    expect(t.server.seen).toEqual([]);
  });

  it('authorizes: challenge from the server, zoomSdk.authorize, code and the redirect URI Zoom reported back to the server, then the meeting topic', async () => {
    const t = setup();
    await t.account.refresh(false);
    expect(t.state()).toEqual({ kind: 'disconnected' });

    await t.account.connect();
    expect(t.zoom.authorize).toHaveBeenCalledWith({ codeChallenge: 'challenge-1', state: 'state-1' });
    expect(t.state()).toEqual({ kind: 'authorizing', step: 'consent' });

    // Not the bare Home URL: the code is bound to the page Zoom reports, so it must reach the server as is.
    t.fire('authorized', {
      code: 'code-1',
      state: 'state-1',
      result: true,
      redirectUri: 'http://localhost/?present=p1',
    });
    await settle();
    expect(t.server.seen.find((s) => s.route === 'POST /api/zoom/authorized')).toEqual({
      route: 'POST /api/zoom/authorized',
      body: { code: 'code-1', state: 'state-1', redirectUri: 'http://localhost/?present=p1' },
      authorization: 'Bearer token',
    });
    expect(t.state()).toMatchObject({ kind: 'connected', meeting: { topic: 'Team sync', isHost: true } });
    expect(t.announce).toHaveBeenCalledWith('Zoom account connected.');
    expect(t.server.routes()).toEqual([
      'GET /api/zoom/status',
      'POST /api/zoom/authorize',
      'POST /api/zoom/authorized',
      'GET /api/zoom/meeting',
    ]);
  });

  it('ignores an onAuthorized that is not for its own state, and after listening stops', async () => {
    const t = setup();
    await t.account.connect();
    t.fire('authorized', { code: 'forged', state: 'someone-else', result: true, redirectUri: '' });
    await settle();
    expect(t.server.routes()).not.toContain('POST /api/zoom/authorized');
    t.stop();
    t.fire('authorized', { code: 'late', state: 'state-1', result: true, redirectUri: '' });
    await settle();
    expect(t.server.routes()).not.toContain('POST /api/zoom/authorized');
  });

  it('offers to connect again when the user declines in Zoom', async () => {
    const t = setup();
    await t.account.connect();
    t.fire('authorized', { code: '', state: 'state-1', result: false, redirectUri: '' });
    await settle();
    expect(t.state()).toEqual({ kind: 'disconnected', message: 'The authorization was declined in Zoom.' });
  });

  it('shows the connect action again when the tokens were revoked (401 "authorize again")', async () => {
    const t = setup({
      'GET /api/zoom/status': () => [200, { canAuthorize: true, authorized: true }],
      'GET /api/zoom/meeting': () =>
        refuse(401, 'UNAUTHENTICATED', 'Zoom no longer accepts the stored tokens: authorize Quorum again'),
    });
    await t.account.refresh(false);
    expect(t.state()).toEqual({ kind: 'disconnected', message: 'Zoom asks you to connect your account again.' });
  });

  it('says what went wrong when the server refuses the code or Zoom refuses authorize', async () => {
    const t = setup({
      'POST /api/zoom/authorized': () => refuse(400, 'INVALID', 'authorization state expired: start again'),
    });
    await t.account.connect();
    t.fire('authorized', { code: 'code-1', state: 'state-1', result: true, redirectUri: '' });
    await settle();
    expect(t.state()).toEqual({ kind: 'disconnected', message: 'authorization state expired: start again' });

    vi.mocked(t.zoom.authorize).mockRejectedValueOnce(
      Object.assign(new Error('API is not support in guest mode.'), { code: '10284' }),
    );
    await t.account.connect();
    expect(t.state()).toEqual({
      kind: 'disconnected',
      message: 'Zoom could not start the authorization: API is not support in guest mode.',
    });
  });

  it('keeps the topic out but stays connected when Zoom cannot describe the meeting', async () => {
    const t = setup({
      'GET /api/zoom/status': () => [200, { canAuthorize: true, authorized: true }],
      'GET /api/zoom/meeting': () => refuse(502, 'INTERNAL', 'Zoom did not answer as expected: try again in a moment'),
    });
    await t.account.refresh(false);
    expect(t.state()).toMatchObject({
      kind: 'connected',
      meeting: null,
      message: expect.stringContaining('Zoom did not answer'),
    });
  });

  it('prompts a guest to sign in through promptAuthorize', async () => {
    const t = setup();
    await t.account.signIn();
    expect(t.zoom.promptAuthorize).toHaveBeenCalledOnce();
  });
});
