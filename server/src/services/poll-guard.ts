import { canSeePoll, fail, isHostRole, ok, type Poll, type Result } from '@quorum/shared';
import type { Session } from '../session/session-token';
import type { MeetingAccess } from './meeting-access';
import type { PollState } from './poll-state';

/**
 * What a caller needs to do with a poll:
 * - `vote`: it is in the caller's meeting (the domain rules then decide whether it takes ballots);
 * - `see`: and the caller's role may see it (participants never see drafts);
 * - `host`: the caller is the host or a co-host (results, exports, who voted);
 * - `run`: the caller may run polls in this meeting (the host's co-host setting included).
 */
export type PollNeed = 'vote' | 'see' | 'host' | 'run';

/** Refuses a session that is not the meeting's host or a co-host, saying what it wanted. */
export function hostOnly(session: Session, what: string): Result<true> {
  return isHostRole(session.role) ? ok(true) : fail('FORBIDDEN', `only the host or a co-host can ${what}`);
}

/**
 * The one rule for "may this session touch this poll", used by every transport. A poll of another
 * meeting is NOT_FOUND, exactly like one that does not exist, so no meeting learns of another's polls.
 */
export class PollGuard {
  constructor(
    private readonly state: PollState,
    private readonly access: MeetingAccess,
  ) {}

  async pollFor(session: Session, pollId: string, need: PollNeed, what = 'do this'): Promise<Result<Poll>> {
    // Permission first, so a participant learns only that they may not, not which polls exist.
    if (need === 'run') {
      const allowed = await this.access.mayRun(session);
      if (!allowed.ok) return allowed;
    }
    if (need === 'host') {
      const allowed = hostOnly(session, what);
      if (!allowed.ok) return allowed;
    }
    const poll = await this.state.poll(pollId);
    if (!poll || poll.meetingId !== session.meetingId)
      return fail('NOT_FOUND', 'no such poll in this meeting', 'pollId');
    if (need === 'see' && !canSeePoll(poll, session.role))
      return fail('NOT_FOUND', 'no such poll in this meeting', 'pollId');
    return ok(poll);
  }
}
