import { STEPS, type Migration } from './migration-plan';

/**
 * v7: sessions made void before their expiry. A session token is a signed, stateless value, so the
 * only way to stop one early (a user removed the app) is a line "issued at or before this time, no
 * longer" kept per user, under a keyed pseudonym of the Zoom user id so the table itself names no one.
 * Rows older than the longest session life are purged.
 */
export const SESSION_REVOCATIONS_SQLITE: Migration = {
  ...STEPS.sessionRevocations,
  sql: 'CREATE TABLE session_revocations (subject TEXT NOT NULL PRIMARY KEY, revoked_at INTEGER NOT NULL) STRICT;',
};

export const SESSION_REVOCATIONS_POSTGRES: Migration = {
  ...STEPS.sessionRevocations,
  sql: 'CREATE TABLE session_revocations (subject TEXT NOT NULL PRIMARY KEY, revoked_at BIGINT NOT NULL);',
};
