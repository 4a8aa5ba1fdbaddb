import { STEPS, type Migration } from './migration-plan';

/**
 * v6, the same in SQLite and PostgreSQL: the breakout room each ballot was cast in (the room's UUID
 * from the voter's encrypted Zoom context). NULL is the main meeting room, which is also where every
 * ballot written before this version was cast. Tallies read it per run, so it needs no index.
 */
export const BREAKOUT_ROOMS_MIGRATION: Migration = {
  ...STEPS.breakoutRooms,
  sql: 'ALTER TABLE ballots ADD COLUMN room_id TEXT;',
};
