import { monitorEventLoopDelay } from 'node:perf_hooks';
import { choicePoll } from '../test/support/harness';
import type { BenchClient, Phase, QuorumClient } from './clients';
import { machineBusySeconds } from './proc-stats';

/** How the measured phase is shaped; the seed makes both modes replay the same schedule. */
export interface VotingOptions {
  spreadMs: number;
  seed: number;
  timeoutMs: number;
}

/** What the phase observed beyond the per-client fields. */
export interface VotingOutcome {
  startedAt: number;
  endedAt: number;
  /** Send time of the last ballot sent in each meeting: the reference point for "time to final tally". */
  lastSentAt: Map<string, number>;
  /** False when the timeout hit before every ack and every final tally arrived. */
  complete: boolean;
  /** The benchmark process's own event-loop delay: how much of each latency is the load generator. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** CPU seconds the benchmark process itself spent in the phase (all clients share one process). */
  cpuSec: number;
  /** CPU seconds the whole machine spent in the phase: shows other work competing for the cores. */
  machineCpuSec: number;
}

const OPTIONS = ['a', 'b', 'c'] as const;

/** Host creates and launches a single-choice poll with live results (everyone gets full tallies). */
export async function launchPoll(host: QuorumClient): Promise<string> {
  const created = await host.socket.emitWithAck('poll:create', choicePoll({ allowAnswerChange: false }, 'Bench'));
  if (!created.ok) throw new Error(`poll:create: ${created.error.message}`);
  const opened = await host.socket.emitWithAck('poll:open', { pollId: created.data.poll.id });
  if (!opened.ok) throw new Error(`poll:open: ${opened.error.message}`);
  return created.data.poll.id;
}

/**
 * Each voter casts one ballot (on its meeting's poll) at a random moment within `spreadMs`; resolves
 * once every ballot is acked and every client has seen its meeting's final turnout, or at the timeout.
 */
export function runVotingPhase(
  voters: BenchClient[],
  everyone: BenchClient[],
  phases: Phase[],
  pollOf: (meeting: string) => string,
  opts: VotingOptions,
) {
  const random = mulberry32(opts.seed);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  for (const c of everyone) Object.assign(c, { tallyMessages: 0, tallyBytes: 0, finalAt: undefined });
  let pending = voters.length + everyone.length;

  return new Promise<VotingOutcome>((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    const startedAt = performance.now();
    const cpuStart = process.cpuUsage();
    const machineStart = machineBusySeconds();
    const finish = (complete: boolean) => {
      timers.forEach(clearTimeout);
      loop.disable();
      const lastSentAt = new Map<string, number>();
      for (const v of voters)
        lastSentAt.set(v.meeting, Math.max(lastSentAt.get(v.meeting) ?? -Infinity, v.sentAt ?? -Infinity));
      const { user, system } = process.cpuUsage(cpuStart);
      resolve({
        startedAt,
        endedAt: performance.now(),
        lastSentAt,
        complete,
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
        cpuSec: (user + system) / 1e6,
        machineCpuSec: machineBusySeconds() - machineStart,
      });
    };
    const progress = () => {
      if (--pending === 0) finish(true);
    };
    for (const phase of phases) phase.onProgress = progress;
    loop.enable();
    timers.push(setTimeout(() => finish(false), opts.spreadMs + opts.timeoutMs));
    voters.forEach((voter, i) => {
      const at = random() * opts.spreadMs;
      const optionId = OPTIONS[Math.floor(random() * OPTIONS.length)]!;
      timers.push(
        setTimeout(() => cast(voter, pollOf(voter.meeting), optionId, `bench-${opts.seed}-${i}`, progress), at),
      );
    });
  });
}

function cast(
  voter: BenchClient,
  pollId: string,
  optionId: string,
  clientBallotId: string,
  progress: () => void,
): void {
  voter.sentAt = performance.now();
  voter.cast(pollId, optionId, clientBallotId, (ok) => {
    voter.ackAt = performance.now();
    voter.ackOk = ok;
    progress();
  });
}

/** A small seeded PRNG (mulberry32): the same seed gives both modes the same vote schedule. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
