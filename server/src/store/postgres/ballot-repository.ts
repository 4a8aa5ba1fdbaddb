import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { Ballot } from '@quorum/shared';
import { withHidden } from '../ballot-hidden';
import type { AtomicWriteResult, BallotChange, BallotRepository, BallotTransfer, BallotWriteResult } from '../types';
import { fastPathApplies, insertNew } from './ballot-fast-path';
import { countChanges, writeBatch } from './ballot-batch';
import { BALLOT_COLS, rowToBallot, runKey, type BallotRow } from './ballot-rows';
import { inTransaction, inTransactionOrRollback, prepared, Rollback } from './pg-pool';

interface ChangeRow {
  version: number;
  ballot: Ballot;
  previous: Ballot | null;
}

const BY_ID = `SELECT ${BALLOT_COLS} FROM ballots WHERE poll_id = $1 AND run = $2 AND ballot_id = $3`;
const LOCK_BY_ID = prepared(`${BY_ID} FOR UPDATE`);
const READ_VERSION = prepared('SELECT tally_version FROM poll_runs WHERE poll_id = $1 AND run = $2');
// COLLATE "C": the same byte order as SQLite, whatever the database's locale.
const FOR_RUN = prepared(
  `SELECT ${BALLOT_COLS} FROM ballots WHERE poll_id = $1 AND run = $2 ORDER BY cast_at, ballot_id COLLATE "C"`,
);
const FOR_VOTER = prepared(
  `SELECT ${BALLOT_COLS} FROM ballots WHERE voter_id = $1 AND (poll_id, run) IN (SELECT * FROM unnest($2::text[], $3::int[]))`,
);
// The slots `to` holds already are left out; FOR UPDATE keeps the moved rows still until commit.
const OF_VOTER_IN_MEETING = prepared(
  `SELECT ${BALLOT_COLS} FROM ballots b WHERE voter_id = $1 AND poll_id IN (SELECT id FROM polls WHERE meeting_id = $3)
     AND NOT EXISTS (SELECT 1 FROM ballots t WHERE t.voter_id = $2 AND t.poll_id = b.poll_id AND t.run = b.run AND t.question_id = b.question_id)
   ORDER BY poll_id, run, ballot_id COLLATE "C" FOR UPDATE`,
);
const CHANGES = prepared(
  'SELECT version, ballot, previous FROM ballot_changes WHERE poll_id = $1 AND run = $2 AND version > $3 ORDER BY version',
);

// Superseded: a later change of the same voter and question exists (its newest change is kept).
const COMPACT = prepared(
  `DELETE FROM ballot_changes WHERE poll_id = $1 AND run = $2 AND version <= $3 AND version NOT IN (
     SELECT MAX(version) FROM ballot_changes WHERE poll_id = $1 AND run = $2 GROUP BY ballot->>'voterId', ballot->>'questionId')`,
);

type Queryable = Pick<Pool, 'query'>;

/** The run's tally version as stored (0 before its first counted write). */
const readVersion = async (q: Queryable, pollId: string, run: number): Promise<number> =>
  (await q.query<{ tally_version: number }>(READ_VERSION([pollId, run]))).rows[0]?.tally_version ?? 0;

