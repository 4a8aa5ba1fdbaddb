import type { Store } from './sim-store';
import type { Person, SimState } from './sim-types';
import type { ZoomCloudClient } from './zoom-cloud-client';

// What Zoom's cloud would learn from the simulated meeting, derived from state changes so the meeting
// controller stays unaware of webhooks: a new meeting starts (and everyone in it joins), people join
// and leave, and "End meeting" ends it.

/** Guests have no Zoom user id; Zoom's participant events then carry only the name. */
const participantOf = (p: Person) => ({
  ...(p.status === 'unauthenticated' ? {} : { uid: p.userId }),
  name: p.screenName,
});

const hostIdOf = (s: SimState): { hostId?: string } => {
  const host = s.persons.find((p) => p.role === 'host');
  return host ? { hostId: host.userId } : {};
};

const missingFrom = (people: Person[], others: Person[]) => people.filter((p) => !others.some((o) => o.id === p.id));

/** Registers the meeting and its people with the fake cloud, then mirrors every change as a webhook; returns the unsubscribe. */
export function startCloudSync(store: Store<SimState>, cloud: ZoomCloudClient): () => void {
  const join = (s: SimState, p: Person) => {
    cloud.registerUser({ uid: p.userId, name: p.screenName });
    cloud.sendEvent({
      event: 'meeting.participant_joined',
      meetingUuid: s.meeting.uuid,
      participant: participantOf(p),
    });
  };
  const start = (s: SimState) => {
    // Registered first, so the REST API answers with this topic and host instead of made-up defaults.
    cloud.registerMeeting({ uuid: s.meeting.uuid, topic: s.meeting.topic, ...hostIdOf(s) });
    cloud.sendEvent({ event: 'meeting.started', meetingUuid: s.meeting.uuid, topic: s.meeting.topic, ...hostIdOf(s) });
    s.persons.forEach((p) => join(s, p));
  };

  let previous = store.get();
  start(previous);
  return store.subscribe(() => {
    const [prev, next] = [previous, store.get()];
    previous = next;
    if (next.meeting.uuid !== prev.meeting.uuid) return start(next);
    if (next.meeting.ended && !prev.meeting.ended) {
      cloud.sendEvent({
        event: 'meeting.ended',
        meetingUuid: next.meeting.uuid,
        topic: next.meeting.topic,
        ...hostIdOf(next),
      });
    }
    if (next.persons === prev.persons || next.meeting.ended) return;
    missingFrom(next.persons, prev.persons).forEach((p) => join(next, p));
    for (const p of missingFrom(prev.persons, next.persons)) {
      cloud.sendEvent({
        event: 'meeting.participant_left',
        meetingUuid: next.meeting.uuid,
        participant: participantOf(p),
      });
    }
  });
}
