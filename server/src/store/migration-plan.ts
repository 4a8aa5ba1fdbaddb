/** One schema step. Versions only grow; a shipped migration is never edited, a new one is appended. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The version and name of every step, as both dialects' `schema_migrations` ledgers record them:
 * existing databases hold these, so they never change.
 */
export const STEPS = {
  pollsBallotsRuns: { version: 1, name: 'polls-ballots-runs' },
  zoomCloud: { version: 2, name: 'zoom-cloud' },
  pollKinds: { version: 3, name: 'poll-kinds-host-tools' },
  ballotChanges: { version: 4, name: 'ballot-changes' },
  templates: { version: 5, name: 'poll-templates' },
  breakoutRooms: { version: 6, name: 'ballot-breakout-rooms' },
  sessionRevocations: { version: 7, name: 'session-revocations' },
  qa: { version: 8, name: 'audience-qa' },
} as const;

/**
 * The steps still to apply to a schema at version `current`, oldest first. Refuses a database written
 * by newer code rather than guess at a schema it does not know.
 */
export function pendingMigrations(migrations: readonly Migration[], current: number): Migration[] {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (current > known) throw new Error(`database schema v${current} is newer than this server (v${known})`);
  return migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
}
