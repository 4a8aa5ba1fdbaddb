import type { PoolClient } from 'pg';
import { resolveRecast, type Ballot, type RecastOutcome } from '@quorum/shared';
import type { BallotWrite, BallotWriteResult, ClosedOutcome } from '../types';
import { lockLiveRuns } from './live-runs';
import { prepared } from './pg-pool';
import {
  BALLOT_COLS,
  BALLOT_COLS_B,
  BALLOT_RECORD,
  ballotToRow,
  byRun,
  bySlot,
  rowToBallot,
  runKey,
  slotKey,
  type BallotRow,
} from './ballot-rows';

/*
 * A batch of ballot writes inside one transaction, in a fixed number of round trips whatever its size:
 *   1. INSERT the first write of every slot … ON CONFLICT (poll_id, run, voter_id, question_id) DO NOTHING
 *      RETURNING: a slot nobody holds is ours, locked by our uncommitted row; a slot another instance
 *      is writing makes us wait for its commit, never decide on a stale read.
 *   2. SELECT … FOR UPDATE the slots that already had a row: locked until we commit.
 *   3. Apply `resolveRecast` in write order against those locked rows (pure, in memory).
 *   4. UPDATE replaced rows; then one statement bumps each run's tally_version by its counted writes
 *      (INSERT … ON CONFLICT DO UPDATE … RETURNING) and appends each to ballot_changes under its version.
 * Slots and runs are locked in one global order (see `bySlot`), so batches from two instances queue
 * rather than deadlock; a deadlock that happens anyway (an erase, say) is retried by `inTransaction`.
 */

const INSERT_FIRSTS = prepared(`
  INSERT INTO ballots (${BALLOT_COLS})
  SELECT ${BALLOT_COLS} FROM jsonb_to_recordset($1::jsonb) AS r(${BALLOT_RECORD}) ORDER BY r.ord
  ON CONFLICT (poll_id, run, voter_id, question_id) DO NOTHING
  RETURNING ballot_id`);

const LOCK_TAKEN = prepared(`
  SELECT ${BALLOT_COLS_B} FROM jsonb_to_recordset($1::jsonb) AS r(${BALLOT_RECORD})
  JOIN ballots b ON b.poll_id = r.poll_id AND b.run = r.run AND b.voter_id = r.voter_id AND b.question_id = r.question_id
  ORDER BY r.ord FOR UPDATE OF b`);

// `hidden` is left alone: a host's hide sticks to the voter's answer slot (see resolveRecast); the room
// follows the new answer (a voter who moved rooms moves their ballot).
const UPDATE_REPLACED = prepared(`
  UPDATE ballots AS b SET client_ballot_id = r.client_ballot_id, answer = r.answer, cast_at = r.cast_at, elapsed_ms = r.elapsed_ms,
    room_id = r.room_id
  FROM jsonb_to_recordset($1::jsonb) AS r(${BALLOT_RECORD}) WHERE b.ballot_id = r.ballot_id`);

/**
 * Adds `n` to each run's tally version ($1: poll_id, run, n, ord), holding the run row locked until
 * commit, and logs each counted change ($2: poll_id, run, k = its place 1..n in the run) under
 * version (new version - n + k). One round trip; returns each run's new version.
 */
const COUNT_CHANGES = prepared(`
  WITH runs AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(poll_id text, run int, n bigint, ord int)
  ), bumped AS (
    INSERT INTO poll_runs (poll_id, run, tally_version)
    SELECT poll_id, run, n FROM runs ORDER BY ord
    ON CONFLICT (poll_id, run) DO UPDATE SET tally_version = poll_runs.tally_version + excluded.tally_version
    RETURNING poll_id, run, tally_version
  ), logged AS (
    INSERT INTO ballot_changes (poll_id, run, version, ballot, previous)
    SELECT c.poll_id, c.run, b.tally_version - r.n + c.k, c.ballot, c.previous
    FROM jsonb_to_recordset($2::jsonb) AS c(poll_id text, run int, k bigint, ballot jsonb, previous jsonb)
    JOIN bumped b ON b.poll_id = c.poll_id AND b.run = c.run
    JOIN runs r ON r.poll_id = c.poll_id AND r.run = c.run
  )
  SELECT poll_id, run, tally_version FROM bumped`);

const READ_RUNS = prepared(`
  SELECT r.poll_id, r.run, COALESCE(p.tally_version, 0) AS tally_version
  FROM jsonb_to_recordset($1::jsonb) AS r(poll_id text, run int) LEFT JOIN poll_runs p ON p.poll_id = r.poll_id AND p.run = r.run`);

/** A counted change to log: the ballot after it, the one before (null for a first ballot), its place in the run's batch. */
export interface CountedChange {
  ballot: Ballot;
  previous: Ballot | null;
  k: number;
}

type VersionRow = { poll_id: string; run: number; tally_version: number };

/**
 * Bumps the runs of `changes` and logs them, in the global run order; returns each run's version
 * before this batch (new version minus its count), by run key.
 */
export async function countChanges(
  client: PoolClient,
  changes: readonly CountedChange[],
): Promise<Map<string, number>> {
  const counts = new Map<string, { poll_id: string; run: number; n: number }>();
  for (const { ballot, k } of changes)
    counts.set(runKey(ballot), {
      poll_id: ballot.pollId,
      run: ballot.run,
      n: Math.max(k, counts.get(runKey(ballot))?.n ?? 0),
    });
  const runs = [...counts.values()].sort(byRun).map((r, ord) => ({ ...r, ord }));
  const logged = changes.map(({ ballot, previous, k }) => ({
    poll_id: ballot.pollId,
    run: ballot.run,
    k,
    ballot,
    previous,
  }));
  const rows = (await client.query<VersionRow>(COUNT_CHANGES([JSON.stringify(runs), JSON.stringify(logged)]))).rows;
  return new Map(
    rows.map((r) => {
      const key = runKey({ pollId: r.poll_id, run: r.run });
      return [key, r.tally_version - (counts.get(key)?.n ?? 0)];
    }),
  );
}

