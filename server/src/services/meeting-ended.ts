import { fail } from '@quorum/shared';
import type { Store } from '../store/types';

/**
 * A meeting Zoom reported ended is final: meeting.ended closed its polls and sent the report, so a
 * relaunch or a late ballot would change results nobody will hear about. (Zoom gives every meeting
 * instance its own UUID, so the same UUID never starts again.)
 */
export const meetingEnded = () =>
  fail('MEETING_ENDED', 'this meeting has ended: its polls are final and take no more launches or votes');

/** True once meeting.ended was applied to the meeting (read from the store: any process may have). */
export async function hasEnded(store: Pick<Store, 'meetings'>, meetingId: string): Promise<boolean> {
  return (await store.meetings.get(meetingId))?.status === 'ended';
}
