import type { PoolClient } from 'pg';
import { resolveRecast, type Ballot, type RecastOutcome } from '@quorum/shared';
import type { BallotWrite, BallotWriteResult } from '../types';
import { BALLOT_COLS, BALLOT_COLS_B, BALLOT_RECORD, ballotToRow, bySlot, rowToBallot, runKey, slotKey, type BallotRow } from './ballot-rows';

/*
 * A batch of ballot writes inside one transaction, in a fixed number of round trips whatever its size:
 *   1. INSERT the first write of every slot … ON CONFLICT (poll_id, run, voter_id, question_id) DO NOTHING
 *      RETURNING: a slot nobody holds is ours, locked by our uncommitted row; a slot another instance
 *      is writing makes us wait for its commit, never decide on a stale read.
 *   2. SELECT … FOR UPDATE the slots that already had a row: locked until we commit.
 *   3. Apply `resolveRecast` in write order against those locked rows (pure, in memory).
 *   4. UPDATE replaced rows; bump each run's tally_version by its counted writes with INSERT … ON
 *      CONFLICT DO UPDATE … RETURNING; append each counted write to ballot_changes under its version.
 * Slots and runs are locked in one global order (see `bySlot`), so batches from two instances queue
 * rather than deadlock; a deadlock that happens anyway (an erase, say) is retried by `inTransaction`.
 */

const INSERT_FIRSTS = `
  INSERT INTO ballots (${BALLOT_COLS})
  SELECT ${BALLOT_COLS} FROM jsonb_to_recordset($1::jsonb) AS r(${BALLOT_RECORD}) ORDER BY r.ord
  ON CONFLICT (poll_id, run, voter_id, question_id) DO NOTHING
  RETURNING ballot_id`;

const LOCK_TAKEN = `
  SELECT ${BALLOT_COLS_B} FROM jsonb_to_recordset($1::jsonb) AS r(${BALLOT_RECORD})
  JOIN ballots b ON b.poll_id = r.poll_id AND b.run = r.run AND b.voter_id = r.voter_id AND b.question_id = r.question_id
  ORDER BY r.ord FOR UPDATE OF b`;

// `hidden` is left alone: a host's hide sticks to the voter's answer slot (see resolveRecast).
const UPDATE_REPLACED = `
  UPDATE ballots AS b SET client_ballot_id = r.client_ballot_id, answer = r.answer, cast_at = r.cast_at, elapsed_ms = r.elapsed_ms
  FROM jsonb_to_recordset($1::jsonb) AS r(${BALLOT_RECORD}) WHERE b.ballot_id = r.ballot_id`;

/** Adds `n` to each run's tally version, creating the run row on its first counted write. */
export const BUMP_RUNS = `
  INSERT INTO poll_runs (poll_id, run, tally_version)
  SELECT r.poll_id, r.run, r.n FROM jsonb_to_recordset($1::jsonb) AS r(poll_id text, run int, n bigint, ord int) ORDER BY r.ord
  ON CONFLICT (poll_id, run) DO UPDATE SET tally_version = poll_runs.tally_version + excluded.tally_version
  RETURNING poll_id, run, tally_version`;

const READ_RUNS = `
  SELECT r.poll_id, r.run, COALESCE(p.tally_version, 0) AS tally_version
  FROM jsonb_to_recordset($1::jsonb) AS r(poll_id text, run int) LEFT JOIN poll_runs p ON p.poll_id = r.poll_id AND p.run = r.run`;

/** Appends counted changes to the run's change log. */
export const LOG_CHANGES = `
  INSERT INTO ballot_changes (poll_id, run, version, ballot, previous)
  SELECT r.poll_id, r.run, r.version, r.ballot, r.previous
  FROM jsonb_to_recordset($1::jsonb) AS r(poll_id text, run int, version bigint, ballot jsonb, previous jsonb)`;

/** Ballots as a JSONB array of rows, numbered in the given order. */
const asRecords = (ballots: readonly Ballot[]): string => JSON.stringify(ballots.map((b, ord) => ({ ...ballotToRow(b), ord })));

/** Inserts what it can and locks the rest; returns the rows that were already there, by slot. */
async function claimSlots(client: PoolClient, ballots: readonly Ballot[]): Promise<Map<string, Ballot>> {
  const firsts = new Map<string, Ballot>();
  for (const b of ballots) if (!firsts.has(slotKey(b))) firsts.set(slotKey(b), b);
  const ordered = [...firsts.values()].sort(bySlot);
  const inserted = new Set((await client.query<{ ballot_id: string }>(INSERT_FIRSTS, [asRecords(ordered)])).rows.map((r) => r.ballot_id));
  const taken = ordered.filter((b) => !inserted.has(b.ballotId));
  if (taken.length === 0) return new Map();
  const rows = (await client.query<BallotRow>(LOCK_TAKEN, [asRecords(taken)])).rows.map(rowToBallot);
  // A row that conflicted a moment ago and is gone now was deleted with its poll: start over.
  if (rows.length !== taken.length) throw Object.assign(new Error('a ballot slot changed during the write'), { code: '40001' });
  return new Map(rows.map((b) => [slotKey(b), b]));
}

