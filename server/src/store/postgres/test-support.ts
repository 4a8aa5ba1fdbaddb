import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import type { Store } from '../types';
import { openPostgresStore } from './postgres-store';
import type { PostgresStoreOptions } from './pg-pool';

/** The PostgreSQL the store tests use (the cluster tests' TEST_DATABASE_URL too); local by default. */
export const PG_TEST_URL =
  process.env.TEST_DATABASE_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const redacted = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable TEST_DATABASE_URL)';
  }
};

/** Why PostgreSQL cannot be used (not reachable within 2 s), or undefined when it can. */
async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL is not reachable at ${redacted(url)} within 2 s (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await probe(PG_TEST_URL);

/**
 * `describe`, when PostgreSQL answers. When it does not, the suite fails with the reason, unless
 * QUORUM_SKIP_POSTGRES=1 says to skip it (then the reason is printed and the suite skipped).
 */
export function describeWithPostgres(name: string, body: () => void): void {
  if (!problem) {
    describe(name, body);
  } else if (process.env.QUORUM_SKIP_POSTGRES === '1') {
    console.warn(`[${name}] skipped: ${problem}; QUORUM_SKIP_POSTGRES=1 is set.`);
    describe.skip(name, body);
  } else {
    describe(name, () => {
      it('needs PostgreSQL', () => {
        throw new Error(
          `${problem}. Start PostgreSQL, point TEST_DATABASE_URL at one, or set QUORUM_SKIP_POSTGRES=1 to skip these tests.`,
        );
      });
    });
  }
}

/** A schema name no other test (or test process) uses. */
export const freshSchema = (): string => `quorum_test_${process.pid}_${randomBytes(5).toString('hex')}`;

/** Runs one statement on a short-lived connection outside any store. */
export async function adminQuery<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export const dropSchema = async (schema: string): Promise<void> =>
  void (await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

/** A store in its own fresh schema, which `close()` drops. */
export async function openIsolatedStore(
  opts: Omit<PostgresStoreOptions, 'schema'> = {},
): Promise<Store & { schema: string }> {
  const schema = freshSchema();
  const store = await openPostgresStore(PG_TEST_URL, { ...opts, schema, poolSize: opts.poolSize ?? 4 });
  return {
    ...store,
    schema,
    close: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
}
