import type { BenchClient, StormOutcome } from './clients';
import type { PhaseEnded } from './ipc';
import { percentile, sum } from './stats';
import type { VotingOutcome } from './voting-phase';

/** What the orchestrator read from the server child and /proc around the voting phase. */
export interface ServerReadings extends Omit<PhaseEnded, 'type'> {
  cpuSec: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

/** Everything measured for one mode in one run; times in ms, CPU in s, memory in MB. */
export interface Figures extends ServerReadings {
  finalP50: number;
  finalP99: number;
  finalMax: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  tallyMessages: number;
  tallyBytes: number;
  phaseMs: number;
  benchCpuSec: number;
  /** Machine CPU in the phase not spent by the server or the generator (other processes, kernel). */
  otherCpuSec: number;
  benchLoopP99Ms: number;
  benchLoopMaxMs: number;
  failedAcks: number;
  missingFinals: number;
  /** The mixed scenario's joiners (NaN without): their connect start → snapshot, and those that failed. */
  joinReadyP50: number;
  joinReadyP99: number;
  joinFailed: number;
}

/** Reduces the per-client timestamps of one run, plus the server's readings, to the reported figures. */
export function summarize(
  voters: BenchClient[],
  everyone: BenchClient[],
  outcome: VotingOutcome,
  joins: StormOutcome,
  server: ServerReadings,
): Figures {
  const finals = everyone.flatMap((c) =>
    c.finalAt === undefined ? [] : [c.finalAt - (outcome.lastSentAt.get(c.meeting) ?? NaN)],
  );
  const acks = voters.flatMap((v) => (v.ackAt === undefined || v.sentAt === undefined ? [] : [v.ackAt - v.sentAt]));
  return {
    ...server,
    finalP50: percentile(finals, 50),
    finalP99: percentile(finals, 99),
    finalMax: percentile(finals, 100),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    ackMax: percentile(acks, 100),
    tallyMessages: sum(everyone.map((c) => c.tallyMessages)),
    tallyBytes: sum(everyone.map((c) => c.tallyBytes)),
    phaseMs: outcome.endedAt - outcome.startedAt,
    benchCpuSec: outcome.cpuSec,
    otherCpuSec: outcome.machineCpuSec - outcome.cpuSec - server.cpuSec,
    benchLoopP99Ms: outcome.loopDelayP99Ms,
    benchLoopMaxMs: outcome.loopDelayMaxMs,
    failedAcks: voters.filter((v) => v.ackOk !== true).length,
    missingFinals: everyone.length - finals.length,
    joinReadyP50: percentile(joins.ready, 50),
    joinReadyP99: percentile(joins.ready, 99),
    joinFailed: joins.ready.length + joins.failed === 0 ? NaN : joins.failed,
  };
}
