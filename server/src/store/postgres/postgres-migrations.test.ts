import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../sqlite/migrations';
import { applyMigrations, lockMigrations, MIGRATION_LOCK_CLASS, MIGRATIONS } from './migrations';
import { createPool } from './pg-pool';
import { openPostgresStore } from './postgres-store';
import { adminQuery, describeWithPostgres, dropSchema, freshSchema, PG_TEST_URL } from './test-support';

const schemas: string[] = [];
const track = (schema = freshSchema()): string => (schemas.push(schema), schema);

afterEach(async () => {
  for (const schema of schemas.splice(0)) await dropSchema(schema);
});

const ledger = (schema: string) =>
  adminQuery<{ version: number; name: string }>(
    `SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`,
  );

/** Resolves when a migration of `schema` is waiting for the advisory lock (fails after 5 s). */
async function waiterOn(schema: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows = await adminQuery(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1 AND objid = hashtext($2)::oid",
      [MIGRATION_LOCK_CLASS, schema],
    );
    if (rows.length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no migration ever waited for the lock');
}

describeWithPostgres('postgres migrations', () => {
  it('has the same versions and names as the SQLite migrations', () => {
    expect(MIGRATIONS.map(({ version, name }) => ({ version, name }))).toEqual(
      SQLITE_MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
  });

  it('applies each migration once when three instances open a fresh schema at the same moment', async () => {
    const schema = track();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(PG_TEST_URL, { schema, poolSize: 2 })));
    await Promise.all(stores.map((s) => s.close()));
    expect(await ledger(schema)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const pool = createPool(PG_TEST_URL, { schema });
    try {
      expect(await applyMigrations(pool, schema)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('makes a starting instance wait while another holds the migration lock', async () => {
    const schema = track();
    const holder = new pg.Client({ connectionString: PG_TEST_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await lockMigrations(holder, schema);
      let opened = false;
      const opening = openPostgresStore(PG_TEST_URL, { schema, poolSize: 1 }).then((s) => ((opened = true), s));
      await waiterOn(schema);
      expect(opened).toBe(false);
      await holder.query('COMMIT');
      const store = await opening;
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      expect(await ledger(schema)).toHaveLength(MIGRATIONS.length);
    } finally {
      await holder.end();
    }
  });

  it('refuses a schema migrated by a newer server', async () => {
    const schema = track();
    await (await openPostgresStore(PG_TEST_URL, { schema })).close();
    await adminQuery(`INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)`);
    await expect(openPostgresStore(PG_TEST_URL, { schema })).rejects.toThrow(/newer than this server/);
  });

  it('keeps schemas apart, and refuses a schema name it would have to quote', async () => {
    const [one, two] = [track(), track()];
    const [s1, s2] = await Promise.all([one, two].map((schema) => openPostgresStore(PG_TEST_URL, { schema })));
    await s1!.meetingSettings.put('m1', { coHostsMayRun: false }, 1);
    expect(await s2!.meetingSettings.get('m1')).toBeUndefined();
    expect(await s1!.meetingSettings.get('m1')).toEqual({ coHostsMayRun: false });
    await Promise.all([s1!.close(), s2!.close()]);
    await expect(openPostgresStore(PG_TEST_URL, { schema: 'Robert"; DROP TABLE polls; --' })).rejects.toThrow(
      /lower-case/,
    );
  });

  it('fails to open, quickly and clearly, when the server is unreachable', async () => {
    const started = Date.now();
    await expect(
      openPostgresStore('postgres://postgres@127.0.0.1:1/test', { connectTimeoutMs: 1_000 }),
    ).rejects.toThrow(/ECONNREFUSED|timeout/i);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
