/** Messages between the benchmark and its server child, over the Node IPC channel. */
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'counters'; tallyBroadcasts: number; pollBroadcasts: number; rateLimited: number; internalErrors: number };

/** What the benchmark asks of its child. */
export type ParentMessage = { type: 'counters' };

/** Environment variable carrying the tally window, which may be 0 here (config.ts requires ≥ 1). */
export const BENCH_WINDOW_ENV = 'BENCH_TALLY_WINDOW_MS';
