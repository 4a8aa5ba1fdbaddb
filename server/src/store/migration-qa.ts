import { STEPS, type Migration } from './migration-plan';

/** The column types that differ between the two dialects; everything else is written once. */
interface Dialect {
  int: string;
  bool: string;
  json: string;
  strict: string;
  noRowid: string;
}

const SQLITE: Dialect = {
  int: 'INTEGER',
  bool: 'INTEGER',
  json: 'TEXT',
  strict: ' STRICT',
  noRowid: ', WITHOUT ROWID',
};
const POSTGRES: Dialect = { int: 'BIGINT', bool: 'BOOLEAN', json: 'JSONB', strict: '', noRowid: '' };

/**
 * v8: audience Q&A. One row per meeting (settings, NULL until a host changes them, and the version that
 * every committed change bumps in its own transaction), the questions, and the upvotes as a set: the
 * primary key (question, voter) is the one-vote-per-person rule. Each upvote request's client id is kept
 * so a re-send after a reconnect is recognised even after a later change; both go with their question.
 */
function qaSql(d: Dialect): string {
  return `
    CREATE TABLE qa_meetings (
      meeting_id TEXT NOT NULL PRIMARY KEY,
      settings   ${d.json},
      version    ${d.int} NOT NULL CHECK (version >= 0)
    )${d.strict};

    CREATE TABLE qa_questions (
      id         TEXT NOT NULL PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES qa_meetings (meeting_id) ON DELETE CASCADE,
      asker_id   TEXT NOT NULL,
      client_id  TEXT NOT NULL,
      text       TEXT NOT NULL,
      anonymous  ${d.bool} NOT NULL,
      status     TEXT NOT NULL CHECK (status IN ('waiting', 'live', 'answered', 'dismissed', 'archived')),
      pinned     ${d.bool} NOT NULL,
      reply      TEXT,
      room_id    TEXT,
      created_at ${d.int} NOT NULL,
      edited_at  ${d.int},
      -- The same ask re-sent is the same question; this index also serves the meeting's listing.
      CONSTRAINT qa_questions_one_per_client UNIQUE (meeting_id, asker_id, client_id)
    )${d.strict};

    CREATE TABLE qa_upvotes (
      question_id TEXT NOT NULL REFERENCES qa_questions (id) ON DELETE CASCADE,
      voter_id    TEXT NOT NULL,
      PRIMARY KEY (question_id, voter_id)
    )${d.strict}${d.noRowid};

    CREATE TABLE qa_upvote_requests (
      question_id TEXT NOT NULL REFERENCES qa_questions (id) ON DELETE CASCADE,
      voter_id    TEXT NOT NULL,
      client_id   TEXT NOT NULL,
      PRIMARY KEY (question_id, voter_id, client_id)
    )${d.strict}${d.noRowid};
  `;
}

export const QA_SQLITE: Migration = { ...STEPS.qa, sql: qaSql(SQLITE) };
export const QA_POSTGRES: Migration = { ...STEPS.qa, sql: qaSql(POSTGRES) };
