import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PollTally } from '@quorum/shared';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emitInSlices, flushFanouts, SLICE_SIZE } from './sliced-emit';
import type { QuorumServer } from './types';

const CLIENTS = 2 * SLICE_SIZE + 50; // three slices
const ROOM = 'm:test';

/** A stand-in tally: only the version and which poll it belongs to matter to these tests. */
const tally = (pollId: string, version: number) => ({ pollId, version }) as unknown as PollTally;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('emitInSlices over real sockets', () => {
  let http: HttpServer;
  let io: QuorumServer;
  let clients: Socket[];
  let received: Map<Socket, string[]>;

  beforeAll(async () => {
    http = createServer();
    io = new Server(http) as QuorumServer;
    io.on('connection', (socket) => void socket.join(ROOM));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    clients = await Promise.all(
      Array.from({ length: CLIENTS }, () => {
        const socket = connect(url, { transports: ['websocket'], forceNew: true });
        return new Promise<Socket>((resolve) => socket.once('connect', () => resolve(socket)));
      }),
    );
    while ((io.of('/').adapter.rooms.get(ROOM)?.size ?? 0) < CLIENTS) await sleep(10);
    for (const c of clients) c.on('poll:tally', (t: PollTally) => received.get(c)!.push(`${t.pollId}@${t.version}`));
  }, 30_000);
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });
  beforeEach(() => {
    received = new Map(clients.map((c) => [c, []]));
  });

  /** Waits until every client's last message is `last`, then a little longer for strays. */
  const settled = async (last: string) => {
    while (![...received.values()].every((r) => r.at(-1) === last)) await sleep(10);
    await sleep(100);
    return [...received.values()];
  };

  it('without a key, sends every payload to every socket', async () => {
    for (const v of [1, 2, 3]) emitInSlices(io, { room: ROOM }, 'poll:tally', tally('p', v));
    const all = await settled('p@3');
    for (const r of all) expect(r).toEqual(['p@1', 'p@2', 'p@3']);
  });

  it('with a key, a newer payload replaces one not yet sent: nobody gets a stale version', async () => {
    const latest = { room: ROOM, supersede: 'tally:p' };
    // Nothing leaves synchronously: every slice goes from the server's fan-out queue.
    for (const v of [1, 2, 3]) emitInSlices(io, latest, 'poll:tally', tally('p', v));
    const all = await settled('p@3');
    for (const r of all) expect(r).toEqual(['p@3']);
  });

  it('with a key, a newer payload overtakes the pass under way: the slice it reached gets the newest once more', async () => {
    let slices = 0;
    const latest = {
      room: ROOM,
      supersede: 'tally:p',
      // Version 2 arrives right after the first slice of version 1 left.
      onSent: () => void (++slices === 1 && emitInSlices(io, latest, 'poll:tally', tally('p', 2))),
    };
    emitInSlices(io, latest, 'poll:tally', tally('p', 1));
    const all = await settled('p@2');
    expect(all.filter((r) => r.length === 2 && r[0] === 'p@1')).toHaveLength(SLICE_SIZE);
    expect(all.filter((r) => r.length === 1)).toHaveLength(CLIENTS - SLICE_SIZE);
  });

  it('flushFanouts sends everything queued at once (a graceful shutdown)', async () => {
    for (const v of [1, 2]) emitInSlices(io, { room: ROOM }, 'poll:tally', tally('f', v));
    flushFanouts(io);
    for (const r of await settled('f@2')) expect(r).toEqual(['f@1', 'f@2']);
  });

  it('keeps different keys apart: one poll never overtakes another', async () => {
    emitInSlices(io, { room: ROOM, supersede: 'tally:a' }, 'poll:tally', tally('a', 1));
    emitInSlices(io, { room: ROOM, supersede: 'tally:b' }, 'poll:tally', tally('b', 1));
    await settled('b@1');
    while (![...received.values()].every((r) => r.includes('a@1'))) await sleep(10);
    for (const r of received.values()) expect([...r].sort()).toEqual(['a@1', 'b@1']);
  });
});
