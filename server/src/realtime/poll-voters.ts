import { fail, isHostRole, ok, type PollVoters, type Result } from '@quorum/shared';
import type { PollService } from '../services/poll-service';
import type { Session } from '../session/session-token';
import { meetingRoom } from './rooms';
import type { QuorumServer } from './types';

/**
 * Which connected participants have voted in a poll's current run, by the participantUUID their
 * clients claim: lets the host invite only those who have not. A wrong claim can only mis-target an
 * invitation. Anonymous polls answer nothing, since "who has not voted" would reveal who has.
 */
export async function pollVoters(io: QuorumServer, service: PollService, session: Session, pollId: string): Promise<Result<PollVoters>> {
  if (!isHostRole(session.role)) return fail('FORBIDDEN', 'only the host or a co-host can see who has voted');
  const poll = await service.state.poll(pollId);
  if (!poll || poll.meetingId !== session.meetingId) return fail('NOT_FOUND', 'no such poll in this meeting', 'pollId');
  if (poll.settings.anonymous || poll.run === 0) return ok({ anonymous: poll.settings.anonymous, participantUUIDs: [] });
  const tally = await service.state.tally(poll);
  // fetchSockets reaches every instance through the adapter, so a scaled-out meeting answers whole.
  const sockets = await io.in(meetingRoom(poll.meetingId)).fetchSockets();
  const voted = new Set<string>();
  for (const socket of sockets) {
    const uuid = socket.data.participantUUID;
    if (uuid !== undefined && tally.hasVoted(socket.data.session.voterId)) voted.add(uuid);
  }
  return ok({ anonymous: false, participantUUIDs: [...voted] });
}
