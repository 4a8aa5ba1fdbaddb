import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { QuestionClock } from './question-clock';
import { probeRtt } from './rtt-probe';
import type { QuorumServer, QuorumSocket } from './types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('probeRtt', () => {
  let close: () => Promise<void> = async () => undefined;
  afterEach(() => close());

  it('measures the round trip from engine.io’s heartbeat, with no timer of its own, and forgets the socket on disconnect', async () => {
    const http = createServer();
    // A short heartbeat so the test sees several; production keeps socket.io's default.
    const io = new Server(http, { pingInterval: 60, pingTimeout: 1_000 }) as QuorumServer;
    const clock = new QuestionClock();
    const connected = new Promise<QuorumSocket>((resolve) =>
      io.on('connection', (socket) => (probeRtt(socket, clock), resolve(socket))),
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    close = () => new Promise<void>((resolve) => io.close(() => resolve()));
    // This client never answers `time:ping`: any latency the clock gets comes from the heartbeat.
    const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
    const socket = await connected;
    expect(clock.rtt(socket.id)).toBeUndefined();
    while (clock.rtt(socket.id) === undefined) await sleep(20);
    expect(clock.rtt(socket.id)).toBeGreaterThanOrEqual(0);
    client.disconnect();
    while (io.of('/').sockets.size > 0) await sleep(10);
    expect(clock.rtt(socket.id)).toBeUndefined();
  });
});
