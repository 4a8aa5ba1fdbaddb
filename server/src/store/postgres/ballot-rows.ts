import type { Answer, Ballot } from '@quorum/shared';
import { BALLOT_COLS, ballotRowMappers, type BallotRowOf } from '../rows';

/** A `ballots` row as pg returns it (BIGINT parsed to number, JSONB to an object). */
export type BallotRow = BallotRowOf<Answer, boolean>;

export { BALLOT_COLS };
/** Every column qualified with `b.`, for joins. */
export const BALLOT_COLS_B = BALLOT_COLS.split(', ')
  .map((c) => `b.${c}`)
  .join(', ');

/** The column definitions for reading `ballotToRow` objects back out of a JSONB array (jsonb_to_recordset), in `BALLOT_COLS` order. */
export const BALLOT_RECORD =
  'ballot_id text, poll_id text, run int, question_id text, voter_id text, client_ballot_id text, answer jsonb, cast_at bigint, hidden boolean, elapsed_ms int, room_id text, ord int';

const same = <T>(value: T): T => value;

/** Maps between ballots and rows; pg hands JSONB and BOOLEAN over as they are. */
export const { ballotToRow, rowToBallot } = ballotRowMappers<Answer, boolean>({
  answer: { write: same, read: same },
  hidden: { write: same, read: same },
});

/** The one-ballot key (poll, run, voter, question) of a ballot, as a map key. */
export const slotKey = (b: Pick<Ballot, 'pollId' | 'run' | 'voterId' | 'questionId'>): string =>
  JSON.stringify([b.pollId, b.run, b.voterId, b.questionId]);

/** A run's key, as a map key. */
export const runKey = (b: Pick<Ballot, 'pollId' | 'run'>): string => JSON.stringify([b.pollId, b.run]);

/**
 * One total order on ballots by (poll, run, voter, question). Every instance takes row locks in this
 * order, so two batches touching the same slots queue behind each other instead of deadlocking.
 */
export function bySlot(a: Ballot, b: Ballot): number {
  return cmp(a.pollId, b.pollId) || a.run - b.run || cmp(a.voterId, b.voterId) || cmp(a.questionId, b.questionId);
}

/** The same order on run rows (poll, run): run rows are locked in it too. */
export const byRun = (a: { poll_id: string; run: number }, b: { poll_id: string; run: number }): number =>
  cmp(a.poll_id, b.poll_id) || a.run - b.run;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
