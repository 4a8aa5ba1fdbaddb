import type Database from 'better-sqlite3';
import type { MeetingSettingsRepository } from '../types';

interface SettingsRow {
  co_hosts_may_run: number;
}

/** Per-meeting settings, one row per meeting that changed a default. */
export function meetingSettingsRepository(db: Database.Database): MeetingSettingsRepository {
  const get = db.prepare<[string], SettingsRow>('SELECT co_hosts_may_run FROM meeting_settings WHERE meeting_id = ?');
  const put = db.prepare<[string, number, number]>(
    `INSERT INTO meeting_settings (meeting_id, co_hosts_may_run, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (meeting_id) DO UPDATE SET co_hosts_may_run = excluded.co_hosts_may_run, updated_at = excluded.updated_at`,
  );
  return {
    get: async (meetingId) => {
      const row = get.get(meetingId);
      return row && { coHostsMayRun: row.co_hosts_may_run === 1 };
    },
    put: async (meetingId, settings, at) => void put.run(meetingId, settings.coHostsMayRun ? 1 : 0, at),
  };
}
