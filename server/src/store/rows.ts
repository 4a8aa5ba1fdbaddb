import type { Answer, Ballot } from '@quorum/shared';

/** Every `ballots` column, in the one order both dialects select and insert them. */
export const BALLOT_COLS =
  'ballot_id, poll_id, run, question_id, voter_id, client_ballot_id, answer, cast_at, hidden, elapsed_ms, room_id';

/** A `ballots` row; `A` and `H` are how the dialect stores the answer and the hidden flag. */
export interface BallotRowOf<A, H> {
  ballot_id: string;
  poll_id: string;
  run: number;
  question_id: string;
  voter_id: string;
  client_ballot_id: string;
  answer: A;
  cast_at: number;
  hidden: H;
  elapsed_ms: number | null;
  room_id: string | null;
}

/** A column's encoding in one dialect (SQLite stores JSON text and 0/1; PostgreSQL JSONB and BOOLEAN). */
export interface ColumnCodec<T, V> {
  write(value: T): V;
  read(stored: V): T;
}

/** The two ballot columns whose storage differs between dialects. */
export interface BallotCodecs<A, H> {
  answer: ColumnCodec<Answer, A>;
  hidden: ColumnCodec<boolean, H>;
}

/** Maps between ballots and one dialect's rows. */
export function ballotRowMappers<A, H>({ answer, hidden }: BallotCodecs<A, H>) {
  const ballotToRow = (b: Ballot): BallotRowOf<A, H> => ({
    ballot_id: b.ballotId,
    poll_id: b.pollId,
    run: b.run,
    question_id: b.questionId,
    voter_id: b.voterId,
    client_ballot_id: b.clientBallotId,
    answer: answer.write(b.answer),
    cast_at: b.castAt,
    hidden: hidden.write(b.hidden === true),
    elapsed_ms: b.elapsedMs ?? null,
    room_id: b.roomId ?? null,
  });
  const rowToBallot = (r: BallotRowOf<A, H>): Ballot => ({
    ballotId: r.ballot_id,
    pollId: r.poll_id,
    run: r.run,
    questionId: r.question_id,
    clientBallotId: r.client_ballot_id,
    answer: answer.read(r.answer),
    castAt: r.cast_at,
    voterId: r.voter_id,
    // Optional fields only when set, so a plain ballot reads back exactly as it was written.
    ...(hidden.read(r.hidden) ? { hidden: true } : {}),
    ...(r.elapsed_ms === null ? {} : { elapsedMs: r.elapsed_ms }),
    ...(r.room_id === null ? {} : { roomId: r.room_id }),
  });
  return { ballotToRow, rowToBallot };
}
