import { describe, expect, it, vi } from 'vitest';
import { SESSION_GRANT_ELEMENT_ID } from '@quorum/shared';
import { pageGrant } from './page-grant';
import { createSessionClient } from './session-client';

const VIEW = { voterId: 'g:1', meetingId: 'm1', role: 'participant', isHost: false, authorized: false } as const;

const answer = (token: string) =>
  new Response(JSON.stringify({ token, session: VIEW }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

describe('session client', () => {
  it('renews with the page’s own token, so a guest keeps their voter id', async () => {
    const fetchFn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) =>
      answer(init?.headers && 'authorization' in init.headers ? 'second' : 'first'),
    );
    const client = createSessionClient(async () => 'sealed', fetchFn as typeof fetch);
    await client.start();
    expect(client.token()).toBe('first');
    await expect(client.renew()).resolves.toBe(true);
    const headers = fetchFn.mock.calls.map(([, init]) => init?.headers as Record<string, string>);
    expect(headers[0]).not.toHaveProperty('authorization');
    expect(headers[1]).toMatchObject({ authorization: 'Bearer first' });
    expect(client.token()).toBe('second');
  });

  it('starts from the session the Home page carried, without asking the server, and renews with its token', async () => {
    document.body.innerHTML = `<script type="application/json" id="${SESSION_GRANT_ELEMENT_ID}">${JSON.stringify({
      token: 'from-page',
      session: VIEW,
    })}</script>`;
    const granted = pageGrant(document);
    // Read once and gone from the page: the token lives in memory only.
    expect(document.getElementById(SESSION_GRANT_ELEMENT_ID)).toBeNull();
    const fetchFn = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => answer('renewed'));
    const client = createSessionClient(async () => 'sealed', fetchFn as typeof fetch, granted);
    await expect(client.start()).resolves.toEqual(VIEW);
    expect(fetchFn).not.toHaveBeenCalled();
    expect(client.token()).toBe('from-page');
    await expect(client.renew()).resolves.toBe(true);
    expect(fetchFn.mock.calls[0]?.[1]?.headers).toMatchObject({ authorization: 'Bearer from-page' });
    // A second client (a restart on another surface) asks the server: the page's grant was used.
    const next = createSessionClient(async () => 'sealed', fetchFn as typeof fetch, granted);
    await next.start();
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['no block', ''],
    ['not JSON', `<script type="application/json" id="${SESSION_GRANT_ELEMENT_ID}">{nope</script>`],
    ['a wrong shape', `<script type="application/json" id="${SESSION_GRANT_ELEMENT_ID}">{"token":""}</script>`],
  ])('asks the server when the page carries %s', (_name, html) => {
    document.body.innerHTML = html;
    expect(pageGrant(document)()).toBeNull();
  });
});
