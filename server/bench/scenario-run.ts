import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchArgs } from './args';
import type { BenchTarget } from './bench-targets';
import {
  connectAll,
  connectClient,
  connectRawClient,
  disconnectAll,
  stormJoin,
  type BenchClient,
  type ClientSpec,
  type Phase,
  type QuorumClient,
} from './clients';
import { summarize, type Figures } from './figures';
import { cpuSeconds, peakRssMb, rssMb } from './proc-stats';
import { PhaseProfiler } from './profiler';
import { launchPoll, runVotingPhase } from './voting-phase';

/** How long after the spread to wait for stragglers before reporting what arrived. */
const TIMEOUT_AFTER_SPREAD_MS = 30_000;
/** A pause after connecting so setup work (snapshots, GC) does not leak into the measured phase. */
const SETTLE_MS = 500;

/** Everyone of every meeting, connected and (Quorum) holding their snapshot, with each meeting's poll. */
interface Room {
  phases: Phase[];
  polls: Map<string, string>;
  hosts: BenchClient[];
  voters: BenchClient[];
}

const meetingId = (m: number) => `bench-meeting-${m}`;

/** Each meeting's phase and (Quorum only) its host, connected, with the poll they launched. */
export async function hostsAndPolls(target: BenchTarget, args: BenchArgs, clients: BenchClient[]) {
  const phases = Array.from({ length: args.meetings }, (): Phase => ({
    finalTurnout: args.voters,
    onProgress: () => {},
  }));
  const polls = new Map<string, string>();
  const hosts: QuorumClient[] = [];
  if (!target.raw) {
    const hostSpecs = phases.map((phase, m) => ({
      url: target.urls[m % target.urls.length]!,
      person: { mid: meetingId(m), uid: 'bench-host', role: 'host' as const },
      phase,
      join: args.join,
    }));
    hosts.push(...(await connectAll(hostSpecs, args.batchSize, connectClient)));
    clients.push(...hosts);
    for (const [m, host] of hosts.entries()) polls.set(meetingId(m), await launchPoll(host));
  }
  return { phases, polls, hosts };
}

/**
 * Who connects where. One room: its voters alternate between instances (every ballot crosses over).
 * Many meetings: each meeting on one instance, as a load balancer hashing the meeting id would place them.
 */
export function voterSpecs(target: BenchTarget, args: BenchArgs, phases: readonly Phase[]): ClientSpec[] {
  const urlOf = (i: number, m: number) => target.urls[(args.meetings > 1 ? m : i) % target.urls.length]!;
  return Array.from({ length: args.meetings * args.voters }, (_, i) => {
    const m = Math.floor(i / args.voters);
    return {
      url: urlOf(i, m),
      person: { mid: meetingId(m), uid: `voter-${i}`, role: 'participant' },
      phase: phases[m]!,
      join: args.join,
    };
  });
}

const connectOf = (target: BenchTarget) => (target.raw ? connectRawClient : connectClient);

/** People who open the app in the meetings during the voting phase (the mixed scenario): they never vote. */
function joinerSpecs(target: BenchTarget, args: BenchArgs, phases: readonly Phase[]): ClientSpec[] {
  return Array.from({ length: args.joiners }, (_, i) => {
    const m = i % args.meetings;
    return {
      url: target.urls[m % target.urls.length]!,
      person: { mid: meetingId(m), uid: `joiner-${i}`, role: 'participant' },
      phase: phases[m]!,
      join: args.join,
    };
  });
}

/** Connects hosts (Quorum only: they create and launch each meeting's poll), then the voters. */
async function setUp(target: BenchTarget, args: BenchArgs, clients: BenchClient[]): Promise<Room> {
  const { phases, polls, hosts } = await hostsAndPolls(target, args, clients);
  const specs = voterSpecs(target, args, phases);
  const voters = await connectAll(specs, args.batchSize, connectOf(target));
  clients.push(...voters);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { phases, polls, hosts, voters };
}

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Profiles the (first) server and the generator over the phase; `stop` writes them and prints the top frames. */
export async function startProfiles(target: BenchTarget, dir: string) {
  const local = new PhaseProfiler();
  const server = target.children[0]!;
  await server.request({ type: 'profile-start' });
  await local.start();
  return async (name: string) => {
    mkdirSync(dir, { recursive: true });
    const generator = await local.stop(join(dir, `${name}-generator.cpuprofile`));
    const { top } = await server.request({ type: 'profile-stop', path: join(dir, `${name}-server.cpuprofile`) });
    console.log(
      `  ${name}: server self time\n${top.join('\n')}\n  ${name}: load generator self time\n${generator.join('\n')}`,
    );
  };
}

/** One voting run against a started target: connect everyone, then measure only the voting phase. */
export async function measureVoting(target: BenchTarget, args: BenchArgs, run: number): Promise<Figures> {
  const clients: BenchClient[] = [];
  const pids = target.children.map((c) => c.pid);
  try {
    const room = await setUp(target, args, clients);
    const profile = args.profileDir && !target.raw ? await startProfiles(target, args.profileDir) : undefined;
    const rssBeforeMb = sum(pids.map(rssMb));
    const cpuBefore = sum(pids.map(cpuSeconds));
    await target.phaseStart(args.voters);
    const options = { spreadMs: args.spreadMs, seed: run, timeoutMs: TIMEOUT_AFTER_SPREAD_MS };
    // Joiners are kept apart from `clients`: the phase waits for the voters' and hosts' final tallies only.
    const joined: BenchClient[] = [];
    const storm = stormJoin(joinerSpecs(target, args, room.phases), args.spreadMs, connectOf(target), joined);
    const outcome = await runVotingPhase(room.voters, clients, room.phases, (m) => room.polls.get(m) ?? '', options);
    const joins = await storm;
    clients.push(...joined);
    const cpuSec = sum(pids.map(cpuSeconds)) - cpuBefore;
    const ended = await target.phaseEnd();
    await profile?.(`${target.config}-run${run}`);
    if (!outcome.complete) console.warn(`  ${target.config}: timed out; reporting what arrived`);
    return summarize(room.voters, clients, outcome, joins, {
      ...ended,
      cpuSec,
      rssBeforeMb,
      peakRssMb: sum(pids.map(peakRssMb)),
    });
  } finally {
    disconnectAll(clients);
  }
}

/** What holding connections open costs a target. */
export interface IdleFigures {
  connections: number;
  connectSec: number;
  cpuSec: number;
  rssMb: number;
  peakRssMb: number;
  kbPerConnection: number;
}

/** Connects every client and keeps them idle: the memory of a crowd that is not voting. */
export async function measureIdle(target: BenchTarget, args: BenchArgs): Promise<IdleFigures> {
  const clients: BenchClient[] = [];
  const pids = target.children.map((c) => c.pid);
  const rssEmpty = sum(pids.map(rssMb));
  const cpuBefore = sum(pids.map(cpuSeconds));
  const started = performance.now();
  try {
    await setUp(target, args, clients);
    const connectSec = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rss = sum(pids.map(rssMb));
    return {
      connections: clients.length,
      connectSec,
      cpuSec: sum(pids.map(cpuSeconds)) - cpuBefore,
      rssMb: rss,
      peakRssMb: sum(pids.map(peakRssMb)),
      kbPerConnection: ((rss - rssEmpty) * 1024) / clients.length,
    };
  } finally {
    disconnectAll(clients);
  }
}
