/**
 * The server as the benchmark runs it: main.ts's wiring (loadConfig → buildApp → listen) with two
 * differences a benchmark needs. It may set the tally window to 0 (per-vote broadcast), which the
 * config schema refuses, and it reports its port and the publisher's counters over IPC.
 */
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { BENCH_WINDOW_ENV, type ChildMessage, type ParentMessage } from './ipc';

const send = (message: ChildMessage): void => void process.send?.(message);

async function start(): Promise<void> {
  const base = loadConfig();
  const window = Number(process.env[BENCH_WINDOW_ENV] ?? base.tallyWindowMs);
  const app = await buildApp({ ...base, tallyWindowMs: window });
  // Port 0 and report the real one: no race with another process grabbing a pre-picked port.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');

  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'counters') return;
    const { sent } = app.realtime.publisher;
    const { rateLimited, internalErrors } = app.realtime.metrics;
    send({ type: 'counters', tallyBroadcasts: sent.tally, pollBroadcasts: sent.poll, rateLimited, internalErrors });
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  // An orphan must not outlive the benchmark: the IPC channel closes when the parent dies.
  process.on('disconnect', stop);
  send({ type: 'ready', port: address.port });
}

start().catch((error: unknown) => {
  console.error('bench server failed:', error);
  process.exit(1);
});
