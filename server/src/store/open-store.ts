import type { Store } from './types';
import { openPostgresStore, type PostgresStoreOptions } from './postgres/postgres-store';
import { openSqliteStore } from './sqlite/sqlite-store';

/**
 * Opens the store named by DATABASE_URL: `sqlite:<path>` (the embedded default) or a
 * `postgres://` / `postgresql://` URL (scale-out: several instances may share it).
 */
export async function openStore(databaseUrl: string, postgres: PostgresStoreOptions = {}): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqliteStore(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresStore(databaseUrl, postgres);
  throw new Error(
    `DATABASE_URL: unsupported database "${databaseUrl.split(':')[0]}" (use sqlite:<path> or postgres://…)`,
  );
}
