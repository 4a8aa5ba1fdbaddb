import type { ProbeReport } from './server-probe';

/** What the server child reports at the end of a voting phase. */
export interface PhaseEnded extends ProbeReport {
  type: 'phase-ended';
  /** poll:tally broadcasts during the phase (the publisher's own counter). */
  tallyBroadcasts: number;
  rateLimited: number;
  internalErrors: number;
  /** The server's event-loop delay over the phase (ms). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** Messages from the server child, over the Node IPC channel. */
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'phase-started' }
  | PhaseEnded
  | { type: 'profile-started' }
  | { type: 'profile-saved'; top: string[] };

/** What the benchmark asks of its child; each gets exactly one reply. */
export type ParentMessage =
  | { type: 'phase-start'; finalTurnout: number }
  | { type: 'phase-end' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; path: string };

/** The reply type for each request. */
export const REPLY = {
  'phase-start': 'phase-started',
  'phase-end': 'phase-ended',
  'profile-start': 'profile-started',
  'profile-stop': 'profile-saved',
} as const;

/** Environment variable carrying the tally window, which may be 0 here (config.ts requires ≥ 1). */
export const BENCH_WINDOW_ENV = 'BENCH_TALLY_WINDOW_MS';
