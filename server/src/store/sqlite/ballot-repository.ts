import type Database from 'better-sqlite3';
import { resolveRecast, type Answer, type Ballot } from '@quorum/shared';
import { withHidden } from '../ballot-hidden';
import { BALLOT_COLS, ballotRowMappers, type BallotRowOf } from '../rows';
import type {
  AtomicWriteResult,
  BallotChange,
  BallotRepository,
  BallotTransfer,
  BallotWrite,
  BallotWriteResult,
} from '../types';

/** A `ballots` row as SQLite returns it (answer as JSON text, hidden as 0/1). */
export type BallotRow = BallotRowOf<string, number>;

/** Maps between ballots and rows (answer JSON written by `ballotToRow` from a validated answer). */
export const { ballotToRow, rowToBallot } = ballotRowMappers<string, number>({
  answer: { write: (answer) => JSON.stringify(answer), read: (json) => JSON.parse(json) as Answer },
  hidden: { write: (hidden) => (hidden ? 1 : 0), read: (flag) => flag === 1 },
});

type RunKey = [pollId: string, run: number];

/** Every ballot statement, compiled once per connection. */
function prepareBallotStatements(db: Database.Database) {
  const cols = BALLOT_COLS;
  const findOwn = db.prepare<[string, number, string, string], BallotRow>(
    `SELECT ${cols} FROM ballots WHERE poll_id = ? AND run = ? AND voter_id = ? AND question_id = ?`,
  );
  const insert = db.prepare<BallotRow>(
    `INSERT INTO ballots (${cols}) VALUES (@ballot_id, @poll_id, @run, @question_id, @voter_id, @client_ballot_id, @answer, @cast_at, @hidden, @elapsed_ms, @room_id)`,
  );
  // `hidden` is left alone: a host's hide sticks to the voter's answer slot (see resolveRecast).
  // `room_id` follows the new answer: a voter who moved rooms and answered again moves their ballot.
  const replace = db.prepare<BallotRow>(
    `UPDATE ballots SET client_ballot_id = @client_ballot_id, answer = @answer, cast_at = @cast_at, elapsed_ms = @elapsed_ms,
       room_id = @room_id
     WHERE ballot_id = @ballot_id`,
  );
  const forRun = db.prepare<RunKey, BallotRow>(
    `SELECT ${cols} FROM ballots WHERE poll_id = ? AND run = ? ORDER BY cast_at, ballot_id`,
  );
  const forVoter = db.prepare<[...RunKey, string], BallotRow>(
    `SELECT ${cols} FROM ballots WHERE poll_id = ? AND run = ? AND voter_id = ?`,
  );
  const byId = db.prepare<[...RunKey, string], BallotRow>(
    `SELECT ${cols} FROM ballots WHERE poll_id = ? AND run = ? AND ballot_id = ?`,
  );
  const hide = db.prepare<[number, ...RunKey, string]>(
    'UPDATE ballots SET hidden = ? WHERE poll_id = ? AND run = ? AND ballot_id = ?',
  );
  const version = db
    .prepare<RunKey, number>('SELECT tally_version FROM poll_runs WHERE poll_id = ? AND run = ?')
    .pluck();
  const bump = db
    .prepare<RunKey, number>(
      `INSERT INTO poll_runs (poll_id, run, tally_version) VALUES (?, ?, 1)
       ON CONFLICT (poll_id, run) DO UPDATE SET tally_version = poll_runs.tally_version + 1 RETURNING tally_version`,
    )
    .pluck();
  const setVersion = db.prepare<[...RunKey, number]>(
    `INSERT INTO poll_runs (poll_id, run, tally_version) VALUES (?, ?, ?)
     ON CONFLICT (poll_id, run) DO UPDATE SET tally_version = excluded.tally_version`,
  );
  const log = db.prepare<[...RunKey, number, string, string | null]>(
    'INSERT INTO ballot_changes (poll_id, run, version, ballot, previous) VALUES (?, ?, ?, ?, ?)',
  );
  const changes = db.prepare<[...RunKey, number], ChangeRow>(
    'SELECT version, ballot, previous FROM ballot_changes WHERE poll_id = ? AND run = ? AND version > ? ORDER BY version',
  );
  // Superseded: a later change of the same voter and question exists (its newest change is kept).
  const compact = db.prepare<[...RunKey, number, ...RunKey]>(
    `DELETE FROM ballot_changes WHERE poll_id = ? AND run = ? AND version <= ? AND version NOT IN (
       SELECT MAX(version) FROM ballot_changes WHERE poll_id = ? AND run = ?
       GROUP BY json_extract(ballot, '$.voterId'), json_extract(ballot, '$.questionId'))`,
  );
  const openRun = db.prepare<[string], number>("SELECT run FROM polls WHERE id = ? AND status = 'open'").pluck();
  const inMeeting = db.prepare<[string, string], BallotRow>(
    `SELECT ${cols} FROM ballots WHERE voter_id = ? AND poll_id IN (SELECT id FROM polls WHERE meeting_id = ?) ORDER BY poll_id, run, ballot_id`,
  );
  const setVoter = db.prepare<[string, string]>('UPDATE ballots SET voter_id = ? WHERE ballot_id = ?');
  const meetingsOf = db
    .prepare<[string], string>(
      'SELECT DISTINCT p.meeting_id FROM ballots b JOIN polls p ON p.id = b.poll_id WHERE b.voter_id = ? ORDER BY 1',
    )
    .pluck();
  return {
    findOwn,
    insert,
    replace,
    forRun,
    forVoter,
    byId,
    hide,
    version,
    bump,
    setVersion,
    log,
    changes,
    compact,
    openRun,
    inMeeting,
    setVoter,
    meetingsOf,
  };
}

