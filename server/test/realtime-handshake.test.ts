import { PROTOCOL_VERSION } from '@quorum/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { connectSession, launch, openSession, useTestServer, vote, type ClientSocket } from './support/harness';

const ctx = useTestServer();
const FOREIGN = 'https://evil.example';

/** Opens a raw socket.io client and resolves with its connect_error, or 'connected'. */
function attempt(opts: {
  origin?: string;
  token?: string;
  cookie?: string;
  transport?: 'websocket' | 'polling';
}): Promise<Error | 'connected'> {
  const headers: Record<string, string> = {
    ...(opts.origin ? { origin: opts.origin } : {}),
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
  };
  const socket: ClientSocket = io(ctx.server.url, {
    transports: [opts.transport ?? 'websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION, ...(opts.token ? { token: opts.token } : {}) },
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.disconnect();
      resolve(error);
    });
  });
}

const pollingHandshake = (origin?: string, sid?: string) =>
  fetch(`${ctx.server.url}/socket.io/?EIO=4&transport=polling${sid ? `&sid=${sid}` : ''}`, {
    headers: origin ? { origin } : {},
  });

describe('realtime handshake (cross-site WebSocket hijack)', () => {
  it('refuses a WebSocket and a polling handshake from a foreign Origin, even with a valid token', async () => {
    const host = await openSession(ctx.server, { mid: 'm1', uid: 'h', role: 'host' });
    for (const transport of ['websocket', 'polling'] as const) {
      const result = await attempt({ origin: FOREIGN, token: host.token, cookie: host.cookie, transport });
      expect(result, transport).toBeInstanceOf(Error);
    }
    const refused = await pollingHandshake(FOREIGN);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: 'FORBIDDEN', message: expect.stringContaining(FOREIGN) as string },
    });
  });

  it('refuses polling requests of an open engine session from a foreign Origin', async () => {
    const opened = await pollingHandshake();
    expect(opened.status).toBe(200);
    const sid = /"sid":"([^"]+)"/.exec(await opened.text())?.[1];
    expect(sid).toBeTruthy();
    const hijacked = await pollingHandshake(FOREIGN, sid);
    expect(hijacked.status).toBe(403);
    expect(await hijacked.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('refuses a socket that brings only the cookie, saying the token is needed', async () => {
    const host = await openSession(ctx.server, { mid: 'm1', uid: 'h', role: 'host' });
    const result = await attempt({ origin: new URL(ctx.server.url).origin, cookie: host.cookie });
    expect(result).toBeInstanceOf(Error);
    const error = result as Error & { data?: { code: string; message: string } };
    expect(error.message).toBe('UNAUTHENTICATED');
    expect(error.data).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining('token') as string });
  });

  it('accepts the app’s own Origin with the token (the real client’s path) on both transports', async () => {
    const host = await openSession(ctx.server, { mid: 'm1', uid: 'h', role: 'host' });
    for (const transport of ['websocket', 'polling'] as const) {
      expect(
        await attempt({ origin: new URL(ctx.server.url).origin, token: host.token, cookie: host.cookie, transport }),
        transport,
      ).toBe('connected');
    }
  });
});

describe('memory per connection', () => {
  it('keeps no upgrade request once a socket is connected, and the socket works on either transport', async () => {
    const host = await connectSession(
      ctx.server,
      await openSession(ctx.server, { mid: 'mem', uid: 'h', role: 'host' }),
    );
    // Polling first, then the upgrade to a WebSocket (a client whose WebSocket is slow to open).
    const voter = await connectSession(
      ctx.server,
      await openSession(ctx.server, { mid: 'mem', uid: 'v', role: 'participant' }),
      { transports: ['polling', 'websocket'] },
    );
    const engine = voter.socket.io.engine;
    if (engine.transport.name !== 'websocket') await new Promise((resolve) => engine.once('upgrade', resolve));
    const pollId = await launch(host);
    await expect(vote(voter, pollId, 'a')).resolves.toMatchObject({ ok: true });
    await host.waitForTally(pollId, (t) => t.turnout === 1);
    const kept = [...ctx.server.app.io.of('/').sockets.values()].map((s) => s.conn.request);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.every((request) => request === null)).toBe(true);
    host.socket.disconnect();
    voter.socket.disconnect();
  });
});

describe('identity with one cookie jar for several panes (the simulator, or frames under one page)', () => {
  it('takes each socket’s identity from its own token, never from the cookie another pane set last', async () => {
    const hostSession = await openSession(ctx.server, { mid: 'm1', uid: 'h', role: 'host' });
    // The participant's pane signed in last, so the shared jar now holds the participant's cookie.
    const participantSession = await openSession(ctx.server, { mid: 'm1', uid: 'p' });
    const host = await connectSession(ctx.server, hostSession, { jarCookie: participantSession.cookie });
    ctx.clients.push(host);
    expect(host.snapshot.session).toMatchObject({ voterId: hostSession.session.voterId, role: 'host' });
    const pollId = await launch(host);
    const participant = await connectSession(ctx.server, participantSession, { jarCookie: hostSession.cookie });
    ctx.clients.push(participant);
    expect((await vote(participant, pollId, 'a')).ok).toBe(true);
    const tally = await host.waitForTally(pollId, (t) => t.turnout === 1);
    expect(tally.questions?.q1).toMatchObject({ counts: { a: 1 } });
    expect(participant.snapshot.session.role).toBe('participant');
    // The host pane's token went stale (a restart, a long sleep): it is refused, so the pane renews its own
    // session, instead of becoming whoever set the jar's cookie last.
    const stale = await attempt({ token: `${hostSession.token}x`, cookie: participantSession.cookie });
    expect(stale).toMatchObject({ message: 'UNAUTHENTICATED' });
  });

  it('lets the bearer win over a cookie that disagrees, and refuses a bad bearer instead of falling back to the cookie', async () => {
    const hostSession = await openSession(ctx.server, { mid: 'm1', uid: 'h', role: 'host' });
    const participantSession = await openSession(ctx.server, { mid: 'm1', uid: 'p' });
    const whoAmI = (headers: Record<string, string>) => fetch(`${ctx.server.url}/api/session`, { headers });
    const both = await whoAmI({ authorization: `Bearer ${participantSession.token}`, cookie: hostSession.cookie });
    expect(both.status).toBe(200);
    expect(await both.json()).toMatchObject({ voterId: participantSession.session.voterId, role: 'participant' });
    // An expired or broken token (the pane's own credential) must not turn into the host's cookie.
    const stale = await whoAmI({ authorization: 'Bearer expired.or.broken', cookie: hostSession.cookie });
    expect(stale.status).toBe(401);
    const cookieOnly = await whoAmI({ cookie: hostSession.cookie });
    expect(await cookieOnly.json()).toMatchObject({ voterId: hostSession.session.voterId });
  });
});