/** Ballots as a JSONB array of rows, numbered in the given order. */
const asRecords = (ballots: readonly Ballot[]): string =>
  JSON.stringify(ballots.map((b, ord) => ({ ...ballotToRow(b), ord })));

/** Inserts what it can and locks the rest; returns the rows that were already there, by slot. */
async function claimSlots(client: PoolClient, ballots: readonly Ballot[]): Promise<Map<string, Ballot>> {
  const firsts = new Map<string, Ballot>();
  for (const b of ballots) if (!firsts.has(slotKey(b))) firsts.set(slotKey(b), b);
  const ordered = [...firsts.values()].sort(bySlot);
  const inserted = new Set(
    (await client.query<{ ballot_id: string }>(INSERT_FIRSTS([asRecords(ordered)]))).rows.map((r) => r.ballot_id),
  );
  const taken = ordered.filter((b) => !inserted.has(b.ballotId));
  if (taken.length === 0) return new Map();
  const rows = (await client.query<BallotRow>(LOCK_TAKEN([asRecords(taken)]))).rows.map(rowToBallot);
  // A row that conflicted a moment ago and is gone now was deleted with its poll: start over.
  if (rows.length !== taken.length)
    throw Object.assign(new Error('a ballot slot changed during the write'), { code: '40001' });
  return new Map(rows.map((b) => [slotKey(b), b]));
}

/** One write's outcome, with its place among the run's counted changes in this batch. */
interface Decision {
  outcome: RecastOutcome | ClosedOutcome;
  ballot: Ballot;
  /** Counted writes of this run in the batch up to and including this one. */
  counted: number;
}

/**
 * Applies the one-ballot rule in write order, so a later write sees an earlier one of the same slot;
 * a write whose run is not in `live` is `closed`.
 */
function decide(
  writes: readonly BallotWrite[],
  stored: Map<string, Ballot>,
  live: Set<string>,
  atomic: boolean,
): Decision[] | { rejectedIndex: number } {
  const current = new Map(stored);
  const counted = new Map<string, number>();
  const decisions: Decision[] = [];
  for (const [i, { ballot, allowAnswerChange }] of writes.entries()) {
    const outcome: Decision['outcome'] = live.has(runKey(ballot))
      ? resolveRecast(current.get(slotKey(ballot)), ballot, allowAnswerChange)
      : { kind: 'closed', ballot };
    if (outcome.kind === 'rejected' && atomic) return { rejectedIndex: i };
    if (outcome.kind === 'inserted' || outcome.kind === 'replaced') {
      current.set(slotKey(ballot), outcome.ballot);
      counted.set(runKey(ballot), (counted.get(runKey(ballot)) ?? 0) + 1);
    }
    decisions.push({ outcome, ballot, counted: counted.get(runKey(ballot)) ?? 0 });
  }
  return decisions;
}

/** Each run's version before the batch: from the bump for runs with counted writes, read for the others. */
async function runBases(client: PoolClient, decisions: readonly Decision[]): Promise<Map<string, number>> {
  const changes = decisions.flatMap(({ outcome, counted }): CountedChange[] =>
    outcome.kind === 'inserted' || outcome.kind === 'replaced'
      ? [{ ballot: outcome.ballot, previous: outcome.kind === 'replaced' ? outcome.previous : null, k: counted }]
      : [],
  );
  const bases = changes.length > 0 ? await countChanges(client, changes) : new Map<string, number>();
  const idle = new Map(
    decisions
      .filter((d) => !bases.has(runKey(d.ballot)))
      .map((d) => [runKey(d.ballot), { poll_id: d.ballot.pollId, run: d.ballot.run }]),
  );
  if (idle.size > 0) {
    for (const r of (await client.query<VersionRow>(READ_RUNS([JSON.stringify([...idle.values()])]))).rows)
      bases.set(runKey({ pollId: r.poll_id, run: r.run }), r.tally_version);
  }
  return bases;
}

/**
 * Writes a batch on `client`, inside the caller's transaction, and returns one result per write in
 * order. With `atomic`, stops at the first write the rule rejects, or at a closed run (the caller
 * rolls back). The polls are locked first: see live-runs.ts.
 */
export async function writeBatch(
  client: PoolClient,
  writes: readonly BallotWrite[],
  atomic: boolean,
): Promise<BallotWriteResult[] | { rejectedIndex: number } | { closed: true }> {
  const live = await lockLiveRuns(
    client,
    writes.map((w) => w.ballot),
  );
  const open = writes.filter((w) => live.has(runKey(w.ballot)));
  if (atomic && open.length < writes.length) return { closed: true };
  const stored =
    open.length === 0
      ? new Map<string, Ballot>()
      : await claimSlots(
          client,
          open.map((w) => w.ballot),
        );
  const decisions = decide(writes, stored, live, atomic);
  if (!Array.isArray(decisions)) return decisions;
  const replaced = new Map(
    decisions.flatMap(({ outcome }) =>
      outcome.kind === 'replaced' ? [[slotKey(outcome.ballot), outcome.ballot] as const] : [],
    ),
  );
  if (replaced.size > 0) await client.query(UPDATE_REPLACED([asRecords([...replaced.values()])]));
  const bases = await runBases(client, decisions);
  return decisions.map((d) => ({ ...d.outcome, tallyVersion: (bases.get(runKey(d.ballot)) ?? 0) + d.counted }));
}
