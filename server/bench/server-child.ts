/**
 * The server as the benchmark runs it: main.ts's wiring (loadConfig → buildApp → listen) with what a
 * benchmark needs on top. It may set the tally window to 0 (per-vote broadcast), which the config
 * schema refuses; it timestamps ballots and broadcasts itself; it answers requests over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { BENCH_WINDOW_ENV, type ChildMessage, type ParentMessage } from './ipc';
import { PhaseProfiler } from './profiler';
import { ServerProbe } from './server-probe';

const send = (message: ChildMessage): void => void process.send?.(message);

async function start(): Promise<void> {
  const base = loadConfig();
  const window = Number(process.env[BENCH_WINDOW_ENV] ?? base.tallyWindowMs);
  const app = await buildApp({ ...base, tallyWindowMs: window });
  // Port 0 and report the real one: no race with another process grabbing a pre-picked port.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  process.on('message', answerer(app));

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

function answerer(app: FastifyInstance) {
  // How long ready work waits for the loop: the server-side share of every latency measured.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const probe = new ServerProbe(app);
  const profiler = new PhaseProfiler();
  let broadcastsBefore = 0;
  return async (message: ParentMessage) => {
    const { publisher } = app.realtime;
    switch (message.type) {
      case 'phase-start':
        probe.reset(message.finalTurnout);
        loop.reset();
        broadcastsBefore = publisher.sent.tally;
        return send({ type: 'phase-started' });
      case 'phase-end': {
        const { rateLimited, internalErrors } = app.realtime.metrics;
        const [loopDelayP99Ms, loopDelayMaxMs] = [loop.percentile(99) / 1e6, loop.max / 1e6];
        const tallyBroadcasts = publisher.sent.tally - broadcastsBefore;
        return send({
          type: 'phase-ended',
          ...probe.report(),
          tallyBroadcasts,
          rateLimited,
          internalErrors,
          loopDelayP99Ms,
          loopDelayMaxMs,
        });
      }
      case 'profile-start':
        await profiler.start();
        return send({ type: 'profile-started' });
      case 'profile-stop':
        return send({ type: 'profile-saved', top: await profiler.stop(message.path) });
    }
  };
}

start().catch((error: unknown) => {
  console.error('bench server failed:', error);
  process.exit(1);
});
