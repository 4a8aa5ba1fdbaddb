import type { BenchClient } from './clients';
import { percentile, sum } from './stats';
import type { VotingOutcome } from './voting-phase';

/** Everything measured for one mode in one run; times in ms, CPU in s, memory in MB. */
export interface Figures {
  finalP50: number;
  finalP99: number;
  finalMax: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  cpuSec: number;
  peakRssMb: number;
  tallyMessages: number;
  tallyBytes: number;
  tallyBroadcasts: number;
  phaseMs: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  failedAcks: number;
  missingFinals: number;
}

/** What the orchestrator read from the server child around the voting phase. */
export interface ServerReadings {
  cpuSec: number;
  peakRssMb: number;
  tallyBroadcasts: number;
}

/** Reduces the per-client timestamps of one run to the reported figures. */
export function summarize(voters: BenchClient[], everyone: BenchClient[], outcome: VotingOutcome, server: ServerReadings): Figures {
  const finals = everyone.flatMap((c) => (c.finalAt === undefined ? [] : [c.finalAt - outcome.lastSentAt]));
  const acks = voters.flatMap((v) => (v.ackAt === undefined || v.sentAt === undefined ? [] : [v.ackAt - v.sentAt]));
  return {
    finalP50: percentile(finals, 50),
    finalP99: percentile(finals, 99),
    finalMax: percentile(finals, 100),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    ackMax: percentile(acks, 100),
    ...server,
    tallyMessages: sum(everyone.map((c) => c.tallyMessages)),
    tallyBytes: sum(everyone.map((c) => c.tallyBytes)),
    phaseMs: outcome.endedAt - outcome.startedAt,
    loopDelayP99Ms: outcome.loopDelayP99Ms,
    loopDelayMaxMs: outcome.loopDelayMaxMs,
    failedAcks: voters.filter((v) => v.ackOk !== true).length,
    missingFinals: everyone.length - finals.length,
  };
}
