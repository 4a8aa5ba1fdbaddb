// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@quorum/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSocketLink } from './socket-link';
import type { ConnectionStatus } from './realtime-link';

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
    const notice = 'Quorum was removed from your Zoom account, so this session has ended. To use it again, add Quorum in Zoom and reopen it.';
    expect(seen.at(-1)).toEqual(['offline', notice]);
    link.reconnect();
    expect(seen.at(-1)).toEqual(['offline', notice]);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.connections()).toBe(1);
    expect(renewSession).not.toHaveBeenCalled();
    link.close();
  });
});
