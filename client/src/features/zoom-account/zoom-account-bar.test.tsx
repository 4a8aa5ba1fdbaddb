import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '@quorum/shared';
import { Boot } from '../../boot';
import { createAnnouncer } from '../../components/announcer';
import { DraftLibrary } from '../library/draft-library';
import { fakeQuorumApi } from '../../test/fake-quorum-api';
import { createFakeLink, createFakeZoom, fakeSession } from '../../test/fakes';
import { makeSession, makeSnapshot } from '../../test/fixtures';
import { render, settle } from '../../test/render';
import type { ZoomConfig } from '../../zoom/zoom-port';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
  vi.unstubAllGlobals();
});

/** The whole app booted in a meeting with the given session, the server faked behind global fetch. */
async function boot(
  session: SessionView,
  config: Partial<ZoomConfig> = {},
  routes: Parameters<typeof fakeQuorumApi>[0] = {},
) {
  const server = fakeQuorumApi(routes);
  vi.stubGlobal('fetch', server.fetchFn);
  const fakes = { ...createFakeZoom(config), ...createFakeLink() };
  const view = await render(
    <Boot
      zoom={fakes.zoom}
      library={new DraftLibrary(null)}
      announcer={createAnnouncer()}
      createSession={() => fakeSession(session)}
      openLink={() => fakes.link}
    />,
  );
  cleanups.push(view.unmount);
  await settle(() => fakes.emit('meeting:snapshot', makeSnapshot({ session, polls: [] })));
  await settle();
  return { ...fakes, ...view, server };
}

const HOST = makeSession({ role: 'host', isHost: true, authorized: true });

describe('the Zoom account in the host view', () => {
  it('connects the account and shows the meeting topic from Zoom', async () => {
    const view = await boot(HOST);
    expect(view.byTestId('meeting-topic')).toBeNull();
    await settle(() => view.byTestId('connect-zoom')!.click());
    expect(view.zoom.authorize).toHaveBeenCalledWith({ codeChallenge: 'challenge-1', state: 'state-1' });
    expect(view.container.textContent).toContain('Approve Quorum in Zoom’s window.');

    await settle(() =>
      view.fire('authorized', { code: 'code-1', state: 'state-1', result: true, redirectUri: 'http://localhost/' }),
    );
    await settle();
    expect(view.byTestId('meeting-topic')?.textContent).toBe('Team sync');
    expect(view.byTestId('connect-zoom')).toBeNull();
  });

  it('offers "Sign in to Zoom" to a guest host, through promptAuthorize', async () => {
    const view = await boot(makeSession({ role: 'host', isHost: true, authorized: false }));
    expect(view.byTestId('connect-zoom')).toBeNull();
    await settle(() => view.byTestId('sign-in-zoom')!.click());
    expect(view.zoom.promptAuthorize).toHaveBeenCalledOnce();
    expect(view.server.seen).toEqual([]);
  });

  it('hides the action when this Zoom client cannot authorize', async () => {
    const view = await boot(HOST, { unsupportedApis: ['authorize'] });
    expect(view.byTestId('connect-zoom')).toBeNull();
    expect(view.byTestId('compose-poll')).not.toBeNull();
  });

  it('asks nothing of Zoom or the server for participants: voting needs no authorization', async () => {
    const view = await boot(makeSession({ role: 'participant', authorized: false }));
    expect(view.byTestId('zoom-account')).toBeNull();
    expect(view.server.seen).toEqual([]);
  });

  it('shows the host where the report went once the meeting has ended', async () => {
    const view = await boot(
      HOST,
      {},
      {
        'GET /api/deliveries': () => [
          200,
          {
            deliveries: [
              {
                id: 'd1',
                kind: 'email',
                target: 'h***@example.com',
                status: 'delivered',
                attempts: 1,
                lastError: null,
                createdAt: 1,
                updatedAt: 2,
              },
            ],
          },
        ],
      },
    );
    await settle(() => view.fire('meeting', { action: 'ended' }));
    await settle();
    expect(view.container.querySelector('h1')?.textContent).toBe('The meeting has ended');
    expect(view.byTestId('delivery')?.textContent).toBe('Email to h***@example.com: delivered (1 attempt)');
  });
});
