import type { Pool } from 'pg';
import type { Ballot } from '@quorum/shared';
import { withHidden } from '../ballot-hidden';
import type { AtomicWriteResult, BallotChange, BallotRepository } from '../types';
import { BUMP_RUNS, LOG_CHANGES, writeBatch } from './ballot-batch';
import { BALLOT_COLS, rowToBallot, type BallotRow } from './ballot-rows';
import { inTransaction, inTransactionOrRollback, Rollback } from './pg-pool';

interface ChangeRow {
  version: number;
  ballot: Ballot;
  previous: Ballot | null;
}

const BY_ID = `SELECT ${BALLOT_COLS} FROM ballots WHERE poll_id = $1 AND run = $2 AND ballot_id = $3`;

type Queryable = Pick<Pool, 'query'>;

/** The run's tally version as stored (0 before its first counted write). */
const readVersion = async (q: Queryable, pollId: string, run: number): Promise<number> =>
  (await q.query<{ tally_version: number }>('SELECT tally_version FROM poll_runs WHERE poll_id = $1 AND run = $2', [pollId, run])).rows[0]?.tally_version ?? 0;

/** The ballot repository on a PostgreSQL pool; every write is one transaction on one connection. */
export function ballotRepository(pool: Pool): BallotRepository {
  const ballots = async (sql: string, params: unknown[]): Promise<Ballot[]> => (await pool.query<BallotRow>(sql, params)).rows.map(rowToBallot);
  return {
    writeMany: async (writes) => {
      if (writes.length === 0) return [];
      return inTransaction(pool, async (client) => {
        const results = await writeBatch(client, writes, false);
        if (!Array.isArray(results)) throw new Error('writeMany: a non-atomic batch cannot stop early');
        return results;
      });
    },
    writeAtomically: async (writes) =>
      inTransactionOrRollback<AtomicWriteResult, AtomicWriteResult>(pool, async (client) => {
        const results = await writeBatch(client, writes, true);
        if (!Array.isArray(results)) throw new Rollback<AtomicWriteResult>({ committed: false, rejectedIndex: results.rejectedIndex });
        return { committed: true, results };
      }),
    // COLLATE "C": the same byte order as SQLite, whatever the database's locale.
    listForRun: async (pollId, run) => ballots(`SELECT ${BALLOT_COLS} FROM ballots WHERE poll_id = $1 AND run = $2 ORDER BY cast_at, ballot_id COLLATE "C"`, [pollId, run]),
    listForVoter: async (voterId, polls) =>
      polls.length === 0
        ? []
        : ballots(
            `SELECT ${BALLOT_COLS} FROM ballots
             WHERE voter_id = $1 AND (poll_id, run) IN (SELECT * FROM unnest($2::text[], $3::int[]))`,
            [voterId, polls.map((p) => p.id), polls.map((p) => p.run)],
          ),
    tallyVersion: async (pollId, run) => readVersion(pool, pollId, run),
    get: async (pollId, run, ballotId) => (await ballots(BY_ID, [pollId, run, ballotId]))[0],
    setHidden: async (pollId, run, ballotId, hidden) => inTransaction(pool, async (client) => setHidden(client, [pollId, run, ballotId], hidden)),
    changesSince: async (pollId, run, afterVersion) => {
      const rows = await pool.query<ChangeRow>(
        'SELECT version, ballot, previous FROM ballot_changes WHERE poll_id = $1 AND run = $2 AND version > $3 ORDER BY version',
        [pollId, run, afterVersion],
      );
      return rows.rows.map((r): BallotChange => ({ version: r.version, ballot: r.ballot, ...(r.previous === null ? {} : { previous: r.previous }) }));
    },
  };
}

/** Locks the ballot, flips its flag and counts the change like any other write (bump + log). */
async function setHidden(client: Queryable, [pollId, run, ballotId]: [string, number, string], hidden: boolean): Promise<number> {
  const row = (await client.query<BallotRow>(`${BY_ID} FOR UPDATE`, [pollId, run, ballotId])).rows[0];
  const before = row && rowToBallot(row);
  if (!before || Boolean(before.hidden) === hidden) return readVersion(client, pollId, run);
  await client.query('UPDATE ballots SET hidden = $1 WHERE ballot_id = $2', [hidden, ballotId]);
  const bumped = await client.query<{ tally_version: number }>(BUMP_RUNS, [JSON.stringify([{ poll_id: pollId, run, n: 1, ord: 0 }])]);
  const version = bumped.rows[0]?.tally_version ?? 0;
  const change = { poll_id: pollId, run, version, ballot: withHidden(before, hidden), previous: before };
  await client.query(LOG_CHANGES, [JSON.stringify([change])]);
  return version;
}
