import { describe, expect, it, vi } from 'vitest';
import { createSessionClient } from './session-client';

const answer = (token: string) =>
  new Response(
    JSON.stringify({
      token,
      session: { voterId: 'g:1', meetingId: 'm1', role: 'participant', isHost: false, authorized: false },
    }),
    {
      status: 200,
      headers: { 'content-type': 'application/json' },
    },
  );

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
});
