/**
 * `npm run bench`: socket.io voters (and the raw ws floor's voters) each vote once within a spread;
 * measures the final-tally latency, ack latency, server CPU/RSS and tally traffic for each selected
 * configuration, each against fresh server processes. Prints numbers; asserts nothing.
 * Flags select the scenario and configurations (see args.ts and BENCHMARKS.md).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { runAbuseBench } from './abuse-bench';
import { runAdapterBench } from './adapter-bench';
import { runJoinStorm } from './join-storm';
import { runQaBench } from './qa-bench';
import { parseBenchArgs, type BenchArgs } from './args';
import { CONFIG_LABELS, measureEach, startTarget } from './bench-targets';
import { bundleServerChild, type ChildBundles } from './child-bundle';
import { printIdleReport, printReport, printRunLine, type ModeResult } from './report';
import { measureIdle, measureVoting } from './scenario-run';
import { killAllServers } from './server-process';

/** The open-files limit of this process: every client socket is a descriptor here, and one in a server. */
function openFilesLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s+/)[3] ?? NaN);
}

function describeRun(args: BenchArgs): string {
  const crowd = `${args.meetings} meeting(s) x ${args.voters} voters`;
  if (args.scenario === 'idle') return `idle connections: ${crowd}, no voting`;
  if (args.scenario === 'join-storm')
    return `join storm: ${crowd}, every voter starting to connect within ${args.spreadMs} ms`;
  if (args.scenario === 'qa')
    return `audience Q&A: ${args.voters} participants, 50 questions, 5 upvotes each within ${args.spreadMs} ms`;
  const joining = args.joiners > 0 ? `, ${args.joiners} more joining meanwhile` : '';
  return `${args.scenario}: ${crowd}, one ballot each within ${args.spreadMs} ms${joining}, ${args.runs} run(s)`;
}

async function votingScenario(args: BenchArgs, bundles: ChildBundles): Promise<void> {
  const results: ModeResult[] = args.configs.map((config) => ({ config, label: CONFIG_LABELS[config], runs: [] }));
  for (let run = 1; run <= args.runs; run++) {
    for (const result of results) {
      const target = await startTarget(result.config, bundles);
      try {
        const figures = await measureVoting(target, args, run);
        printRunLine(result.label, run, figures);
        result.runs.push(figures);
      } finally {
        await target.stop();
      }
    }
  }
  printReport(results, args.voters);
}

async function idleScenario(args: BenchArgs, bundles: ChildBundles): Promise<void> {
  const rows = await measureEach(args.configs, bundles, (target) => measureIdle(target, args));
  printIdleReport(rows.map(({ label, config, f }) => ({ label, config, figures: f })));
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.scenario === 'adapters') return runAdapterBench(args.voters);
  console.log(
    `Quorum benchmark, ${describeRun(args)}; configurations: ${args.configs.join(', ')}\n` +
      `Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)} ` +
      `(other work on the machine skews every figure; see 'other CPU' below), loopback, websocket transport, join: ${args.join}`,
  );
  const clients = args.meetings * (args.voters + 1);
  // Node cannot raise its own limit: say so before thousands of connects fail one by one.
  if (openFilesLimit() < clients + 1_000)
    console.warn(`open files limit ${openFilesLimit()} < ${clients + 1_000}: run 'ulimit -n 65536' first`);
  const bundles = await bundleServerChild();
  if (args.scenario === 'abuse') return runAbuseBench(args, bundles);
  if (args.scenario === 'join-storm') return runJoinStorm(args, bundles);
  if (args.scenario === 'qa') return runQaBench(args, bundles);
  if (args.profileDir) console.log(`Profiling into ${args.profileDir} (the profiler itself slows both processes)`);
  await (args.scenario === 'idle' ? idleScenario(args, bundles) : votingScenario(args, bundles));
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
