import type Database from 'better-sqlite3';
import { personalSpaceId } from '../../zoom/app-context';
import { erasedPayload } from '../erase-payload';
import { qaEraseSql } from '../qa-voter-sql';
import type {
  OAuthStateRecord,
  OAuthStateRepository,
  SessionRevocationRepository,
  ZoomUserRecord,
  ZoomUserRepository,
} from '../types';

interface ZoomUserRow {
  uid: string;
  email: string | null;
  display_name: string | null;
  account_id: string | null;
  sealed_tokens: string | null;
  expires_at: number;
  scope: string;
  updated_at: number;
}

interface OAuthStateRow {
  state: string;
  purpose: OAuthStateRecord['purpose'];
  voter_id: string | null;
  sealed_verifier: string;
  expires_at: number;
}

const toUser = (r: ZoomUserRow): ZoomUserRecord => ({
  uid: r.uid,
  email: r.email,
  displayName: r.display_name,
  accountId: r.account_id,
  sealedTokens: r.sealed_tokens,
  expiresAt: r.expires_at,
  scope: r.scope,
  updatedAt: r.updated_at,
});

/** Zoom users and their sealed tokens in SQLite. */
export function zoomUserRepository(db: Database.Database): ZoomUserRepository {
  const upsert = db.prepare<ZoomUserRow>(
    `INSERT INTO zoom_users (uid, email, display_name, account_id, sealed_tokens, expires_at, scope, updated_at)
     VALUES (@uid, @email, @display_name, @account_id, @sealed_tokens, @expires_at, @scope, @updated_at)
     ON CONFLICT (uid) DO UPDATE SET email = excluded.email, display_name = excluded.display_name, account_id = excluded.account_id,
       sealed_tokens = excluded.sealed_tokens, expires_at = excluded.expires_at, scope = excluded.scope, updated_at = excluded.updated_at`,
  );
  const get = db.prepare<[string], ZoomUserRow>('SELECT * FROM zoom_users WHERE uid = ?');
  const setTokens = db.prepare<[string | null, number, number, string]>(
    'UPDATE zoom_users SET sealed_tokens = ?, expires_at = ?, updated_at = ? WHERE uid = ?',
  );
  const erase = eraseStatements(db);
  return {
    upsert: async (u) =>
      void upsert.run({
        uid: u.uid,
        email: u.email,
        display_name: u.displayName,
        account_id: u.accountId,
        sealed_tokens: u.sealedTokens,
        expires_at: u.expiresAt,
        scope: u.scope,
        updated_at: u.updatedAt,
      }),
    get: async (uid) => {
      const row = get.get(uid);
      return row && toUser(row);
    },
    setTokens: async (uid, sealed, expiresAt, at) => void setTokens.run(sealed, expiresAt, at, uid),
    erase: async (uid, pseudonym) => erase(uid, pseudonym),
  };
}

