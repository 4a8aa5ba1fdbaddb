import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Pool, PoolClient, QueryConfig } from 'pg';

/** How to open the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Creates (if needed) and uses this schema instead of the default search_path: one per test, or per tenant. */
  schema?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** How long to wait for a connection before a query fails (default 5 s): refuse, never hang. */
  connectTimeoutMs?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INT8_OID = 20;

/** Throws unless `schema` is a plain lower-case identifier, so it can go into SQL and connection options as is. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`PostgreSQL schema "${schema}": use lower-case letters, digits and _`);
  return schema;
}

/** A pool whose connections parse BIGINT as a JS number and, given a schema, resolve names in it only. */
export function createPool(url: string, opts: PostgresStoreOptions = {}): Pool {
  // Epoch ms, versions and counts are far below 2^53; pg's default (strings) would leak into every row type.
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    keepAlive: true,
    types,
    ...(opts.schema === undefined ? {} : { options: `-c search_path=${checkSchemaName(opts.schema)}` }),
  });
  // An idle connection dropped by the server (restart, failover) is reported here; unhandled it would
  // crash the process. The pool discards it, and the next query reports the outage to its caller.
  pool.on('error', () => undefined);
  // A checked-out connection has no pool listener: one that dies mid-transaction (database restart,
  // network cut) would emit an unhandled 'error' and end the process. Its query rejects anyway, and
  // `inTransaction` destroys it on release, so the event itself can be ignored.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

/** True for a deadlock or serialization failure: the transaction may simply run again. */
export const isRetryable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code));

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it
 * throws. A deadlock between instances locking the same rows is retried (PostgreSQL picked this one
 * as the victim and rolled it back, so running it again is safe).
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = await rollback(client);
      if (attempt >= attempts || !isRetryable(error)) throw error;
    } finally {
      // A connection that could not even roll back is destroyed rather than handed to the next caller.
      client.release(broken);
    }
  }
}

async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Thrown inside `inTransaction` to roll back on purpose and hand a value back to the caller. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** `inTransaction`, where `work` may end with `throw new Rollback(value)` to undo everything and return `value`. */
export async function inTransactionOrRollback<T, R>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T | R> {
  try {
    return await inTransaction(pool, work);
  } catch (error) {
    if (error instanceof Rollback) return error.value as R;
    throw error;
  }
}

/**
 * A named prepared statement: each connection parses and plans it once, not per call (it saves a
 * third of a small query's time on the vote path). The name comes from the text, so two statements
 * can never claim one name.
 */
export function prepared(text: string): (values: unknown[]) => QueryConfig {
  const name = `quorum_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  return (values) => ({ name, text, values });
}
