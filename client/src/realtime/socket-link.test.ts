// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_SOCKET_MESSAGE_BYTES,
  type ClientToServerEvents,
  type PollDraftInput,
  type ServerToClientEvents,
} from '@quorum/shared';
import { createSocketLink } from './socket-link';
import { TransportError, type ConnectionStatus } from './realtime-link';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** A real socket.io server on an ephemeral port that revokes every session as soon as it connects. */
async function revokingServer() {
  const http = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http);
  let connections = 0;
  io.on('connection', (socket) => {
    connections += 1;
    socket.emit('session:revoked', { reason: 'deauthorized' });
    socket.disconnect(true);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  close = () => new Promise<void>((resolve) => void io.close(() => resolve()));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, connections: () => connections };
}

describe('socket link: session:revoked', () => {
  it('says the app was removed from the Zoom account, stays offline, and never renews or reconnects', async () => {
    const server = await revokingServer();
    const renewSession = vi.fn(async () => true);
    const link = createSocketLink({ url: server.url, getToken: () => 'token', renewSession });
    const seen: [ConnectionStatus, string | undefined][] = [];
    link.onStatus((status, detail) => void seen.push([status, detail]));
    link.connect();
    await vi.waitFor(() => expect(seen.at(-1)?.[0]).toBe('offline'));
    const notice =
      'Quorum was removed from your Zoom account, so this session has ended. To use it again, add Quorum in Zoom and reopen it.';
    expect(seen.at(-1)).toEqual(['offline', notice]);
    link.reconnect();
    expect(seen.at(-1)).toEqual(['offline', notice]);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.connections()).toBe(1);
    expect(renewSession).not.toHaveBeenCalled();
    link.close();
  });
});

/** A valid-looking draft of about `kb` KB: 20 questions of long labels. */
const bigDraft = (kb: number): PollDraftInput => ({
  title: 'Big',
  questions: Array.from({ length: 20 }, (_, q) => ({
    id: `q${q}`,
    kind: 'single' as const,
    prompt: 'p'.repeat(300),
    options: Array.from({ length: 20 }, (_, o) => ({
      id: `o${o}`,
      label: 'ラ'.repeat(Math.ceil((kb * 1024) / 20 / 20 / 3)),
    })),
  })),
  settings: { anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
});

describe('socket link: messages over the frame limit', () => {
  // Never connected: the size check comes before anything touches the network.
  const link = () =>
    createSocketLink({ getToken: () => null, renewSession: async () => false, url: 'http://127.0.0.1:9' });

  it('refuses a request larger than the server reads with INVALID naming the limit, instead of losing the connection', async () => {
    const answer = await link().request('poll:create', bigDraft(100));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining(`${MAX_SOCKET_MESSAGE_BYTES / 1024} KB`) },
    });
  });

  it('sends a request within the limit as usual (here: offline, so a transport error)', async () => {
    await expect(link().request('poll:create', bigDraft(20))).rejects.toBeInstanceOf(TransportError);
  });
});

describe('socket link: a handshake refused for too many connections', () => {
  it('says so in words instead of the bare code', async () => {
    // Refuses every handshake the way the server's socket cap does (see server/test/voter-limits.test.ts).
    const http = createServer();
    const io = new Server(http);
    io.use((_socket, next) => next(new Error('TOO_MANY_CONNECTIONS')));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const link = createSocketLink({ getToken: () => 't', renewSession: async () => false, url });
    try {
      const offline = new Promise<string | undefined>((resolve) =>
        link.onStatus((status, detail) => status === 'offline' && resolve(detail)),
      );
      link.connect();
      expect(await offline).toMatch(/too many windows/);
    } finally {
      link.close();
      await new Promise((resolve) => io.close(resolve));
    }
  });
});

describe('socket link: the server ends the session', () => {
  it('renews the session and connects again once the server has hung up', async () => {
    // Ends the first connection as the server's session guard does (see server/test/live-session.test.ts).
    const http = createServer();
    const io = new Server(http);
    let connections = 0;
    io.on('connection', (socket) => {
      connections += 1;
      if (connections > 1) return;
      socket.emit('session:ended', { code: 'SESSION_EXPIRED', message: 'expired' });
      setImmediate(() => socket.disconnect(true));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    let renewals = 0;
    const link = createSocketLink({ getToken: () => 't', renewSession: async () => (renewals += 1) > 0, url });
    try {
      const backOnline = new Promise<void>((resolve) =>
        link.onStatus((status) => status === 'online' && connections === 2 && resolve()),
      );
      link.connect();
      await backOnline;
      expect(renewals).toBe(1);
    } finally {
      link.close();
      await new Promise((resolve) => io.close(resolve));
    }
  });
});