// One transaction, so a crash cannot leave a user half-forgotten.
function eraseStatements(db: Database.Database): (uid: string, pseudonym: string) => void {
  type P = { uid: string; voter: string; anon: string; personal: string };
  const emailOf = db.prepare<[string], { email: string | null }>('SELECT email FROM zoom_users WHERE uid = ?');
  const steps = [
    db.prepare<P>('DELETE FROM zoom_users WHERE uid = @uid'),
    db.prepare<P>('DELETE FROM oauth_states WHERE voter_id = @voter'),
    db.prepare<P>(
      "UPDATE attendance SET user_id = NULL, name = NULL, participant_key = 'erased:' || id WHERE user_id = @uid",
    ),
    db.prepare<P>('UPDATE meetings SET host_id = NULL WHERE host_id = @uid'),
    db.prepare<P>('DELETE FROM templates WHERE owner_uid = @uid'),
    // Their personal space (drafts prepared outside a meeting) is named after their user id.
    db.prepare<P>('DELETE FROM polls WHERE meeting_id = @personal'),
    db.prepare<P>('DELETE FROM meeting_settings WHERE meeting_id = @personal'),
    ...qaEraseSql((name) => `@${name}`).map((sql) => db.prepare<P>(sql)),
    // The change log holds copies of their ballots (transferVoter's own entries among them): re-keyed too.
    ...(['ballot', 'previous'] as const).map((col) =>
      db.prepare<P>(
        `UPDATE ballot_changes SET ${col} = json_set(${col}, '$.voterId', @anon) WHERE json_extract(${col}, '$.voterId') = @voter`,
      ),
    ),
  ];
  const deliveries = db.prepare<{ email: string }, { id: string }>(
    "SELECT id FROM deliveries WHERE kind = 'email' AND (lower(target) = lower(@email) OR instr(lower(coalesce(last_error, '')), lower(@email)) > 0)",
  );
  const eraseDelivery = db.prepare<[string]>("UPDATE deliveries SET target = 'erased', last_error = NULL WHERE id = ?");
  const inbox = db.prepare<{ uid: string; email: string }, { id: number; payload: string }>(
    "SELECT id, payload FROM webhook_inbox WHERE instr(payload, @uid) > 0 OR (@email <> '' AND instr(lower(payload), lower(@email)) > 0)",
  );
  const setPayload = db.prepare<[string, number]>('UPDATE webhook_inbox SET payload = ? WHERE id = ?');
  const run = db.transaction((uid: string, anon: string) => {
    const email = emailOf.get(uid)?.email ?? null;
    const params: P = { uid, voter: `u:${uid}`, anon, personal: personalSpaceId(uid) };
    steps.forEach((step) => step.run(params));
    if (email) for (const d of deliveries.all({ email })) eraseDelivery.run(d.id);
    for (const row of inbox.all({ uid, email: email ?? '' })) {
      const scrubbed = erasedPayload(row.payload, uid, email);
      if (scrubbed !== undefined) setPayload.run(scrubbed, row.id);
    }
  });
  return (uid, anon) => run.immediate(uid, anon);
}

/** Session revocations in SQLite. */
export function sessionRevocationRepository(db: Database.Database): SessionRevocationRepository {
  const revoke = db.prepare<[string, number]>(
    'INSERT INTO session_revocations (subject, revoked_at) VALUES (?, ?) ON CONFLICT (subject) DO UPDATE SET revoked_at = max(revoked_at, excluded.revoked_at)',
  );
  const since = db.prepare<[number], { subject: string; revokedAt: number }>(
    'SELECT subject, revoked_at AS revokedAt FROM session_revocations WHERE revoked_at >= ?',
  );
  const purge = db.prepare<[number]>('DELETE FROM session_revocations WHERE revoked_at < ?');
  return {
    revoke: async (subject, at) => void revoke.run(subject, at),
    listSince: async (at) => since.all(at),
    purgeBefore: async (before) => purge.run(before).changes,
  };
}

/** Pending OAuth authorizations in SQLite. */
export function oauthStateRepository(db: Database.Database): OAuthStateRepository {
  const put = db.prepare<OAuthStateRow>(
    'INSERT INTO oauth_states (state, purpose, voter_id, sealed_verifier, expires_at) VALUES (@state, @purpose, @voter_id, @sealed_verifier, @expires_at)',
  );
  // DELETE … RETURNING makes "read and consume" one statement: two racing callbacks cannot both win.
  const take = db.prepare<[string], OAuthStateRow>('DELETE FROM oauth_states WHERE state = ? RETURNING *');
  const purge = db.prepare<[number]>('DELETE FROM oauth_states WHERE expires_at <= ?');
  const dropVoter = db.prepare<[string, string]>('DELETE FROM oauth_states WHERE purpose = ? AND voter_id = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM oauth_states');
  const toRow = (r: OAuthStateRecord): OAuthStateRow => ({
    state: r.state,
    purpose: r.purpose,
    voter_id: r.voterId,
    sealed_verifier: r.sealedVerifier,
    expires_at: r.expiresAt,
  });
  const replace = db.transaction((r: OAuthStateRecord & { voterId: string }) => {
    dropVoter.run(r.purpose, r.voterId);
    put.run(toRow(r));
  });
  return {
    put: async (r) => void put.run(toRow(r)),
    replace: async (r) => void replace.immediate(r),
    count: async () => count.get()?.n ?? 0,
    take: async (state) => {
      const row = take.get(state);
      return (
        row && {
          state: row.state,
          purpose: row.purpose,
          voterId: row.voter_id,
          sealedVerifier: row.sealed_verifier,
          expiresAt: row.expires_at,
        }
      );
    },
    purgeExpired: async (now) => purge.run(now).changes,
  };
}
