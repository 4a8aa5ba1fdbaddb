import { PROTOCOL_VERSION } from '@quorum/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { waitFor } from './support/zoom-cloud';
import {
  connectSession,
  disconnectAll,
  launch,
  openSession,
  useTestServer,
  vote,
  type Client,
  type OpenedSession,
} from './support/harness';

const RATE = 10; // ballots per voter per 10 s
const ctx = useTestServer({ ballotRateLimit: RATE, meetingBallotRateLimit: 25, maxSocketsPerSession: 50 });

/** The most a bucket of `capacity` per 10 s can grant in `elapsedMs`: a full bucket plus its refill. */
const mostAllowed = (capacity: number, elapsedMs: number) => capacity + Math.ceil((elapsedMs * capacity) / 10_000);

async function sockets(opened: OpenedSession, n: number): Promise<Client[]> {
  const clients = await Promise.all(Array.from({ length: n }, () => connectSession(ctx.server, opened)));
  ctx.clients.push(...clients);
  return clients;
}

/** Every socket casts `each` ballots at once; returns how many were not rate-limited. */
async function burst(
  clients: Client[],
  pollId: string,
  each: number,
): Promise<{ accepted: number; elapsedMs: number }> {
  const started = performance.now();
  const acks = await Promise.all(
    clients.flatMap((c) => Array.from({ length: each }, (_, i) => vote(c, pollId, i % 2 ? 'a' : 'b'))),
  );
  const limited = acks.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length;
  return { accepted: acks.length - limited, elapsedMs: performance.now() - started };
}

describe('ballot limits shared by a voter’s sockets', () => {
  it('holds one session on 50 sockets to the configured rate', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const voter = await sockets(await openSession(ctx.server, { mid: 'm1', uid: 'v' }), 50);
    const { accepted, elapsedMs } = await burst(voter, pollId, 30);
    expect(accepted).toBeGreaterThanOrEqual(RATE);
    expect(accepted).toBeLessThanOrEqual(mostAllowed(RATE, elapsedMs));
    expect(ctx.server.app.realtime.metrics.rateLimited).toBe(50 * 30 - accepted);
  });

  it('keeps the budget across a reconnect', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    const opened = await openSession(ctx.server, { mid: 'm1', uid: 'v' });
    const started = performance.now();
    const first = await sockets(opened, 1);
    const before = await burst(first, pollId, RATE);
    disconnectAll(...first);
    const after = await burst(await sockets(opened, 1), pollId, RATE);
    expect(before.accepted + after.accepted).toBeLessThanOrEqual(mostAllowed(RATE, performance.now() - started));
  });

  it('gives each meeting its own budget, so a busy meeting does not use up another’s', async () => {
    const hostA = await ctx.enter({ mid: 'mA', uid: 'ha', role: 'host' });
    const hostB = await ctx.enter({ mid: 'mB', uid: 'hb', role: 'host' });
    const [pollA, pollB] = [await launch(hostA), await launch(hostB)];
    const votersA = await Promise.all(Array.from({ length: 40 }, (_, i) => ctx.enter({ mid: 'mA', uid: `a${i}` })));
    const a = await burst(votersA, pollA, 1);
    expect(a.accepted).toBeLessThanOrEqual(mostAllowed(25, a.elapsedMs));
    const b = await burst([await ctx.enter({ mid: 'mB', uid: 'b0' })], pollB, 1);
    expect(b.accepted).toBe(1);
  });
});

describe('sockets per session', () => {
  const capped = useTestServer({ maxSocketsPerSession: 5 });

  function handshake(opened: OpenedSession) {
    const socket = io(capped.server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { protocolVersion: PROTOCOL_VERSION, token: opened.token },
    });
    return new Promise<{ code: string; data?: unknown }>((resolve) => {
      socket.on('connect', () => {
        socket.disconnect();
        resolve({ code: 'connected' });
      });
      socket.on('connect_error', (err) => {
        socket.close();
        resolve({ code: err.message, data: (err as Error & { data?: unknown }).data });
      });
    });
  }

  it('refuses the sixth socket with TOO_MANY_CONNECTIONS and admits one again after a disconnect', async () => {
    const opened = await openSession(capped.server, { mid: 'm1', uid: 'v' });
    const five = await Promise.all(Array.from({ length: 5 }, () => connectSession(capped.server, opened)));
    capped.clients.push(...five);
    const sixth = await handshake(opened);
    expect(sixth.code).toBe('TOO_MANY_CONNECTIONS');
    expect(sixth.data).toMatchObject({ code: 'TOO_MANY_CONNECTIONS', message: expect.stringContaining('5') });
    // Someone else in the meeting is not affected.
    expect((await handshake(await openSession(capped.server, { mid: 'm1', uid: 'w' }))).code).toBe('connected');
    five[0]!.socket.disconnect();
    await waitFor(
      async () => (await handshake(opened)).code === 'connected',
      5000,
      'a socket admitted after a disconnect',
    );
  });
});
