import type { Store } from './types';
import { openSqliteStore } from './sqlite/sqlite-store';

/** Opens the store named by DATABASE_URL: `sqlite:<path>` (the embedded default). */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqliteStore(databaseUrl.slice('sqlite:'.length));
  throw new Error(`DATABASE_URL: unsupported database "${databaseUrl.split(':')[0]}" (use sqlite:<path>)`);
}
