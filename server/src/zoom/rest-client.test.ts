import { describe, expect, it } from 'vitest';
import { meetingIdSegment, retryAfterMs, ZoomApiError, ZoomRestClient } from './rest-client';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers from a script and records what was asked. */
function scripted(replies: Reply[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const next = replies.shift() ?? { status: 500 };
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), {
      status: next.status,
      headers: next.headers ?? {},
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function client(replies: Reply[]) {
  const { fetch, calls } = scripted(replies);
  const waits: number[] = [];
  const rest = new ZoomRestClient({
    baseUrl: 'https://api.test/v2',
    fetch,
    sleep: async (ms) => void waits.push(ms),
    baseDelayMs: 100,
  });
  return { rest, calls, waits };
}

describe('Zoom REST client', () => {
  it('double-encodes meeting UUIDs that start with / or contain //, and only those', () => {
    expect(meetingIdSegment('4444AAAiAAAAAiAiAiiAii==')).toBe('4444AAAiAAAAAiAiAiiAii%3D%3D');
    expect(meetingIdSegment('/ajXp112QmuoKj4854875==')).toBe('%252FajXp112QmuoKj4854875%253D%253D');
    expect(meetingIdSegment('ab//cd==')).toBe('ab%252F%252Fcd%253D%253D');
    expect(meetingIdSegment('ab/cd')).toBe('ab%2Fcd');
    expect(meetingIdSegment('85746065432')).toBe('85746065432');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('retries 429 honouring Retry-After, and 5xx with backoff, then succeeds', async () => {
    const { rest, calls, waits } = client([
      { status: 429, body: { code: 429, message: 'Too many requests' }, headers: { 'retry-after': '2' } },
      { status: 503 },
      { status: 200, body: { id: 'u1', email: 'u1@example.com' } },
    ]);
    await expect(rest.getMe('tok')).resolves.toMatchObject({ id: 'u1' });
    expect(waits).toEqual([2000, 200]);
    expect(calls[0]!.url).toBe('https://api.test/v2/users/me');
    expect(new Headers(calls[0]!.init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('maps errors to clear messages with Zoom code and tracking id, without retrying 4xx', async () => {
    const { rest, calls } = client([
      {
        status: 404,
        body: { code: 3001, message: 'Meeting does not exist: 1.' },
        headers: { 'x-zm-trackingid': 'T1' },
      },
    ]);
    const error = await rest.getMeeting('tok', '1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZoomApiError);
    expect(error).toMatchObject({ status: 404, zoomCode: 3001, trackingId: 'T1' });
    expect((error as Error).message).toBe(
      'Zoom does not know this meeting or user (Zoom 404/3001: Meeting does not exist: 1.)',
    );
    expect(calls).toHaveLength(1);
  });

  it('gives up after the last attempt and reports the status', async () => {
    const { rest, calls } = client([{ status: 500 }, { status: 502 }, { status: 503 }]);
    await expect(rest.getMe('tok')).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('Zoom is unavailable'),
    });
    expect(calls).toHaveLength(3);
  });

  it('follows next_page_token through past participants and normalises meeting ids', async () => {
    const { rest, calls } = client([
      { status: 200, body: { participants: [{ name: 'A' }], next_page_token: 'p2' } },
      { status: 200, body: { participants: [{ name: 'B' }], next_page_token: '' } },
      { status: 200, body: { id: 85746065432, host_id: 'h', topic: 'Weekly' } },
    ]);
    expect((await rest.listPastParticipants('tok', '/x==')).map((p) => p.name)).toEqual(['A', 'B']);
    expect(calls[1]!.url).toContain('/past_meetings/%252Fx%253D%253D/participants?page_size=300&next_page_token=p2');
    await expect(rest.getMeeting('tok', 'm')).resolves.toMatchObject({ id: '85746065432', topic: 'Weekly' });
  });
});
