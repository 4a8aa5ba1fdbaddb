import type { Store } from '../store/types';
import { PollState } from './poll-state';
import { TallySync } from './tally-sync';

/**
 * The process's memory of polls and running tallies: the cache every read goes through and the
 * tallies kept equal to the database's. Made first, because both the poll domain and the realtime
 * hub (which publishes from it) are built on it.
 */
export interface PollMemory {
  state: PollState;
  /** Keeps the in-memory tallies equal to the database's when other processes write ballots too. */
  tallies: TallySync;
}

export function createPollMemory(store: Store): PollMemory {
  const state = new PollState(store);
  return { state, tallies: new TallySync(state, store.ballots) };
}
