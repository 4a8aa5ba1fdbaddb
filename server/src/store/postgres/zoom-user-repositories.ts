import type { Pool } from 'pg';
import type { OAuthStateRecord, OAuthStateRepository, ZoomUserRecord, ZoomUserRepository } from '../types';
import { inTransaction } from './pg-pool';

const userCols = `uid, email, display_name AS "displayName", account_id AS "accountId", sealed_tokens AS "sealedTokens",
  expires_at AS "expiresAt", scope, updated_at AS "updatedAt"`;

/** Zoom users and their sealed tokens in PostgreSQL. */
export function zoomUserRepository(pool: Pool): ZoomUserRepository {
  return {
    upsert: async (u) =>
      void (await pool.query(
        `INSERT INTO zoom_users (uid, email, display_name, account_id, sealed_tokens, expires_at, scope, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (uid) DO UPDATE SET email = excluded.email, display_name = excluded.display_name, account_id = excluded.account_id,
           sealed_tokens = excluded.sealed_tokens, expires_at = excluded.expires_at, scope = excluded.scope, updated_at = excluded.updated_at`,
        [u.uid, u.email, u.displayName, u.accountId, u.sealedTokens, u.expiresAt, u.scope, u.updatedAt],
      )),
    get: async (uid) => (await pool.query<ZoomUserRecord>(`SELECT ${userCols} FROM zoom_users WHERE uid = $1`, [uid])).rows[0],
    setTokens: async (uid, sealed, expiresAt, at) =>
      void (await pool.query('UPDATE zoom_users SET sealed_tokens = $1, expires_at = $2, updated_at = $3 WHERE uid = $4', [sealed, expiresAt, at, uid])),
    erase: async (uid, anonymousVoterId) => inTransaction(pool, async (client) => {
      for (const [sql, params] of eraseSteps(uid, `u:${uid}`, anonymousVoterId)) await client.query(sql, params);
    }),
  };
}

/** Deauthorization, statement by statement; run in one transaction so a crash cannot leave a user half-forgotten. */
function eraseSteps(uid: string, voter: string, anon: string): [string, unknown[]][] {
  // The change log holds copies of the voter's ballots: re-keyed too, or the identity survives there.
  const rekeyLog = (col: 'ballot' | 'previous'): [string, unknown[]] => [
    `UPDATE ballot_changes SET ${col} = jsonb_set(${col}, '{voterId}', to_jsonb($2::text)) WHERE ${col}->>'voterId' = $1`,
    [voter, anon],
  ];
  return [
    ['DELETE FROM zoom_users WHERE uid = $1', [uid]],
    ['DELETE FROM oauth_states WHERE voter_id = $1', [voter]],
    ["UPDATE attendance SET user_id = NULL, name = NULL, participant_key = 'erased:' || id WHERE user_id = $1", [uid]],
    ['UPDATE meetings SET host_id = NULL WHERE host_id = $1', [uid]],
    ['DELETE FROM templates WHERE owner_uid = $1', [uid]],
    // Re-keyed, not deleted: the ballots are the anonymous aggregate the meeting's results rest on.
    ['UPDATE ballots SET voter_id = $2 WHERE voter_id = $1', [voter, anon]],
    rekeyLog('ballot'),
    rekeyLog('previous'),
  ];
}

const stateCols = 'state, purpose, voter_id AS "voterId", sealed_verifier AS "sealedVerifier", expires_at AS "expiresAt"';

/** Pending OAuth authorizations in PostgreSQL. */
export function oauthStateRepository(pool: Pool): OAuthStateRepository {
  const insert = 'INSERT INTO oauth_states (state, purpose, voter_id, sealed_verifier, expires_at) VALUES ($1, $2, $3, $4, $5)';
  const values = (r: OAuthStateRecord) => [r.state, r.purpose, r.voterId, r.sealedVerifier, r.expiresAt];
  return {
    put: async (r) => void (await pool.query(insert, values(r))),
    replace: async (r) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM oauth_states WHERE purpose = $1 AND voter_id = $2', [r.purpose, r.voterId]);
        await client.query(insert, values(r));
      }),
    count: async () => Number((await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM oauth_states')).rows[0]?.n ?? 0),
    // DELETE … RETURNING: read and consume in one statement, so two racing callbacks cannot both win.
    take: async (state) => (await pool.query<OAuthStateRecord>(`DELETE FROM oauth_states WHERE state = $1 RETURNING ${stateCols}`, [state])).rows[0],
    purgeExpired: async (now) => (await pool.query('DELETE FROM oauth_states WHERE expires_at <= $1', [now])).rowCount ?? 0,
  };
}
