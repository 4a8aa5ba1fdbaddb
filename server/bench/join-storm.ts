import type { BenchArgs } from './args';
import { measureEach, type BenchTarget } from './bench-targets';
import type { ChildBundles } from './child-bundle';
import { connectClient, connectRawClient, disconnectAll, stormJoin, type BenchClient } from './clients';
import { cpuSeconds, peakRssMb } from './proc-stats';
import { hostsAndPolls, startProfiles, sum, voterSpecs } from './scenario-run';
import { printFloorTable } from './report';
import { percentile } from './stats';

/** What a crowd joining at once costs a target. */
export interface JoinStormFigures {
  joined: number;
  failed: number;
  /** First connect started → last client ready (Quorum: holding its snapshot; the floor: socket open). */
  allReadySec: number;
  /** Per client: its connect started → ready. */
  readyP50Ms: number;
  readyP99Ms: number;
  cpuSec: number;
  peakRssMb: number;
}

/**
 * A join storm: every voter starts connecting at an evenly spaced moment within the spread (default
 * 10,000 within 10 s), as a whole meeting does when the host invites everyone at once. A Quorum client
 * is ready once it has its session (see `--join`), the socket.io handshake and its `meeting:snapshot`.
 */
export async function measureJoinStorm(target: BenchTarget, args: BenchArgs): Promise<JoinStormFigures> {
  const clients: BenchClient[] = [];
  const pids = target.children.map((c) => c.pid);
  try {
    const { phases } = await hostsAndPolls(target, args, clients);
    const specs = voterSpecs(target, args, phases);
    const connect = target.raw ? connectRawClient : connectClient;
    const profile = args.profileDir && !target.raw ? await startProfiles(target, args.profileDir) : undefined;
    const cpuBefore = sum(pids.map(cpuSeconds));
    const start = performance.now();
    const { ready, failed } = await stormJoin(specs, args.spreadMs, connect, clients);
    const cpuSec = sum(pids.map(cpuSeconds)) - cpuBefore;
    await profile?.(`${target.config}-join-storm`);
    return {
      joined: ready.length,
      failed,
      allReadySec: (performance.now() - start) / 1000,
      readyP50Ms: percentile(ready, 50),
      readyP99Ms: percentile(ready, 99),
      cpuSec,
      peakRssMb: sum(pids.map(peakRssMb)),
    };
  } finally {
    disconnectAll(clients);
  }
}

/** Runs the storm against each configuration and prints one row each, with ratios to the floor's row. */
export async function runJoinStorm(args: BenchArgs, bundles: ChildBundles): Promise<void> {
  const rows = await measureEach(args.configs, bundles, (target) => measureJoinStorm(target, args));
  const heads = ['joined', 'failed', 'all ready s', 'ready p50 ms', 'ready p99 ms', 'CPU s', 'peak RSS MB'];
  printFloorTable(
    heads,
    rows,
    (f) => [
      String(f.joined),
      String(f.failed),
      f.allReadySec.toFixed(1),
      f.readyP50Ms.toFixed(0),
      f.readyP99Ms.toFixed(0),
      f.cpuSec.toFixed(2),
      f.peakRssMb.toFixed(0),
    ],
    {
      title: 'target for Quorum: CPU <= 2x the floor',
      of: (f, floor, ratio) =>
        `all ready ${ratio(f.allReadySec, floor.allReadySec)}, ready p99 ${ratio(f.readyP99Ms, floor.readyP99Ms)}, CPU ${ratio(f.cpuSec, floor.cpuSec)}`,
    },
  );
}