interface ChangeRow {
  version: number;
  ballot: string;
  previous: string | null;
}

const toChange = (r: ChangeRow): BallotChange => ({
  version: r.version,
  ballot: JSON.parse(r.ballot) as Ballot,
  ...(r.previous === null ? {} : { previous: JSON.parse(r.previous) as Ballot }),
});

type Statements = ReturnType<typeof prepareBallotStatements>;

/** Bumps the run's tally version for one counted change and logs the change under the new version. */
function countChange(s: Statements, ballot: Ballot, previous: Ballot | undefined): number {
  const version = s.bump.get(ballot.pollId, ballot.run) ?? 0;
  s.log.run(ballot.pollId, ballot.run, version, JSON.stringify(ballot), previous ? JSON.stringify(previous) : null);
  return version;
}

/**
 * What one ballot transaction knows of the runs it writes to: whether each poll is open in that run
 * and its tally version, read once, counted in memory and written once at the end. A batch of ballots
 * then costs three statements each (read the voter's slot, write it, log the change) instead of five;
 * safe because the transaction holds SQLite's only write lock throughout.
 */
class BatchRuns {
  private readonly openRuns = new Map<string, number | undefined>();
  private readonly versions = new Map<string, { key: RunKey; version: number; counted: boolean }>();
  constructor(private readonly s: Statements) {}

  isOpen(pollId: string, run: number): boolean {
    if (!this.openRuns.has(pollId)) this.openRuns.set(pollId, this.s.openRun.get(pollId));
    return this.openRuns.get(pollId) === run;
  }

  version(pollId: string, run: number): number {
    return this.entry(pollId, run).version;
  }

  /** Counts one change and logs it under the new version. */
  count(ballot: Ballot, previous: Ballot | undefined): number {
    const entry = this.entry(ballot.pollId, ballot.run);
    entry.version += 1;
    entry.counted = true;
    this.s.log.run(
      ballot.pollId,
      ballot.run,
      entry.version,
      JSON.stringify(ballot),
      previous ? JSON.stringify(previous) : null,
    );
    return entry.version;
  }

  /** Writes the counted runs' versions; the last statement of the transaction. */
  commit(): void {
    for (const { key, version, counted } of this.versions.values()) if (counted) this.s.setVersion.run(...key, version);
  }

  private entry(pollId: string, run: number) {
    const id = `${pollId}\n${run}`;
    let entry = this.versions.get(id);
    if (!entry)
      this.versions.set(
        id,
        (entry = { key: [pollId, run], version: this.s.version.get(pollId, run) ?? 0, counted: false }),
      );
    return entry;
  }
}

/** Thrown inside a transaction to roll a refused survey back (`index` undefined: its run is not open). */
class Refused extends Error {
  constructor(readonly index?: number) {
    super('refused');
  }
}

