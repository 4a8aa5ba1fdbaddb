/** How many meetings, and people per meeting, the tracker remembers before it forgets the oldest. */
const MAX_MEETINGS = 5_000;
const MAX_PER_MEETING = 50_000;

/**
 * The people (voter ids) who opened Quorum in each meeting, as seen by this server process: the
 * attendance estimate of the meeting report when Zoom's participant webhooks are missing. Memory
 * only and bounded, least recently active meeting first out; the report adds the voters from the store
 * and the sockets connected now on every instance, so a restart or another instance loses little.
 */
export class ParticipantsSeen {
  private readonly meetings = new Map<string, Set<string>>();

  add(meetingId: string, voterId: string): void {
    const people = this.meetings.get(meetingId) ?? new Set<string>();
    // Re-inserting moves the meeting to the end, so eviction takes the least recently active one.
    this.meetings.delete(meetingId);
    this.meetings.set(meetingId, people);
    if (people.size < MAX_PER_MEETING) people.add(voterId);
    if (this.meetings.size > MAX_MEETINGS) this.meetings.delete(this.meetings.keys().next().value!);
  }

  list(meetingId: string): string[] {
    return [...(this.meetings.get(meetingId) ?? [])];
  }
}
