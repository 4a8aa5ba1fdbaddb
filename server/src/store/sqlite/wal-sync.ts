import { closeSync, fdatasync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import type Database from 'better-sqlite3';

const fdatasyncAsync = promisify(fdatasync);

/** Commits whose fsync runs on libuv's thread pool instead of blocking the event loop. */
export interface WalSync {
  /**
   * Runs `commit` (a whole transaction) with `synchronous = NORMAL`, then fdatasyncs the WAL file
   * off the event loop; resolves with the commit's result once it is on disk.
   */
  durably<T>(commit: () => T): Promise<T>;
  close(): void;
}

/**
 * Group commit without stalling the event loop. Under `synchronous = FULL` SQLite fsyncs the WAL
 * inside COMMIT, and better-sqlite3 is synchronous, so every ballot batch froze the loop for the
 * fsync (0.2–5 ms here, more under I/O contention): no frames read, no acks, no fan-out meanwhile.
 * With NORMAL the commit only appends to the WAL (in the page cache: a killed process loses
 * nothing); syncing that file ourselves before anyone is told makes the batch as durable as FULL
 * would, for an OS crash or a power cut too. Until the sync returns, readers on this connection
 * may already see the batch, but no ack, tally or broadcast carries it.
 */
export function walSync(db: Database.Database): WalSync {
  // In-memory databases (tests) have no WAL and nothing to make durable.
  const wal = !db.memory && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  let fd: number | undefined;
  return {
    async durably(commit) {
      if (!wal) return commit();
      // exec, not a prepared statement: SQLite applies this pragma when it compiles it.
      db.exec('PRAGMA synchronous = NORMAL');
      let result;
      try {
        result = commit();
      } finally {
        db.exec('PRAGMA synchronous = FULL');
      }
      // Opened once the WAL exists (after the first commit); SQLite keeps that file, and its inode,
      // while the connection is open: checkpoints rewind or truncate it, never replace it.
      fd ??= openSync(`${db.name}-wal`, 'r');
      await fdatasyncAsync(fd);
      return result;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
