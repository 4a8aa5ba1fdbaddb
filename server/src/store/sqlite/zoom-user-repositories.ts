import type Database from 'better-sqlite3';
import type { OAuthStateRecord, OAuthStateRepository, ZoomUserRecord, ZoomUserRepository } from '../types';

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
  const setTokens = db.prepare<[string | null, number, number, string]>('UPDATE zoom_users SET sealed_tokens = ?, expires_at = ?, updated_at = ? WHERE uid = ?');
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
    erase: async (uid, anonymousVoterId) => erase(uid, anonymousVoterId),
  };
}

// One transaction, so a crash cannot leave a user half-forgotten.
function eraseStatements(db: Database.Database): (uid: string, anonymousVoterId: string) => void {
  const steps = [
    db.prepare<{ uid: string; voter: string; anon: string }>('DELETE FROM zoom_users WHERE uid = @uid'),
    db.prepare<{ uid: string; voter: string; anon: string }>('DELETE FROM oauth_states WHERE voter_id = @voter'),
    db.prepare<{ uid: string; voter: string; anon: string }>(
      "UPDATE attendance SET user_id = NULL, name = NULL, participant_key = 'erased:' || id WHERE user_id = @uid",
    ),
    db.prepare<{ uid: string; voter: string; anon: string }>('UPDATE meetings SET host_id = NULL WHERE host_id = @uid'),
    db.prepare<{ uid: string; voter: string; anon: string }>('DELETE FROM templates WHERE owner_uid = @uid'),
    // Re-keyed, not deleted: the ballots are the anonymous aggregate the meeting's results rest on.
    db.prepare<{ uid: string; voter: string; anon: string }>('UPDATE ballots SET voter_id = @anon WHERE voter_id = @voter'),
    // The change log holds copies of those ballots: re-key them too, or the identity survives there.
    ...(['ballot', 'previous'] as const).map((col) =>
      db.prepare<{ uid: string; voter: string; anon: string }>(
        `UPDATE ballot_changes SET ${col} = json_set(${col}, '$.voterId', @anon) WHERE json_extract(${col}, '$.voterId') = @voter`,
      ),
    ),
  ];
  const run = db.transaction((params: { uid: string; voter: string; anon: string }) => steps.forEach((s) => s.run(params)));
  return (uid, anon) => run.immediate({ uid, voter: `u:${uid}`, anon });
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
  const toRow = (r: OAuthStateRecord): OAuthStateRow => ({ state: r.state, purpose: r.purpose, voter_id: r.voterId, sealed_verifier: r.sealedVerifier, expires_at: r.expiresAt });
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
      return row && { state: row.state, purpose: row.purpose, voterId: row.voter_id, sealedVerifier: row.sealed_verifier, expiresAt: row.expires_at };
    },
    purgeExpired: async (now) => purge.run(now).changes,
  };
}
