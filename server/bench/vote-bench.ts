/**
 * `npm run bench`: N socket.io clients in one meeting each vote once within a spread; measures the
 * final-tally latency, ack latency, server CPU/RSS and tally traffic with tally coalescing on and
 * off, each against a fresh server child. Prints numbers; asserts nothing.
 */
import { parseBenchArgs, type BenchArgs } from './args';
import { connectClient, connectVoters, disconnectAll, type BenchClient, type Phase } from './clients';
import { summarize, type Figures } from './figures';
import { cpuSeconds, peakRssMb } from './proc-stats';
import { printReport, printRunLine, type ModeResult } from './report';
import { killAllServers, startServer } from './server-process';
import { launchPoll, runVotingPhase } from './voting-phase';

interface Mode {
  label: string;
  windowMs: number;
}

const MODES: [Mode, Mode] = [
  { label: 'coalesced (50 ms)', windowMs: 50 },
  { label: 'per-vote (0 ms)', windowMs: 0 },
];
const MEETING_ID = 'bench-meeting';
/** How long after the spread to wait for stragglers before reporting what arrived. */
const TIMEOUT_AFTER_SPREAD_MS = 30_000;
/** A pause after connecting so setup work (snapshots, GC) does not leak into the measured phase. */
const SETTLE_MS = 500;

/** One mode against a fresh server: connect everyone, then measure only the voting phase. */
async function measure(mode: Mode, args: BenchArgs, seed: number): Promise<Figures> {
  const server = await startServer(mode.windowMs);
  const phase: Phase = { finalTurnout: Infinity, onProgress: () => {} };
  const clients: BenchClient[] = [];
  try {
    const host = await connectClient(server.url, { mid: MEETING_ID, uid: 'bench-host', role: 'host' }, phase);
    clients.push(host);
    const pollId = await launchPoll(host);
    const voters = await connectVoters(server.url, MEETING_ID, args.voters, args.batchSize, phase);
    clients.push(...voters);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const before = { cpu: cpuSeconds(server.pid), counters: await server.counters() };
    const outcome = await runVotingPhase(voters, clients, phase, pollId, {
      spreadMs: args.spreadMs,
      seed,
      timeoutMs: TIMEOUT_AFTER_SPREAD_MS,
    });
    const cpuSec = cpuSeconds(server.pid) - before.cpu;
    const counters = await server.counters();
    if (!outcome.complete) console.warn(`  ${mode.label}: timed out; reporting what arrived`);
    return summarize(voters, clients, outcome, {
      cpuSec,
      peakRssMb: peakRssMb(server.pid),
      tallyBroadcasts: counters.tallyBroadcasts - before.counters.tallyBroadcasts,
    });
  } finally {
    disconnectAll(clients);
    await server.stop();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  console.log(
    `Quorum vote benchmark: ${args.voters} voters in one meeting, one ballot each within ${args.spreadMs} ms, ` +
      `${args.runs} run(s); Node ${process.version}, loopback, websocket transport`,
  );
  const results: [ModeResult, ModeResult] = [
    { label: MODES[0].label, runs: [] },
    { label: MODES[1].label, runs: [] },
  ];
  for (let run = 1; run <= args.runs; run++) {
    for (const [i, mode] of MODES.entries()) {
      const figures = await measure(mode, args, run);
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
