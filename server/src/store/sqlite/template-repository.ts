import type Database from 'better-sqlite3';
import type { PollDraft } from '@quorum/shared';
import type { TemplateRecord, TemplateRepository } from '../types';

interface TemplateRow {
  owner_uid: string;
  id: string;
  draft: string;
  created_at: number;
  updated_at: number;
}

// The draft is trusted on the way out: only validated drafts are ever written.
const toRecord = (r: TemplateRow): TemplateRecord => ({
  ownerUid: r.owner_uid,
  id: r.id,
  draft: JSON.parse(r.draft) as PollDraft,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const cols = 'owner_uid, id, draft, created_at, updated_at';

/** Poll templates in SQLite, one row per (owner, id). */
export function templateRepository(db: Database.Database): TemplateRepository {
  const list = db.prepare<[string], TemplateRow>(
    `SELECT ${cols} FROM templates WHERE owner_uid = ? ORDER BY updated_at DESC, id`,
  );
  const get = db.prepare<[string, string], TemplateRow>(`SELECT ${cols} FROM templates WHERE owner_uid = ? AND id = ?`);
  const put = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO templates (${cols}) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner_uid, id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM templates WHERE owner_uid = ? AND id = ?');
  const count = db.prepare<[string], number>('SELECT COUNT(*) FROM templates WHERE owner_uid = ?').pluck();
  const putAll = db.transaction((records: readonly TemplateRecord[]) => {
    for (const r of records) put.run(r.ownerUid, r.id, JSON.stringify(r.draft), r.createdAt, r.updatedAt);
  });
  return {
    list: async (ownerUid) => list.all(ownerUid).map(toRecord),
    get: async (ownerUid, id) => {
      const row = get.get(ownerUid, id);
      return row && toRecord(row);
    },
    putMany: async (records) => void putAll.immediate(records),
    delete: async (ownerUid, id) => remove.run(ownerUid, id).changes > 0,
    count: async (ownerUid) => count.get(ownerUid) ?? 0,
  };
}