/** The ballot repository on one SQLite connection. */
export function ballotRepository(db: Database.Database): BallotRepository {
  const s = prepareBallotStatements(db);

  /**
   * One write: check the run is the poll's open one (in the same transaction as the close would be,
   * so the store contract matches PostgreSQL's: see postgres/live-runs.ts), read the voter's ballot,
   * apply the pure rule, persist the outcome.
   */
  const writeOne = ({ ballot, allowAnswerChange }: BallotWrite, runs: BatchRuns): BallotWriteResult => {
    const { pollId, run } = ballot;
    if (!runs.isOpen(pollId, run)) return { kind: 'closed', ballot, tallyVersion: runs.version(pollId, run) };
    const existing = s.findOwn.get(pollId, run, ballot.voterId, ballot.questionId);
    const outcome = resolveRecast(existing && rowToBallot(existing), ballot, allowAnswerChange);
    if (outcome.kind === 'duplicate' || outcome.kind === 'rejected')
      return { ...outcome, tallyVersion: runs.version(pollId, run) };
    (outcome.kind === 'inserted' ? s.insert : s.replace).run(ballotToRow(outcome.ballot));
    return {
      ...outcome,
      tallyVersion: runs.count(outcome.ballot, outcome.kind === 'replaced' ? outcome.previous : undefined),
    };
  };

  // Read-then-write is atomic here: better-sqlite3 runs the whole transaction synchronously on the
  // one connection, and IMMEDIATE takes SQLite's single write lock up front, so nothing interleaves
  // and a later write in the batch sees an earlier one. The PostgreSQL store, with concurrent
  // writers, uses INSERT … ON CONFLICT plus row locks instead (see postgres/ballot-batch.ts).
  const writeAll = db.transaction((writes: readonly BallotWrite[]) => {
    const runs = new BatchRuns(s);
    const results = writes.map((w) => writeOne(w, runs));
    runs.commit();
    return results;
  });
  const writeAllOrNothing = db.transaction((writes: readonly BallotWrite[]) => {
    const runs = new BatchRuns(s);
    const results = writes.map((w, i) => {
      const result = writeOne(w, runs);
      if (result.kind === 'rejected') throw new Refused(i);
      if (result.kind === 'closed') throw new Refused();
      return result;
    });
    runs.commit();
    return results;
  });
  const setHidden = db.transaction((pollId: string, run: number, ballotId: string, hidden: boolean) => {
    const row = s.byId.get(pollId, run, ballotId);
    const before = row && rowToBallot(row);
    if (!before || Boolean(before.hidden) === hidden) return s.version.get(pollId, run) ?? 0;
    s.hide.run(hidden ? 1 : 0, pollId, run, ballotId);
    return countChange(s, withHidden(before, hidden), before);
  });

  const transferVoter = db.transaction((from: string, to: string, meetingId: string): BallotTransfer[] =>
    s.inMeeting.all(from, meetingId).flatMap((row) => {
      const before = rowToBallot(row);
      if (s.findOwn.get(before.pollId, before.run, to, before.questionId)) return [];
      s.setVoter.run(to, before.ballotId);
      const after = { ...before, voterId: to };
      return [{ before, after, version: countChange(s, after, before) }];
    }),
  );

  return {
    writeMany: async (writes) => (writes.length === 0 ? [] : writeAll.immediate(writes)),
    writeAtomically: async (writes): Promise<AtomicWriteResult> => {
      try {
        return { committed: true, results: writeAllOrNothing.immediate(writes) };
      } catch (error) {
        if (error instanceof Refused)
          return error.index === undefined
            ? { committed: false, closed: true }
            : { committed: false, rejectedIndex: error.index };
        throw error;
      }
    },
    listForRun: async (pollId, run) => s.forRun.all(pollId, run).map(rowToBallot),
    listForVoter: async (voterId, polls) => polls.flatMap((p) => s.forVoter.all(p.id, p.run, voterId).map(rowToBallot)),
    tallyVersion: async (pollId, run) => s.version.get(pollId, run) ?? 0,
    get: async (pollId, run, ballotId) => {
      const row = s.byId.get(pollId, run, ballotId);
      return row && rowToBallot(row);
    },
    setHidden: async (pollId, run, ballotId, hidden) => setHidden.immediate(pollId, run, ballotId, hidden),
    changesSince: async (pollId, run, afterVersion) => s.changes.all(pollId, run, afterVersion).map(toChange),
    compactChanges: async (pollId, run, throughVersion) =>
      s.compact.run(pollId, run, throughVersion, pollId, run).changes,
    transferVoter: async (from, to, meetingId) => transferVoter.immediate(from, to, meetingId),
    meetingsOfVoter: async (voterId) => s.meetingsOf.all(voterId),
  };
}
