import type { Pool } from 'pg';
import { personalSpaceId } from '../../zoom/app-context';
import { erasedPayload } from '../erase-payload';
import { qaEraseSql } from '../qa-voter-sql';
import { numbered } from './numbered';
import type {
  OAuthStateRecord,
  OAuthStateRepository,
  SessionRevocationRepository,
  ZoomUserRecord,
  ZoomUserRepository,
} from '../types';
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
    get: async (uid) =>
      (await pool.query<ZoomUserRecord>(`SELECT ${userCols} FROM zoom_users WHERE uid = $1`, [uid])).rows[0],
    setTokens: async (uid, sealed, expiresAt, at) =>
      void (await pool.query(
        'UPDATE zoom_users SET sealed_tokens = $1, expires_at = $2, updated_at = $3 WHERE uid = $4',
        [sealed, expiresAt, at, uid],
      )),
    erase: async (uid, pseudonym) =>
      inTransaction(pool, async (client) => {
        const email =
          (await client.query<{ email: string | null }>('SELECT email FROM zoom_users WHERE uid = $1', [uid])).rows[0]
            ?.email ?? null;
        for (const [sql, params] of eraseSteps(uid, `u:${uid}`, pseudonym)) await client.query(sql, params);
        if (email) {
          await client.query(
            "UPDATE deliveries SET target = 'erased', last_error = NULL WHERE kind = 'email' AND (lower(target) = lower($1) OR strpos(lower(coalesce(last_error, '')), lower($1)) > 0)",
            [email],
          );
        }
        const mentions = await client.query<{ id: string; payload: string }>(
          "SELECT id, payload::text AS payload FROM webhook_inbox WHERE strpos(payload::text, $1) > 0 OR ($2 <> '' AND strpos(lower(payload::text), lower($2)) > 0) FOR UPDATE",
          [uid, email ?? ''],
        );
        for (const row of mentions.rows) {
          const scrubbed = erasedPayload(row.payload, uid, email);
          if (scrubbed !== undefined)
            await client.query('UPDATE webhook_inbox SET payload = $1::json WHERE id = $2', [scrubbed, row.id]);
        }
      }),
  };
}

/** Deauthorization, statement by statement; run in one transaction so a crash cannot leave a user half-forgotten. */
function eraseSteps(uid: string, voter: string, anon: string): [string, unknown[]][] {
  // The change log holds copies of the voter's ballots (transferVoter's own entries among them): re-keyed too.
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
    // Their personal space (drafts prepared outside a meeting) is named after their user id.
    ['DELETE FROM polls WHERE meeting_id = $1', [personalSpaceId(uid)]],
    ['DELETE FROM meeting_settings WHERE meeting_id = $1', [personalSpaceId(uid)]],
    ...qaEraseSql((name) => `:${name}`).map((sql) => numbered(sql, { voter, anon, personal: personalSpaceId(uid) })),
    rekeyLog('ballot'),
    rekeyLog('previous'),
  ];
}

/** Session revocations in PostgreSQL. */
export function sessionRevocationRepository(pool: Pool): SessionRevocationRepository {
  return {
    revoke: async (subject, at) =>
      void (await pool.query(
        'INSERT INTO session_revocations (subject, revoked_at) VALUES ($1, $2) ON CONFLICT (subject) DO UPDATE SET revoked_at = GREATEST(session_revocations.revoked_at, excluded.revoked_at)',
        [subject, at],
      )),
    listSince: async (since) =>
      (
        await pool.query<{ subject: string; revokedAt: string }>(
          'SELECT subject, revoked_at AS "revokedAt" FROM session_revocations WHERE revoked_at >= $1',
          [since],
        )
      ).rows.map((r) => ({ subject: r.subject, revokedAt: Number(r.revokedAt) })),
    purgeBefore: async (before) =>
      (await pool.query('DELETE FROM session_revocations WHERE revoked_at < $1', [before])).rowCount ?? 0,
  };
}

const stateCols =
  'state, purpose, voter_id AS "voterId", sealed_verifier AS "sealedVerifier", expires_at AS "expiresAt"';

/** Pending OAuth authorizations in PostgreSQL. */
export function oauthStateRepository(pool: Pool): OAuthStateRepository {
  const insert =
    'INSERT INTO oauth_states (state, purpose, voter_id, sealed_verifier, expires_at) VALUES ($1, $2, $3, $4, $5)';
  const values = (r: OAuthStateRecord) => [r.state, r.purpose, r.voterId, r.sealedVerifier, r.expiresAt];
  return {
    put: async (r) => void (await pool.query(insert, values(r))),
    replace: async (r) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM oauth_states WHERE purpose = $1 AND voter_id = $2', [r.purpose, r.voterId]);
        await client.query(insert, values(r));
      }),
    count: async () =>
      Number((await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM oauth_states')).rows[0]?.n ?? 0),
    // DELETE … RETURNING: read and consume in one statement, so two racing callbacks cannot both win.
    take: async (state) =>
      (await pool.query<OAuthStateRecord>(`DELETE FROM oauth_states WHERE state = $1 RETURNING ${stateCols}`, [state]))
        .rows[0],
    purgeExpired: async (now) =>
      (await pool.query('DELETE FROM oauth_states WHERE expires_at <= $1', [now])).rowCount ?? 0,
  };
}
