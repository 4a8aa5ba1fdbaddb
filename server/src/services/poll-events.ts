import type { MeetingSettings, Poll } from '@quorum/shared';

/** What the service tells the realtime layer after a change is committed. */
export interface PollEvents {
  pollChanged(poll: Poll): void;
  pollDeleted(poll: Poll): void;
  tallyChanged(poll: Poll): void;
  /** Optional so older wiring keeps compiling; the realtime layer tells the meeting. */
  settingsChanged?(meetingId: string, settings: MeetingSettings): void;
}
