import type { AttendanceRecord, Store, ZoomUserRecord } from '../store/types';

/** How a voter of a named poll appears in its exports: Zoom's display name, and the email where the app has it. */
export interface VoterLabel {
  name: string | null;
  email: string | null;
}

export type VoterLabels = (voterId: string) => VoterLabel;

const NONE: VoterLabel = { name: null, email: null };

/** The Zoom user id behind a signed-in voter (`u:<uid>`); guests (`g:…`) have none. */
const uidOf = (voterId: string): string | undefined => (voterId.startsWith('u:') ? voterId.slice(2) : undefined);

/**
 * Labels from Zoom only, never from what a client claims: the name Zoom's participant webhooks gave
 * the user in this meeting (the latest one), else the display name of their profile (`GET /users/me`,
 * users who authorized Quorum), which also gives the email. A guest has no Zoom user id to match
 * (Zoom leaves it out of their context and their webhooks), so a guest stays unnamed.
 */
export function labelVoters(
  attendance: readonly AttendanceRecord[],
  profiles: ReadonlyMap<string, ZoomUserRecord>,
): VoterLabels {
  const named = new Map<string, string>();
  for (const record of attendance) if (record.userId && record.name) named.set(record.userId, record.name);
  return (voterId) => {
    const uid = uidOf(voterId);
    if (uid === undefined) return NONE;
    const profile = profiles.get(uid);
    return { name: named.get(uid) ?? profile?.displayName ?? null, email: profile?.email ?? null };
  };
}

/** Reads what {@link labelVoters} needs for these voters of a meeting. */
export async function voterLabels(
  store: Pick<Store, 'meetings' | 'zoomUsers'>,
  meetingId: string,
  voterIds: Iterable<string>,
): Promise<VoterLabels> {
  const uids = [...new Set([...voterIds].flatMap((id) => uidOf(id) ?? []))];
  const found = await Promise.all(uids.map((uid) => store.zoomUsers.get(uid)));
  const profiles = new Map(found.flatMap((p) => (p ? [[p.uid, p] as const] : [])));
  return labelVoters(await store.meetings.listAttendance(meetingId), profiles);
}
