import type { Answer } from '@quorum/shared';
import { join, type Client, type Endpoint } from '../../../server/test/support/harness';
import type { SimPage } from './sim-page';

/**
 * A socket.io client outside the browser holding a real session of one simulated person: what that
 * person could open with their own Zoom app context (same meeting, same Zoom user, same role, and the
 * breakout room they are in now, in Zoom's documented form: the room's UUID as `mid`, the meeting's as `pid`).
 */
export async function connectAs(server: Endpoint, sim: SimPage, personId: string): Promise<Client> {
  const person = await sim.person(personId);
  const role = person.role === 'host' ? 'host' : person.role === 'coHost' ? 'co-host' : 'participant';
  const meeting = await sim.meetingUuid();
  const where = person.roomId ? { mid: person.roomId, pid: meeting } : { mid: meeting };
  return join(server, { ...where, uid: person.userId, role });
}

/** Casts a single-choice vote for the option labelled `label` in the open poll titled `title`. */
export async function voteFrom(client: Client, title: string, label: string): Promise<void> {
  const poll = client.snapshot.polls.find((p) => p.title === title && p.status === 'open');
  const question = poll?.questions[0];
  const option = question?.kind === 'single' ? question.options.find((o) => o.label === label) : undefined;
  if (!poll || !question || !option) throw new Error(`no open poll “${title}” with the option “${label}”`);
  const answer: Answer = { kind: 'single', optionId: option.id };
  const ack = await client.socket.emitWithAck('ballot:cast', {
    pollId: poll.id,
    questionId: question.id,
    answer,
    clientBallotId: `e2e-${Math.random().toString(36).slice(2, 14)}`,
  });
  if (!ack.ok) throw new Error(ack.error.message);
}
