/**
 * `npm run bench`: N socket.io clients in one meeting each vote once within a spread; measures the
 * final-tally latency, ack latency, server CPU/RSS and tally traffic with tally coalescing on and
 * off, each against a fresh server child. Prints numbers; asserts nothing.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseBenchArgs, type BenchArgs } from './args';
import { bundleServerChild } from './child-bundle';
import { connectClient, connectVoters, disconnectAll, type BenchClient, type Phase } from './clients';
import { summarize, type Figures } from './figures';
import { cpuSeconds, peakRssMb, rssMb } from './proc-stats';
import { PhaseProfiler } from './profiler';
import { printReport, printRunLine, type ModeResult } from './report';
import { killAllServers, startServer, type ServerChild } from './server-process';
import { launchPoll, runVotingPhase } from './voting-phase';

interface Mode {
  label: string;
  slug: string;
  windowMs: number;
}

const MODES: [Mode, Mode] = [
  { label: 'coalesced (50 ms)', slug: 'coalesced', windowMs: 50 },
  { label: 'per-vote (0 ms)', slug: 'per-vote', windowMs: 0 },
];
const MEETING_ID = 'bench-meeting';
/** How long after the spread to wait for stragglers before reporting what arrived. */
const TIMEOUT_AFTER_SPREAD_MS = 30_000;
/** A pause after connecting so setup work (snapshots, GC) does not leak into the measured phase. */
const SETTLE_MS = 500;

/** Host + poll + voters, all connected and holding their snapshot. */
async function setUp(url: string, args: BenchArgs, clients: BenchClient[]) {
  const phase: Phase = { finalTurnout: Infinity, onProgress: () => {} };
  const host = await connectClient(url, { mid: MEETING_ID, uid: 'bench-host', role: 'host' }, phase);
  clients.push(host);
  const pollId = await launchPoll(host);
  const voters = await connectVoters(url, MEETING_ID, args.voters, args.batchSize, phase);
  clients.push(...voters);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { phase, pollId, voters };
}

/** Profiles both processes over the phase; `stop` writes them and prints the top frames. */
async function startProfiles(server: ServerChild, dir: string) {
  const local = new PhaseProfiler();
  await server.request({ type: 'profile-start' });
  await local.start();
  return async (name: string) => {
    mkdirSync(dir, { recursive: true });
    const generator = await local.stop(join(dir, `${name}-generator.cpuprofile`));
    const { top } = await server.request({ type: 'profile-stop', path: join(dir, `${name}-server.cpuprofile`) });
    console.log(`  ${name}: server self time\n${top.join('\n')}\n  ${name}: load generator self time\n${generator.join('\n')}`);
  };
}

/** One mode against a fresh server: connect everyone, then measure only the voting phase. */
async function measure(entry: string, mode: Mode, args: BenchArgs, run: number): Promise<Figures> {
  const server = await startServer(entry, mode.windowMs);
  const clients: BenchClient[] = [];
  try {
    const { phase, pollId, voters } = await setUp(server.url, args, clients);
    const stopProfiles = args.profileDir ? await startProfiles(server, args.profileDir) : undefined;
    const rssBeforeMb = rssMb(server.pid);
    const cpuBefore = cpuSeconds(server.pid);
    await server.request({ type: 'phase-start', finalTurnout: voters.length });
    const options = { spreadMs: args.spreadMs, seed: run, timeoutMs: TIMEOUT_AFTER_SPREAD_MS };
    const outcome = await runVotingPhase(voters, clients, phase, pollId, options);
    const cpuSec = cpuSeconds(server.pid) - cpuBefore;
    const { type: _, ...ended } = await server.request({ type: 'phase-end' });
    await stopProfiles?.(`${mode.slug}-run${run}`);
    if (!outcome.complete) console.warn(`  ${mode.label}: timed out; reporting what arrived`);
    return summarize(voters, clients, outcome, { ...ended, cpuSec, rssBeforeMb, peakRssMb: peakRssMb(server.pid) });
  } finally {
    disconnectAll(clients);
    await server.stop();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  console.log(
    `Quorum vote benchmark: ${args.voters} voters in one meeting, one ballot each within ${args.spreadMs} ms, ` +
      `${args.runs} run(s)\nNode ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)} ` +
      `(other work on the machine skews every figure; see 'other CPU' below), loopback, websocket transport`,
  );
  const entry = await bundleServerChild();
  if (args.profileDir) console.log(`Profiling into ${args.profileDir} (the profiler itself slows both processes)`);
  const results: [ModeResult, ModeResult] = [
    { label: MODES[0].label, runs: [] },
    { label: MODES[1].label, runs: [] },
  ];
  for (let run = 1; run <= args.runs; run++) {
    for (const [i, mode] of MODES.entries()) {
      const figures = await measure(entry, mode, args, run);
      printRunLine(mode.label, run, figures);
      results[i]!.runs.push(figures);
    }
  }
  printReport(results);
}

// Whatever happens, no server child outlives the benchmark.
process.on('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
