/**
 * Compares the two socket.io Redis adapters between two socket.io servers (A publishes, B's sockets
 * and handlers receive) on a private redis-server: server-side emit latency and burst throughput,
 * room broadcast latency to B's clients, and what survives a 1 s cut of B's Redis connections.
 * `npm run bench -- --scenario adapters` (or `tsx server/bench/adapter-bench.ts`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter as createPubSubAdapter } from '@socket.io/redis-adapter';
import { createAdapter as createStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { startOwnRedis } from '../test/support/redis-server';
import { startTcpProxy, type TcpProxy } from '../test/support/tcp-proxy';
import { percentile } from './stats';

type AdapterKind = 'redis-adapter' | 'redis-streams-adapter';

interface Node {
  io: Server;
  url: string;
  redis: Redis[];
}

/** One socket.io server whose adapter talks to Redis at `port`. */
async function startNode(kind: AdapterKind, port: number): Promise<Node> {
  const http = createServer();
  const io = new Server(http);
  const pub = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
  const redis = [pub];
  pub.on('error', () => undefined); // outages are part of the measurement
  if (kind === 'redis-adapter') {
    const sub = pub.duplicate();
    redis.push(sub);
    sub.on('error', () => undefined);
    io.adapter(createPubSubAdapter(pub, sub));
  } else {
    io.adapter(createStreamsAdapter(pub));
  }
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, redis };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `count` server-side emits, one every `gapMs` (0 = back to back), and times their arrival at B. */
async function serverSideEmits(a: Node, b: Node, count: number, gapMs: number) {
  const latencies: number[] = [];
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  b.io.on('bench:ping', (sentAt: number) => {
    latencies.push(performance.now() - sentAt);
    if (latencies.length === count) done();
  });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    a.io.serverSideEmit('bench:ping', performance.now());
    if (gapMs > 0) await sleep(gapMs);
  }
  await Promise.race([all, sleep(10_000)]);
  const elapsed = performance.now() - started;
  b.io.removeAllListeners('bench:ping');
  return { latencies, elapsed };
}

/** `clients` sockets on B in room 'r'; A broadcasts `count` times; latency per received message. */
async function roomBroadcasts(a: Node, b: Node, sockets: Socket[], count: number, gapMs: number) {
  const latencies: number[] = [];
  const onTick = (sentAt: number) => latencies.push(performance.now() - sentAt);
  sockets.forEach((s) => s.on('tick', onTick));
  for (let i = 0; i < count; i++) {
    a.io.to('r').emit('tick', performance.now());
    await sleep(gapMs);
  }
  await sleep(500);
  sockets.forEach((s) => s.off('tick', onTick));
  return latencies;
}

/** While A sends 50 emits/s of each kind for 3 s, B's Redis connections are cut for 1 s. */
async function outage(a: Node, b: Node, proxy: TcpProxy, sockets: Socket[]) {
  let emitsIn = 0;
  let ticksIn = 0;
  b.io.on('bench:seq', () => emitsIn++);
  sockets[0]!.on('seq', () => ticksIn++);
  const sent = 150;
  for (let i = 0; i < sent; i++) {
    if (i === 50) proxy.cut();
    if (i === 100) proxy.restore();
    a.io.serverSideEmit('bench:seq', i);
    a.io.to('r').emit('seq', i);
    await sleep(20);
  }
  await sleep(3_000);
  return { sent, emitsIn, ticksIn };
}

const ms = (values: number[], p: number) => `${percentile(values, p).toFixed(2)} ms`;

/** Runs every measurement for one adapter against a fresh private Redis. */
async function measure(kind: AdapterKind, clients: number) {
  const redis = await startOwnRedis();
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: redis.port });
  const a = await startNode(kind, redis.port);
  const b = await startNode(kind, proxy.port);
  b.io.on('connection', (s) => void s.join('r'));
  const sockets = await Promise.all(
    Array.from({ length: clients }, () => {
      const s = connect(b.url, { transports: ['websocket'], forceNew: true });
      return new Promise<Socket>((resolve) => s.once('connect', () => resolve(s)));
    }),
  );
  await sleep(1_000); // both adapters subscribed and reading
  try {
    const paced = await serverSideEmits(a, b, 1_000, 2);
    const burst = await serverSideEmits(a, b, 20_000, 0);
    const rooms = await roomBroadcasts(a, b, sockets, 40, 25);
    const rejectionsBefore = unhandled;
    const cut = await outage(a, b, proxy, sockets);
    console.log(
      `${kind.padEnd(22)} server-side emit p50 ${ms(paced.latencies, 50)}, p99 ${ms(paced.latencies, 99)}; ` +
        `burst ${Math.round((burst.latencies.length / burst.elapsed) * 1000)} msg/s (${burst.latencies.length}/20000 in ${burst.elapsed.toFixed(0)} ms)\n` +
        `${''.padEnd(22)} room broadcast to ${clients} sockets on B p50 ${ms(rooms, 50)}, p99 ${ms(rooms, 99)}; ` +
        `1 s cut of B's Redis link: server-side emits ${cut.emitsIn}/${cut.sent}, room broadcasts ${cut.ticksIn}/${cut.sent} delivered; ` +
        `unhandled rejections ${unhandled - rejectionsBefore} (each would end a server process)`,
    );
  } finally {
    sockets.forEach((s) => s.disconnect());
    for (const node of [a, b]) {
      await new Promise<void>((resolve) => node.io.close(() => resolve()));
      node.redis.forEach((r) => r.disconnect());
    }
    await proxy.close();
    await redis.stop();
  }
}

let unhandled = 0;

/** Both adapters, one after the other. */
export async function runAdapterBench(clients = 200): Promise<void> {
  // Counted, not fatal: an adapter that leaks a rejected promise during an outage is what we look for.
  const count = () => void unhandled++;
  process.on('unhandledRejection', count);
  console.log(`socket.io Redis adapters, two servers in one process, private redis-server, ${clients} sockets on B`);
  for (const kind of ['redis-adapter', 'redis-streams-adapter'] as const) await measure(kind, clients);
  process.off('unhandledRejection', count);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAdapterBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
