import { ok, type PollVoters, type Result } from '@quorum/shared';
import type { PollGuard } from '../services/poll-guard';
import type { PollState } from '../services/poll-state';
import type { Session } from '../session/session-token';
import { meetingRoom } from './rooms';
import type { QuorumServer } from './types';

export interface PollVotersDeps {
  io: QuorumServer;
  guard: PollGuard;
  state: PollState;
}

/**
 * Which connected participants have voted in a poll's current run, by the participantUUID their
 * clients claim: lets the host invite only those who have not. A wrong claim can only mis-target an
 * invitation. Anonymous polls answer nothing, since "who has not voted" would reveal who has.
 */
export async function pollVoters(
  { io, guard, state }: PollVotersDeps,
  session: Session,
  pollId: string,
): Promise<Result<PollVoters>> {
  const found = await guard.pollFor(session, pollId, 'host', 'see who has voted');
  if (!found.ok) return found;
  const poll = found.data;
  if (poll.settings.anonymous || poll.run === 0)
    return ok({ anonymous: poll.settings.anonymous, participantUUIDs: [] });
  const tally = await state.tally(poll);
  // fetchSockets reaches every instance through the adapter, so a scaled-out meeting answers whole.
  const sockets = await io.in(meetingRoom(poll.meetingId)).fetchSockets();
  const voted = new Set<string>();
  for (const socket of sockets) {
    const uuid = socket.data.participantUUID;
    if (uuid !== undefined && tally.hasVoted(socket.data.session.voterId)) voted.add(uuid);
  }
  return ok({ anonymous: false, participantUUIDs: [...voted] });
}
