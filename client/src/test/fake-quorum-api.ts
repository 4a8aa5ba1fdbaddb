import { vi } from 'vitest';

/** One request the fake server saw. */
export interface SeenRequest {
  route: string;
  body: unknown;
  authorization: string | null;
}

type Answer = [status: number, body: unknown];

/** The answers of a host whose account is not linked yet, for a meeting called "Team sync". */
export const HAPPY_ROUTES: Record<string, (body: unknown) => Answer> = {
  'GET /api/zoom/status': () => [200, { canAuthorize: true, authorized: false }],
  'POST /api/zoom/authorize': () => [
    200,
    { codeChallenge: 'challenge-1', state: 'state-1', codeChallengeMethod: 'plain' },
  ],
  'POST /api/zoom/authorized': () => [200, { canAuthorize: true, authorized: true }],
  'GET /api/zoom/meeting': () => [
    200,
    { uuid: 'm1', id: '81234567890', topic: 'Team sync', hostId: 'zu1', isHost: true },
  ],
  'GET /api/deliveries': () => [200, { deliveries: [] }],
};

/** A fetch that answers Quorum's Zoom routes from a table (`"METHOD /path"`), recording every request. */
export function fakeQuorumApi(overrides: Record<string, (body: unknown) => Answer> = {}) {
  const routes = { ...HAPPY_ROUTES, ...overrides };
  const seen: SeenRequest[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const route = `${init.method ?? 'GET'} ${String(input)}`;
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    seen.push({ route, body, authorization: new Headers(init.headers).get('authorization') });
    const [status, json] = routes[route]?.(body) ?? [
      404,
      { error: { code: 'NOT_FOUND', message: `no route ${route}` } },
    ];
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  });
  return { fetchFn: fetchFn as unknown as typeof fetch, seen, routes: () => seen.map((s) => s.route) };
}

/** A Zoom-style failure answer. */
export const refuse = (status: number, code: string, message: string): Answer => [status, { error: { code, message } }];
