import type { Answer, Ballot } from '@quorum/shared';

/** A `ballots` row as pg returns it (BIGINT parsed to number, JSONB to an object). */
export interface BallotRow {
  ballot_id: string;
  poll_id: string;
  run: number;
  question_id: string;
  voter_id: string;
  client_ballot_id: string;
  answer: Answer;
  cast_at: number;
  hidden: boolean;
  elapsed_ms: number | null;
}

/** Every column, in the order of `BALLOT_RECORD` (qualified with `b.` where joins need it). */
export const BALLOT_COLS = 'ballot_id, poll_id, run, question_id, voter_id, client_ballot_id, answer, cast_at, hidden, elapsed_ms';
export const BALLOT_COLS_B = BALLOT_COLS.split(', ')
  .map((c) => `b.${c}`)
  .join(', ');

/** The column definitions for reading `ballotToRow` objects back out of a JSONB array (jsonb_to_recordset). */
export const BALLOT_RECORD =
  'ballot_id text, poll_id text, run int, question_id text, voter_id text, client_ballot_id text, answer jsonb, cast_at bigint, hidden boolean, elapsed_ms int, ord int';

/** Maps a ballot to its row. */
export const ballotToRow = (b: Ballot): BallotRow => ({
  ballot_id: b.ballotId,
  poll_id: b.pollId,
  run: b.run,
  question_id: b.questionId,
  voter_id: b.voterId,
  client_ballot_id: b.clientBallotId,
  answer: b.answer,
  cast_at: b.castAt,
  hidden: b.hidden === true,
  elapsed_ms: b.elapsedMs ?? null,
});

/** Maps a row back to a ballot; optional fields only when set, so a plain ballot reads back as written. */
export const rowToBallot = (r: BallotRow): Ballot => ({
  ballotId: r.ballot_id,
  pollId: r.poll_id,
  run: r.run,
  questionId: r.question_id,
  clientBallotId: r.client_ballot_id,
  answer: r.answer,
  castAt: r.cast_at,
  voterId: r.voter_id,
  ...(r.hidden ? { hidden: true } : {}),
  ...(r.elapsed_ms === null ? {} : { elapsedMs: r.elapsed_ms }),
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
export const byRun = (a: { poll_id: string; run: number }, b: { poll_id: string; run: number }): number => cmp(a.poll_id, b.poll_id) || a.run - b.run;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
