import type { PoolClient } from 'pg';
import type { Ballot } from '@quorum/shared';
import { prepared } from './pg-pool';
import { runKey } from './ballot-rows';

/*
 * The gate between a close and the ballots of another instance. Every ballot transaction takes
 * FOR SHARE on its polls' rows before it touches a slot, and counts only ballots of the run that is
 * open under that lock. A close (or relaunch, or delete) writes the poll row, which conflicts with
 * FOR SHARE: a ballot transaction that locked the row first commits before the close does (its
 * ballots count, the close's tally includes them), and one that comes after waits for the close's
 * commit and then reads the closed row (READ COMMITTED re-reads a row it waited for), so its ballots
 * are refused. Shared locks do not conflict with each other, so ballot batches never queue on them.
 * Polls are locked first and in id order, before slots and runs (see `bySlot`), so no cycle forms.
 */

/** A SQL fragment: the locked poll rows (id, status, run) of the `input` CTE's `poll_id`s. */
export const LOCK_POLLS_OF_INPUT = `SELECT id, status, run FROM polls WHERE id IN (SELECT poll_id FROM input) ORDER BY id FOR SHARE`;

const LOCK_POLLS = prepared(`SELECT id, status, run FROM polls WHERE id = ANY($1::text[]) ORDER BY id FOR SHARE`);

/** Locks the polls of `ballots` until commit and returns the runs open under that lock, by run key. */
export async function lockLiveRuns(client: PoolClient, ballots: readonly Ballot[]): Promise<Set<string>> {
  const ids = [...new Set(ballots.map((b) => b.pollId))];
  const rows = (await client.query<{ id: string; status: string; run: number }>(LOCK_POLLS([ids]))).rows;
  return new Set(rows.filter((r) => r.status === 'open').map((r) => runKey({ pollId: r.id, run: r.run })));
}