/** One write's outcome, with its place among the run's counted changes in this batch. */
interface Decision {
  outcome: RecastOutcome;
  ballot: Ballot;
  /** Counted writes of this run in the batch up to and including this one. */
  counted: number;
}

/** Applies the one-ballot rule in write order, so a later write sees an earlier one of the same slot. */
function decide(writes: readonly BallotWrite[], stored: Map<string, Ballot>, atomic: boolean): Decision[] | { rejectedIndex: number } {
  const current = new Map(stored);
  const counted = new Map<string, number>();
  const decisions: Decision[] = [];
  for (const [i, { ballot, allowAnswerChange }] of writes.entries()) {
    const outcome = resolveRecast(current.get(slotKey(ballot)), ballot, allowAnswerChange);
    if (outcome.kind === 'rejected' && atomic) return { rejectedIndex: i };
    if (outcome.kind === 'inserted' || outcome.kind === 'replaced') {
      current.set(slotKey(ballot), outcome.ballot);
      counted.set(runKey(ballot), (counted.get(runKey(ballot)) ?? 0) + 1);
    }
    decisions.push({ outcome, ballot, counted: counted.get(runKey(ballot)) ?? 0 });
  }
  return decisions;
}

const isCounted = (o: RecastOutcome): o is Extract<RecastOutcome, { kind: 'inserted' | 'replaced' }> => o.kind === 'inserted' || o.kind === 'replaced';

/** Each run's version before this batch: bumped by its counted writes (row-locked), or read when none counted. */
async function runBases(client: PoolClient, decisions: readonly Decision[]): Promise<Map<string, number>> {
  const runs = new Map<string, { poll_id: string; run: number; n: number }>();
  for (const { ballot, counted } of decisions) runs.set(runKey(ballot), { poll_id: ballot.pollId, run: ballot.run, n: counted });
  const all = [...runs.values()].sort((a, b) => (a.poll_id < b.poll_id ? -1 : a.poll_id > b.poll_id ? 1 : a.run - b.run));
  const bumped = all.filter((r) => r.n > 0).map((r, ord) => ({ ...r, ord }));
  const idle = all.filter((r) => r.n === 0);
  const bases = new Map<string, number>();
  type VersionRow = { poll_id: string; run: number; tally_version: number };
  if (bumped.length > 0) {
    for (const row of (await client.query<VersionRow>(BUMP_RUNS, [JSON.stringify(bumped)])).rows) {
      const key = runKey({ pollId: row.poll_id, run: row.run });
      bases.set(key, row.tally_version - (runs.get(key)?.n ?? 0));
    }
  }
  if (idle.length > 0) {
    for (const row of (await client.query<VersionRow>(READ_RUNS, [JSON.stringify(idle)])).rows) bases.set(runKey({ pollId: row.poll_id, run: row.run }), row.tally_version);
  }
  return bases;
}

/**
 * Writes a batch on `client`, inside the caller's transaction, and returns one result per write in
 * order. With `atomic`, stops at the first write the rule rejects (the caller rolls back).
 */
export async function writeBatch(client: PoolClient, writes: readonly BallotWrite[], atomic: boolean): Promise<BallotWriteResult[] | { rejectedIndex: number }> {
  const stored = await claimSlots(client, writes.map((w) => w.ballot));
  const decisions = decide(writes, stored, atomic);
  if (!Array.isArray(decisions)) return decisions;
  const replaced = new Map(decisions.flatMap(({ outcome }) => (outcome.kind === 'replaced' ? [[slotKey(outcome.ballot), outcome.ballot] as const] : [])));
  if (replaced.size > 0) await client.query(UPDATE_REPLACED, [asRecords([...replaced.values()])]);
  const bases = await runBases(client, decisions);
  const versionOf = (d: Decision): number => (bases.get(runKey(d.ballot)) ?? 0) + d.counted;
  const changes = decisions.flatMap((d) =>
    isCounted(d.outcome)
      ? [{ poll_id: d.ballot.pollId, run: d.ballot.run, version: versionOf(d), ballot: d.outcome.ballot, previous: d.outcome.kind === 'replaced' ? d.outcome.previous : null }]
      : [],
  );
  if (changes.length > 0) await client.query(LOG_CHANGES, [JSON.stringify(changes)]);
  return decisions.map((d) => ({ ...d.outcome, tallyVersion: versionOf(d) }));
}
