import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { castBallot, createPoll, openPoll, pollDraftSchema, type Ballot, type Poll } from '@quorum/shared';
import { draftOf, must, options, question } from '@quorum/shared/testing';
import { describeStoreContract } from './store-contract';
import type { Store } from '../../src/store/types';
import { applyMigrations, MIGRATIONS } from '../../src/store/sqlite/migrations';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';

const dirs: string[] = [];
const opened: Store[] = [];

/** A database path in a fresh temp dir, one level down so the store has to create its parent. */
async function freshPath(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'quorum-store-'));
  dirs.push(dir);
  return join(dir, 'data', 'quorum.db');
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describeStoreContract('sqlite', async () => openSqliteStore(await freshPath()));

let seq = 0;
const ctx = { now: 1_000, newId: () => `sq-${++seq}` };

function fixture(): { poll: Poll; ballots: Ballot[] } {
  const draft = pollDraftSchema.parse(draftOf([question('single', { options: options('a', 'b') })], {}, 'Durability'));
  const poll = must(openPoll(must(createPoll(draft, 'm1', ctx)), 2_000));
  const ballots = ['v1', 'v2', 'v3'].map((voter) =>
    must(
      castBallot(
        poll,
        voter,
        {
          pollId: poll.id,
          questionId: 'q1',
          answer: { kind: 'single', optionId: 'a' },
          clientBallotId: `client-${voter}`,
        },
        ctx,
      ),
    ),
  );
  return { poll, ballots };
}

/** Opens a store on `path` that the cleanup hook closes if the test does not. */
function track(path: string): Store {
  const store = openSqliteStore(path);
  opened.push(store);
  return store;
}

/** A plain connection to inspect the file behind the store's back. */
function raw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  return db;
}

describe('sqlite store specifics', () => {
  it('records each migration once, however often the file is reopened', async () => {
    const path = await freshPath();
    for (let i = 0; i < 3; i++) await openSqliteStore(path).close();
    const db = raw(path);
    try {
      const rows = db
        .prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')
        .all();
      expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
      expect(applyMigrations(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses a file migrated by a newer server', async () => {
    const path = await freshPath();
    await openSqliteStore(path).close();
    const db = raw(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)").run();
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/newer than this server/);
  });

  it('has acknowledged ballots committed before writeMany resolves, and keeps them across reopen', async () => {
    const path = await freshPath();
    const { poll, ballots } = fixture();
    const store = track(path);
    await store.polls.insert(poll);
    await store.ballots.writeMany(ballots.map((ballot) => ({ ballot, allowAnswerChange: true })));
    // A second connection sees them while the store is still open: they are in the WAL, not in a buffer.
    const db = raw(path);
    expect(db.prepare('SELECT COUNT(*) FROM ballots').pluck().get()).toBe(3);
    db.close();
    await store.close();
    const reopened = track(path);
    expect(await reopened.polls.get(poll.id)).toEqual(poll);
    expect(await reopened.ballots.listForRun(poll.id, 1)).toEqual(expect.arrayContaining(ballots));
    expect(await reopened.ballots.tallyVersion(poll.id, 1)).toBe(3);
  });

  it('runs in WAL mode', async () => {
    const path = await freshPath();
    track(path);
    const db = raw(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('enforces one ballot per voter, question and run in the schema itself', async () => {
    const path = await freshPath();
    const { poll, ballots } = fixture();
    const store = track(path);
    await store.polls.insert(poll);
    await store.ballots.writeMany([{ ballot: ballots[0]!, allowAnswerChange: true }]);
    const db = raw(path);
    const insert = db.prepare(
      `INSERT INTO ballots (ballot_id, poll_id, run, question_id, voter_id, client_ballot_id, answer, cast_at)
       VALUES (?, ?, 1, 'q1', 'v1', 'another-client-id', '{"kind":"single","optionId":"b"}', 3000)`,
    );
    try {
      expect(() => insert.run('sneaky-ballot', poll.id)).toThrow(/UNIQUE constraint failed/);
    } finally {
      db.close();
    }
    expect(await store.ballots.listForRun(poll.id, 1)).toEqual([ballots[0]]);
  });

  it('opens in memory and answers ping', async () => {
    const store = track(':memory:');
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