/** The ballot repository on a PostgreSQL pool; every write is one transaction on one connection. */
export function ballotRepository(pool: Pool): BallotRepository {
  const ballots = async (query: QueryConfig): Promise<Ballot[]> =>
    (await pool.query<BallotRow>(query)).rows.map(rowToBallot);
  return {
    writeMany: async (writes) => {
      if (writes.length === 0) return [];
      // First answers in one round trip; whatever found its slot taken goes through the full transaction.
      const fast = fastPathApplies(writes) ? await insertNew(pool, writes) : new Map<string, BallotWriteResult>();
      const rest = writes.filter((w) => !fast.has(w.ballot.ballotId));
      const slow =
        rest.length === 0
          ? []
          : await inTransaction(pool, async (client) => {
              const results = await writeBatch(client, rest, false);
              if (!Array.isArray(results)) throw new Error('writeMany: a non-atomic batch cannot stop early');
              return results;
            });
      const decided = new Map(rest.map((w, i) => [w, slow[i]!]));
      return writes.map((w) => fast.get(w.ballot.ballotId) ?? decided.get(w)!);
    },
    writeAtomically: async (writes) =>
      inTransactionOrRollback<AtomicWriteResult, AtomicWriteResult>(pool, async (client) => {
        const results = await writeBatch(client, writes, true);
        if (!Array.isArray(results)) throw new Rollback<AtomicWriteResult>({ committed: false, ...results });
        return { committed: true, results };
      }),
    listForRun: async (pollId, run) => ballots(FOR_RUN([pollId, run])),
    listForVoter: async (voterId, polls) =>
      polls.length === 0 ? [] : ballots(FOR_VOTER([voterId, polls.map((p) => p.id), polls.map((p) => p.run)])),
    tallyVersion: async (pollId, run) => readVersion(pool, pollId, run),
    get: async (pollId, run, ballotId) => (await ballots({ text: BY_ID, values: [pollId, run, ballotId] }))[0],
    setHidden: async (pollId, run, ballotId, hidden) =>
      inTransaction(pool, async (client) => setHidden(client, [pollId, run, ballotId], hidden)),
    changesSince: async (pollId, run, afterVersion) => {
      const rows = await pool.query<ChangeRow>(CHANGES([pollId, run, afterVersion]));
      return rows.rows.map((r): BallotChange => ({
        version: r.version,
        ballot: r.ballot,
        ...(r.previous === null ? {} : { previous: r.previous }),
      }));
    },
    compactChanges: async (pollId, run, throughVersion) =>
      (await pool.query(COMPACT([pollId, run, throughVersion]))).rowCount ?? 0,
    transferVoter: async (from, to, meetingId) =>
      inTransaction(pool, async (client) => transferVoter(client, from, to, meetingId)),
    // No index on voter_id alone: a scan, acceptable for deauthorization, which is rare.
    meetingsOfVoter: async (voterId) =>
      (
        await pool.query<{ meeting_id: string }>(
          'SELECT DISTINCT p.meeting_id FROM ballots b JOIN polls p ON p.id = b.poll_id WHERE b.voter_id = $1 ORDER BY 1',
          [voterId],
        )
      ).rows.map((r) => r.meeting_id),
  };
}

/** Moves the voter's unconflicted ballots and counts each move as a change of its run (bump + log). */
async function transferVoter(
  client: PoolClient,
  from: string,
  to: string,
  meetingId: string,
): Promise<BallotTransfer[]> {
  const moving = (await client.query<BallotRow>(OF_VOTER_IN_MEETING([from, to, meetingId]))).rows.map(rowToBallot);
  if (moving.length === 0) return [];
  await client.query('UPDATE ballots SET voter_id = $1 WHERE ballot_id = ANY($2::text[])', [
    to,
    moving.map((b) => b.ballotId),
  ]);
  const perRun = new Map<string, number>();
  const changes = moving.map((before) => {
    const k = (perRun.get(runKey(before)) ?? 0) + 1;
    perRun.set(runKey(before), k);
    return { ballot: { ...before, voterId: to }, previous: before, k };
  });
  const bases = await countChanges(client, changes);
  return changes.map(({ ballot, previous, k }) => ({
    before: previous,
    after: ballot,
    version: (bases.get(runKey(ballot)) ?? 0) + k,
  }));
}

/** Locks the ballot, flips its flag and counts the change like any other write (bump + log). */
async function setHidden(
  client: PoolClient,
  [pollId, run, ballotId]: [string, number, string],
  hidden: boolean,
): Promise<number> {
  const row = (await client.query<BallotRow>(LOCK_BY_ID([pollId, run, ballotId]))).rows[0];
  const before = row && rowToBallot(row);
  if (!before || Boolean(before.hidden) === hidden) return readVersion(client, pollId, run);
  await client.query('UPDATE ballots SET hidden = $1 WHERE ballot_id = $2', [hidden, ballotId]);
  const bases = await countChanges(client, [{ ballot: withHidden(before, hidden), previous: before, k: 1 }]);
  return (bases.get(runKey(before)) ?? 0) + 1;
}
