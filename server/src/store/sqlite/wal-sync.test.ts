import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walSync, type WalSync } from './wal-sync';

describe('walSync', () => {
  let dir: string;
  let db: Database.Database;
  let wal: WalSync;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quorum-wal-'));
    db = new Database(join(dir, 'x.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (v INTEGER)');
    wal = walSync(db);
  });
  afterEach(async () => {
    wal.close();
    db.close();
    await rm(dir, { recursive: true, force: true });
  });
  const level = () => db.pragma('synchronous', { simple: true });

  it('commits with the in-commit fsync off, syncs after, and leaves the connection on FULL', async () => {
    let during: unknown;
    const insert = db.transaction(() => {
      during = level();
      return db.prepare('INSERT INTO t (v) VALUES (1)').run().changes;
    });
    const done = wal.durably(() => insert.immediate());
    // Committed (visible) at once; the promise waits for the fdatasync on the thread pool.
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    expect(await done).toBe(1);
    expect(during).toBe(1); // NORMAL
    expect(level()).toBe(2); // FULL
    expect(await wal.durably(() => insert.immediate())).toBe(1);
  });

  it('goes back to FULL when the commit throws, and reports the error', async () => {
    await expect(
      wal.durably(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(level()).toBe(2);
  });

  it('runs the commit alone for an in-memory database, which has no WAL to sync', async () => {
    const memory = new Database(':memory:');
    expect(await walSync(memory).durably(() => 'done')).toBe('done');
    memory.close();
  });
});
