import type { Pool } from 'pg';
import type { BallotWrite, BallotWriteResult } from '../types';
import { BALLOT_COLS, BALLOT_RECORD, ballotToRow, byRun, bySlot, runKey, slotKey } from './ballot-rows';
import { LOCK_POLLS_OF_INPUT } from './live-runs';
import { isRetryable, prepared } from './pg-pool';

/*
 * The common batch (every voter's first answer) in ONE statement and one round trip, autocommitted:
 * insert what no one holds, bump each run's version by what was inserted and log each insert under
 * its version. Each round trip of a transaction waits for a turn of the event loop, which is busy
 * fanning tallies out, so five round trips per group commit cost more than the database's work.
 * Locks are taken in the same global order as `writeBatch` (polls, slots, then runs). Writes whose
 * slot is taken (a changed answer, a resend) or whose run is not open under the poll's lock (see
 * live-runs.ts) are left to `writeBatch`, which decides them under row locks.
 */
const INSERT_NEW = prepared(`
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${BALLOT_RECORD}, wo int, run_ord int, doc jsonb)
  ), live AS (
    ${LOCK_POLLS_OF_INPUT}
  ), inserted AS (
    INSERT INTO ballots (${BALLOT_COLS}) SELECT ${BALLOT_COLS} FROM input
    WHERE (poll_id, run) IN (SELECT id, run FROM live WHERE status = 'open') ORDER BY ord
    ON CONFLICT (poll_id, run, voter_id, question_id) DO NOTHING
    RETURNING ballot_id
  ), counted AS (
    SELECT r.poll_id, r.run, r.run_ord, r.ballot_id, r.doc,
      row_number() OVER (PARTITION BY r.run_ord ORDER BY r.wo) AS k, count(*) OVER (PARTITION BY r.run_ord) AS n
    FROM input r JOIN inserted i ON i.ballot_id = r.ballot_id
  ), bumped AS (
    INSERT INTO poll_runs (poll_id, run, tally_version)
    SELECT DISTINCT ON (run_ord) poll_id, run, n FROM counted ORDER BY run_ord
    ON CONFLICT (poll_id, run) DO UPDATE SET tally_version = poll_runs.tally_version + excluded.tally_version
    RETURNING poll_id, run, tally_version
  ), logged AS (
    INSERT INTO ballot_changes (poll_id, run, version, ballot, previous)
    SELECT c.poll_id, c.run, b.tally_version - c.n + c.k, c.doc, NULL
    FROM counted c JOIN bumped b ON b.poll_id = c.poll_id AND b.run = c.run
  )
  SELECT c.ballot_id, b.tally_version - c.n + c.k AS version
  FROM counted c JOIN bumped b ON b.poll_id = c.poll_id AND b.run = c.run`);

/** True when no slot appears twice: then no write of the batch depends on another's outcome. */
export function fastPathApplies(writes: readonly BallotWrite[]): boolean {
  return new Set(writes.map((w) => slotKey(w.ballot))).size === writes.length;
}

/**
 * Inserts the writes whose slot is free, in one statement; returns their results by ballot id. The
 * writes missing from the map were not written and go through `writeBatch`.
 */
export async function insertNew(pool: Pool, writes: readonly BallotWrite[]): Promise<Map<string, BallotWriteResult>> {
  // Locks in slot order (`ord`); versions in write order (`wo`), as `writeBatch` numbers them.
  const writeOrder = new Map(writes.map((w, i) => [w.ballot, i]));
  const ballots = writes.map((w) => w.ballot).sort(bySlot);
  const runs = [...new Map(ballots.map((b) => [runKey(b), { poll_id: b.pollId, run: b.run }])).values()].sort(byRun);
  const runOrd = new Map(runs.map((r, i) => [runKey({ pollId: r.poll_id, run: r.run }), i]));
  const records = ballots.map((b, ord) => ({
    ...ballotToRow(b),
    ord,
    wo: writeOrder.get(b),
    run_ord: runOrd.get(runKey(b)),
    doc: b,
  }));
  const byId = new Map(ballots.map((b) => [b.ballotId, b]));
  for (let attempt = 1; ; attempt++) {
    try {
      const rows = (await pool.query<{ ballot_id: string; version: number }>(INSERT_NEW([JSON.stringify(records)])))
        .rows;
      return new Map(
        rows.map((r) => [r.ballot_id, { kind: 'inserted', ballot: byId.get(r.ballot_id)!, tallyVersion: r.version }]),
      );
    } catch (error) {
      // A deadlock with another instance's batch rolled this statement back whole: run it again.
      if (attempt >= 4 || !isRetryable(error)) throw error;
    }
  }
}
