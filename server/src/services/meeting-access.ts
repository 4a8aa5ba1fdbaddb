import {
  DEFAULT_MEETING_SETTINGS,
  fail,
  isHostRole,
  mayRunPolls,
  ok,
  type MeetingSettings,
  type Result,
} from '@quorum/shared';
import type { Session } from '../session/session-token';
import type { Store } from '../store/types';

/**
 * Who may run polls in a meeting: the host always, co-hosts unless the host restricted it. The
 * setting is read from the store on every host action (rare, and a cheap indexed read), so every
 * server process and every restart enforces the same rule.
 */
export class MeetingAccess {
  constructor(
    private readonly store: Store,
    private readonly changed: (meetingId: string, settings: MeetingSettings) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The meeting's settings, defaults when the host never changed them. */
  async settings(meetingId: string): Promise<MeetingSettings> {
    return (await this.store.meetingSettings.get(meetingId)) ?? DEFAULT_MEETING_SETTINGS;
  }

  /** OK when the session may create, edit, launch, close and moderate polls; FORBIDDEN saying why not. */
  async mayRun(session: Session): Promise<Result<true>> {
    if (!isHostRole(session.role)) return fail('FORBIDDEN', 'only the host or a co-host can do this');
    if (session.role === 'host') return ok(true);
    if (mayRunPolls(session.role, await this.settings(session.meetingId))) return ok(true);
    return fail('FORBIDDEN', 'the host has limited running polls to the host');
  }

  /** `meeting:settings`: the host alone changes them. */
  async update(session: Session, settings: MeetingSettings): Promise<Result<MeetingSettings>> {
    if (session.role !== 'host') return fail('FORBIDDEN', 'only the host can change who runs polls');
    await this.store.meetingSettings.put(session.meetingId, settings, this.now());
    this.changed(session.meetingId, settings);
    return ok(settings);
  }
}
