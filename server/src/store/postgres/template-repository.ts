import type { Pool } from 'pg';
import type { TemplateRecord, TemplateRepository } from '../types';
import { inTransaction } from './pg-pool';

// Aliased to the record's field names (JSONB arrives parsed), so rows come back as records.
const cols = 'owner_uid AS "ownerUid", id, draft, created_at AS "createdAt", updated_at AS "updatedAt"';

const UPSERT = `INSERT INTO templates (owner_uid, id, draft, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (owner_uid, id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at`;

/** Poll templates in PostgreSQL, one row per (owner, id). */
export function templateRepository(pool: Pool): TemplateRepository {
  return {
    list: async (ownerUid) =>
      (
        await pool.query<TemplateRecord>(
          `SELECT ${cols} FROM templates WHERE owner_uid = $1 ORDER BY updated_at DESC, id`,
          [ownerUid],
        )
      ).rows,
    get: async (ownerUid, id) =>
      (
        await pool.query<TemplateRecord>(`SELECT ${cols} FROM templates WHERE owner_uid = $1 AND id = $2`, [
          ownerUid,
          id,
        ])
      ).rows[0],
    putMany: (records) =>
      inTransaction(pool, async (client) => {
        for (const r of records)
          await client.query(UPSERT, [r.ownerUid, r.id, JSON.stringify(r.draft), r.createdAt, r.updatedAt]);
      }),
    delete: async (ownerUid, id) =>
      ((await pool.query('DELETE FROM templates WHERE owner_uid = $1 AND id = $2', [ownerUid, id])).rowCount ?? 0) > 0,
    count: async (ownerUid) =>
      (await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM templates WHERE owner_uid = $1', [ownerUid]))
        .rows[0]?.n ?? 0,
  };
}
